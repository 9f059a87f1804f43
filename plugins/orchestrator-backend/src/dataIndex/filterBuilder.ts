import { InputError } from '@backstage/errors';
import {
  FieldKind,
  FilterOperator,
  FilterTarget,
  OPERATORS,
} from './allowList';
import { PROCESS_INSTANCE_STATES, WhereArgument } from './types';

/**
 * Turns a REST `Filter` (LogicalFilter | FieldFilter | NestedFilter) into the
 * VALUE of a `$where` variable. The document text never changes: field names
 * and operators come from the allow-list, values are type-checked here and
 * type-checked again by the Data Index against its input types.
 *
 * The input is `unknown` on purpose: services may be called without the
 * OpenAPI router in front (tests, future callers), so the shape is checked here.
 */

const MAX_DEPTH = 6;
const MAX_NODES = 100;
const MAX_LIST = 1000;
const MAX_STRING = 1024;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(message: string): never {
  throw new InputError(`Invalid filter: ${message}`);
}

function checkString(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length > MAX_STRING) {
    fail(`'${field}' needs a string value of at most ${MAX_STRING} characters`);
  }
  return value;
}

/** ISO text or epoch milliseconds, within the JS Date range (else a 400, never a RangeError). */
function checkDate(value: unknown, field: string): string {
  let ms = NaN;
  if (typeof value === 'number') ms = value;
  else if (typeof value === 'string' && value.length <= 64)
    ms = Date.parse(value);
  const date = new Date(ms);
  if (!Number.isFinite(ms) || Number.isNaN(date.getTime())) {
    fail(`'${field}' needs a date value`);
  }
  return date.toISOString();
}

function checkState(value: unknown, field: string): string {
  const state = typeof value === 'string' ? value.toUpperCase() : value;
  if (!PROCESS_INSTANCE_STATES.includes(state as any)) {
    fail(`'${field}' must be one of ${PROCESS_INSTANCE_STATES.join(', ')}`);
  }
  return state as string;
}

function scalarFor(kind: FieldKind, value: unknown, field: string): unknown {
  switch (kind) {
    case 'date':
      return checkDate(value, field);
    case 'state':
      return checkState(value, field);
    default:
      return checkString(value, field);
  }
}

function listOf(kind: FieldKind, value: unknown, field: string): unknown[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_LIST) {
    fail(`'${field}' with IN needs a list of 1 to ${MAX_LIST} values`);
  }
  return value.map(v => scalarFor(kind, v, field));
}

function operand(
  kind: FieldKind,
  operator: FilterOperator,
  value: unknown,
  field: string,
): unknown {
  switch (operator) {
    case 'IS_NULL':
      if (value !== undefined && typeof value !== 'boolean') {
        fail(`'${field}' with IS_NULL takes a boolean value`);
      }
      return value ?? true;
    case 'IN':
      return listOf(kind, value, field);
    case 'BETWEEN': {
      const pair = isObject(value) ? [value.from, value.to] : value;
      if (!Array.isArray(pair) || pair.length !== 2) {
        fail(`'${field}' with BETWEEN needs two values`);
      }
      return {
        from: scalarFor(kind, pair[0], field),
        to: scalarFor(kind, pair[1], field),
      };
    }
    default:
      return scalarFor(kind, value, field);
  }
}

function fieldClause(kind: FieldKind, field: string, node: Json): Json {
  const operator = node.operator as FilterOperator;
  const argument =
    typeof operator === 'string' ? OPERATORS[kind][operator] : undefined;
  if (!argument) {
    fail(`operator '${String(operator)}' is not allowed on '${field}'`);
  }
  return { [argument]: operand(kind, operator, node.value, field) };
}

class Builder {
  private nodes = 0;

  constructor(private readonly target: FilterTarget) {}

  build(node: unknown, depth: number): WhereArgument {
    if (++this.nodes > MAX_NODES) fail(`more than ${MAX_NODES} conditions`);
    if (depth > MAX_DEPTH) fail(`nested deeper than ${MAX_DEPTH} levels`);
    if (!isObject(node)) fail('each filter must be an object');
    if (Array.isArray(node.filters)) return this.logical(node, depth);
    if (isObject(node.nested)) return this.nested(node);
    return this.field(node);
  }

  private logical(node: Json, depth: number): WhereArgument {
    const filters = (node.filters as unknown[]).map(f =>
      this.build(f, depth + 1),
    );
    if (filters.length === 0)
      fail('a logical filter needs at least one filter');
    switch (node.operator) {
      case 'AND':
        return { and: filters };
      case 'OR':
        return { or: filters };
      case 'NOT':
        return { not: filters.length === 1 ? filters[0] : { and: filters } };
      default:
        return fail(
          `logical operator '${String(node.operator)}' is not allowed`,
        );
    }
  }

  private field(node: Json): WhereArgument {
    const field = node.field;
    const kind =
      typeof field === 'string' ? this.target.fields[field] : undefined;
    if (
      typeof field !== 'string' ||
      !Object.hasOwn(this.target.fields, field) ||
      !kind
    ) {
      fail(`field '${String(field).slice(0, 64)}' is not filterable`);
    }
    return { [field]: fieldClause(kind, field, node) };
  }

  private nested(node: Json): WhereArgument {
    const parent = node.field;
    const children =
      typeof parent === 'string' && Object.hasOwn(this.target.nested, parent)
        ? this.target.nested[parent]
        : undefined;
    const child = node.nested as Json;
    const name = child.field;
    if (
      !children ||
      typeof name !== 'string' ||
      !Object.hasOwn(children, name)
    ) {
      fail(
        `field '${String(parent).slice(0, 64)}.${String(name).slice(
          0,
          64,
        )}' is not filterable`,
      );
    }
    return {
      [parent as string]: {
        [name]: fieldClause(children[name], `${parent}.${name}`, child),
      },
    };
  }
}

/** Builds the `where` value for a request filter; undefined when there is none. */
export function buildWhere(
  target: FilterTarget,
  filter: unknown,
): WhereArgument | undefined {
  if (filter === undefined || filter === null) return undefined;
  return new Builder(target).build(filter, 0);
}

export interface SearchOptions {
  /**
   * Ids the caller found that start with the search text (see RunIdLookup): the Data Index
   * cannot match an id by prefix, so they join the OR on each `searchableIds` field.
   */
  idsStartingWith?: readonly string[];
}

/** Free-text search as OR of LIKE on the target's searchable fields. */
export function buildSearch(
  target: FilterTarget,
  search: unknown,
  options: SearchOptions = {},
): WhereArgument | undefined {
  if (search === undefined || search === null || search === '')
    return undefined;
  const text = checkString(search, 'search').trim();
  if (!text) return undefined;
  // The Data Index LIKE uses `*` as its wildcard; a user's own `*` stays a wildcard.
  const pattern = `*${text}*`;
  const or: WhereArgument[] = target.searchable.map(field => ({
    [field]: { like: pattern },
  }));
  // An id is one token; text with spaces or wildcards cannot be one.
  if (!/[\s*]/.test(text)) {
    // Only ids that really start with the text: the search never widens beyond what it says.
    const found = [...new Set(options.idsStartingWith ?? [])]
      .filter(id => id.startsWith(text))
      .slice(0, MAX_LIST);
    for (const field of target.searchableIds ?? []) {
      or.push({ [field]: { equal: text } });
      if (found.length) or.push({ [field]: { in: found } });
    }
  }
  return { or };
}

/** AND of the given parts, dropping the empty ones. */
export function allOf(
  ...parts: (WhereArgument | undefined)[]
): WhereArgument | undefined {
  const present = parts.filter(
    (p): p is WhereArgument => !!p && Object.keys(p).length > 0,
  );
  if (present.length === 0) return undefined;
  return present.length === 1 ? present[0] : { and: present };
}
