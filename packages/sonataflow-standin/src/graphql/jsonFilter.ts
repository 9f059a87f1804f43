import { likeToRegExp, Predicate } from './predicates';

/**
 * The Data Index JSON filter (the `variables` argument of ProcessInstances,
 * `metadata` of ProcessDefinitions): nested keys walk into the JSON value and
 * a leaf object holds operators, e.g.
 * `{ workflowdata: { language: { equal: "English" } }, targetEntity: { like: "component:*" } }`.
 * Dotted keys (`"workflowdata.language"`) are accepted as a path too.
 */
const OPERATORS = new Set([
  'equal',
  'in',
  'like',
  'isNull',
  'greaterThan',
  'greaterThanEqual',
  'lessThan',
  'lessThanEqual',
  'between',
  'contains',
  'containsAll',
  'containsAny',
]);

type Json = unknown;
type Obj = Record<string, Json>;
const isObject = (v: Json): v is Obj =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isNil = (v: Json) => v === null || v === undefined;

function isOperatorObject(v: Json): v is Obj {
  if (!isObject(v)) return false;
  const keys = Object.keys(v);
  return keys.length > 0 && keys.every(k => OPERATORS.has(k));
}

/** Postgres compares the JSON text, so 1 and "1" are equal. */
function sameValue(a: Json, b: Json) {
  if (a === b) return true;
  if (isNil(a) || isNil(b) || typeof a === 'object' || typeof b === 'object') {
    return JSON.stringify(a) === JSON.stringify(b);
  }
  return String(a) === String(b);
}

function compare(a: Json, b: Json): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const sa = String(a);
  const sb = String(b);
  if (sa === sb) return 0;
  return sa < sb ? -1 : 1;
}

function leafTest(op: string, expected: Json): (v: Json) => boolean {
  switch (op) {
    case 'equal':
      return v => !isNil(v) && sameValue(v, expected);
    case 'in':
      return v => !isNil(v) && (expected as Json[]).some(e => sameValue(v, e));
    case 'like': {
      const re = likeToRegExp(String(expected));
      return v => !isNil(v) && typeof v !== 'object' && re.test(String(v));
    }
    case 'isNull':
      return v => (expected ? isNil(v) : !isNil(v));
    case 'greaterThan':
      return v => !isNil(v) && compare(v, expected) > 0;
    case 'greaterThanEqual':
      return v => !isNil(v) && compare(v, expected) >= 0;
    case 'lessThan':
      return v => !isNil(v) && compare(v, expected) < 0;
    case 'lessThanEqual':
      return v => !isNil(v) && compare(v, expected) <= 0;
    case 'between': {
      const { from, to } = expected as Obj;
      return v => !isNil(v) && compare(v, from) >= 0 && compare(v, to) <= 0;
    }
    case 'contains':
      return v => Array.isArray(v) && v.some(e => sameValue(e, expected));
    case 'containsAll':
      return v =>
        Array.isArray(v) &&
        (expected as Json[]).every(x => v.some(e => sameValue(e, x)));
    case 'containsAny':
      return v =>
        Array.isArray(v) &&
        (expected as Json[]).some(x => v.some(e => sameValue(e, x)));
    default:
      throw new Error(`Unsupported JSON filter operator '${op}'`);
  }
}

function getPath(value: Json, path: string[]): Json {
  let current = value;
  for (const segment of path) {
    if (!isObject(current)) return undefined;
    current = current[segment];
  }
  return current;
}

function compileNode(filter: Json, path: string[]): Predicate<Json> {
  if (isOperatorObject(filter)) {
    const tests = Object.entries(filter)
      .filter(([, expected]) => expected !== undefined)
      .map(([op, expected]) => leafTest(op, expected));
    return root => {
      const v = getPath(root, path);
      return tests.every(t => t(v));
    };
  }
  if (!isObject(filter)) {
    throw new Error(
      `JSON filter at '${
        path.join('.') || '<root>'
      }' must be an object of keys or operators`,
    );
  }
  const parts: Predicate<Json>[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (key === 'and' || key === 'or') {
      const subs = (value as Json[]).map(f => compileNode(f, path));
      parts.push(
        key === 'and' ? r => subs.every(p => p(r)) : r => subs.some(p => p(r)),
      );
    } else if (key === 'not') {
      const sub = compileNode(value, path);
      parts.push(r => !sub(r));
    } else {
      parts.push(compileNode(value, [...path, ...key.split('.')]));
    }
  }
  return r => parts.every(p => p(r));
}

/** Compiles a JSON filter; the returned predicate takes the JSON root (e.g. variables). */
export function compileJsonFilter(filter: Json): Predicate<Json> {
  if (isNil(filter)) return () => true;
  return compileNode(filter, []);
}
