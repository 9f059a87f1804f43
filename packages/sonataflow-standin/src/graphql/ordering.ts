/**
 * `orderBy` and `pagination` as the Data Index applies them on PostgreSQL:
 * keys in argument order, NULLs last for ASC and first for DESC, no default
 * limit, offset pagination.
 */
export type OrderGetter<T> = (r: T) => unknown;
export type OrderSpec<T> = { [field: string]: OrderGetter<T> | OrderSpec<T> };
export type Comparator<T> = (a: T, b: T) => number;

function compareValues(a: unknown, b: unknown, desc: boolean): number {
  const aNil = a === null || a === undefined;
  const bNil = b === null || b === undefined;
  if (aNil || bNil) {
    if (aNil && bNil) return 0;
    // PostgreSQL default: NULLS LAST for ASC, NULLS FIRST for DESC.
    return aNil === desc ? -1 : 1;
  }
  let result: number;
  if (typeof a === 'number' && typeof b === 'number') result = a - b;
  else {
    const sa = String(a);
    const sb = String(b);
    if (sa === sb) result = 0;
    else result = sa < sb ? -1 : 1;
  }
  return desc ? -result : result;
}

function collectKeys<T>(
  spec: OrderSpec<T>,
  orderBy: Record<string, unknown>,
  out: Array<{ get: OrderGetter<T>; desc: boolean }>,
) {
  for (const [field, direction] of Object.entries(orderBy)) {
    if (direction === null || direction === undefined) continue;
    const entry = spec[field];
    if (!entry) throw new Error(`Ordering by '${field}' is not supported`);
    if (typeof entry === 'function') {
      out.push({ get: entry, desc: direction === 'DESC' });
    } else {
      collectKeys(entry, direction as Record<string, unknown>, out);
    }
  }
}

export function compileOrderBy<T>(
  spec: OrderSpec<T>,
  orderBy: Record<string, unknown> | null | undefined,
): Comparator<T> | undefined {
  if (!orderBy) return undefined;
  const keys: Array<{ get: OrderGetter<T>; desc: boolean }> = [];
  collectKeys(spec, orderBy, keys);
  if (keys.length === 0) return undefined;
  return (a, b) => {
    for (const key of keys) {
      const c = compareValues(key.get(a), key.get(b), key.desc);
      if (c !== 0) return c;
    }
    return 0;
  };
}

export interface PaginationArg {
  limit?: number | null;
  offset?: number | null;
}

/** Above this many rows we sort fully; below it a bounded insertion keeps a page of 20 over 10^5 rows cheap. */
const TOP_K_LIMIT = 1000;

/** Filters, orders and pages in one pass over the rows. */
export function selectPage<T>(
  rows: Iterable<T>,
  matches: (r: T) => boolean,
  compare: Comparator<T> | undefined,
  pagination: PaginationArg | null | undefined,
): T[] {
  const offset = Math.max(0, pagination?.offset ?? 0);
  const limit =
    pagination?.limit === null || pagination?.limit === undefined
      ? undefined
      : Math.max(0, pagination.limit);
  const wanted = limit === undefined ? undefined : offset + limit;
  if (limit === 0) return [];

  if (!compare) {
    const out: T[] = [];
    let skipped = 0;
    for (const r of rows) {
      if (!matches(r)) continue;
      if (skipped < offset) {
        skipped++;
        continue;
      }
      if (limit !== undefined && out.length >= limit) break;
      out.push(r);
    }
    return out;
  }

  if (wanted !== undefined && wanted <= TOP_K_LIMIT) {
    const top: T[] = [];
    for (const r of rows) {
      if (!matches(r)) continue;
      if (top.length === wanted && compare(r, top[wanted - 1]) >= 0) continue;
      // Binary search the insertion point; equal keys keep arrival order.
      let lo = 0;
      let hi = top.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (compare(top[mid], r) <= 0) lo = mid + 1;
        else hi = mid;
      }
      top.splice(lo, 0, r);
      if (top.length > wanted) top.pop();
    }
    return top.slice(offset);
  }

  const all: T[] = [];
  for (const r of rows) if (matches(r)) all.push(r);
  all.sort(compare);
  return limit === undefined
    ? all.slice(offset)
    : all.slice(offset, offset + limit);
}
