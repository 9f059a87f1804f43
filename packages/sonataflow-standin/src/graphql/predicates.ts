/**
 * Compiles Data Index `where` arguments (StringArgument, IdArgument,
 * DateArgument, ...) into plain predicates. Several operators in one argument
 * object are ANDed, as the real Data Index does.
 */
export type Predicate<T> = (record: T) => boolean;
type Arg = Record<string, unknown>;

const isNil = (v: unknown) => v === null || v === undefined;

/**
 * SQL LIKE as the Data Index builds it: `*` becomes `%`, so `*`, `%` (any run)
 * and `_` (one character) are wildcards; the match is anchored and case-sensitive.
 */
export function likeToRegExp(pattern: string): RegExp {
  let source = '';
  for (const ch of pattern) {
    if (ch === '*' || ch === '%') source += '.*';
    else if (ch === '_') source += '.';
    else source += ch.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 's');
}

function isNullCheck(expected: unknown, value: unknown) {
  return expected ? isNil(value) : !isNil(value);
}

type ValueTest = (value: unknown) => boolean;

function scalarTest(op: string, expected: unknown): ValueTest {
  switch (op) {
    case 'equal':
      return v => !isNil(v) && v === expected;
    case 'in': {
      const set = new Set(expected as unknown[]);
      return v => !isNil(v) && set.has(v);
    }
    case 'like': {
      const re = likeToRegExp(String(expected));
      return v => typeof v === 'string' && re.test(v);
    }
    case 'isNull':
      return v => isNullCheck(expected, v);
    case 'greaterThan':
      return v => !isNil(v) && (v as number) > (expected as number);
    case 'greaterThanEqual':
      return v => !isNil(v) && (v as number) >= (expected as number);
    case 'lessThan':
      return v => !isNil(v) && (v as number) < (expected as number);
    case 'lessThanEqual':
      return v => !isNil(v) && (v as number) <= (expected as number);
    case 'between': {
      const { from, to } = expected as { from: number; to: number };
      return v => !isNil(v) && (v as number) >= from && (v as number) <= to;
    }
    default:
      throw new Error(`Unsupported filter operator '${op}'`);
  }
}

function arrayTest(op: string, expected: unknown): ValueTest {
  const asArray = (v: unknown) => (Array.isArray(v) ? v : []);
  switch (op) {
    case 'contains':
      return v => asArray(v).includes(expected);
    case 'containsAll':
      return v => (expected as unknown[]).every(e => asArray(v).includes(e));
    case 'containsAny':
      return v => (expected as unknown[]).some(e => asArray(v).includes(e));
    case 'isNull':
      return v => isNullCheck(expected, v);
    default:
      throw new Error(`Unsupported array filter operator '${op}'`);
  }
}

/** One value-level argument object (e.g. `{ equal: "x", isNull: false }`). */
export function compileValueArgument(
  arg: Arg,
  kind: 'scalar' | 'array',
): ValueTest {
  const tests = Object.entries(arg)
    .filter(([, expected]) => expected !== undefined && expected !== null)
    .map(([op, expected]) =>
      kind === 'array' ? arrayTest(op, expected) : scalarTest(op, expected),
    );
  return v => tests.every(t => t(v));
}

/** How one field of an entity is filtered. */
export type FieldSpec<T> =
  | { kind: 'scalar' | 'array'; get: (r: T) => unknown }
  | { kind: 'object'; get: (r: T) => unknown; spec: () => EntitySpec<any> }
  | { kind: 'anyOf'; get: (r: T) => unknown[]; spec: () => EntitySpec<any> }
  | { kind: 'custom'; compile: (arg: unknown) => Predicate<T> };

export type EntitySpec<T> = Record<string, FieldSpec<T>>;

/** Compiles a whole `where` object with `and` / `or` / `not`. */
export function compileWhere<T>(
  spec: EntitySpec<T>,
  where: Arg | null | undefined,
): Predicate<T> {
  if (!where) return () => true;
  const parts: Predicate<T>[] = [];
  for (const [key, value] of Object.entries(where)) {
    if (value === undefined || value === null) continue;
    if (key === 'and') {
      const subs = (value as Arg[]).map(w => compileWhere(spec, w));
      parts.push(r => subs.every(p => p(r)));
    } else if (key === 'or') {
      const subs = (value as Arg[]).map(w => compileWhere(spec, w));
      parts.push(r => subs.some(p => p(r)));
    } else if (key === 'not') {
      const sub = compileWhere(spec, value as Arg);
      parts.push(r => !sub(r));
    } else {
      parts.push(compileField(spec, key, value));
    }
  }
  return r => parts.every(p => p(r));
}

function compileField<T>(
  spec: EntitySpec<T>,
  key: string,
  value: unknown,
): Predicate<T> {
  const field = spec[key];
  if (!field) throw new Error(`Filtering on '${key}' is not supported`);
  switch (field.kind) {
    case 'scalar':
    case 'array': {
      const test = compileValueArgument(value as Arg, field.kind);
      return r => test(field.get(r));
    }
    case 'object': {
      const sub = compileWhere(field.spec(), value as Arg);
      return r => {
        const nested = field.get(r);
        return !isNil(nested) && sub(nested);
      };
    }
    case 'anyOf': {
      const sub = compileWhere(field.spec(), value as Arg);
      return r => (field.get(r) ?? []).some(item => sub(item));
    }
    case 'custom':
      return field.compile(value);
    default:
      throw new Error(`Unknown field kind for '${key}'`);
  }
}
