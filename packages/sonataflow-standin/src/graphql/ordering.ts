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

  if (limit !== undefined)
    return topK(rows, matches, compare, offset + limit).slice(offset);
  const all: T[] = [];
  for (const r of rows) if (matches(r)) all.push(r);
  all.sort(compare);
  return all.slice(offset);
}

/**
 * The first `k` matching rows in order, equal keys in arrival order (what a stable sort and a
 * slice give), through a bounded heap: O(n log k) whatever the arrival order, so a scan paging
 * 10^5 rows by `start` costs one pass per page, not a sort of everything after the cursor.
 */
function topK<T>(
  rows: Iterable<T>,
  matches: (r: T) => boolean,
  compare: Comparator<T>,
  k: number,
): T[] {
  type Entry = { r: T; i: number };
  const cmp = (a: Entry, b: Entry) => compare(a.r, b.r) || a.i - b.i;
  // Max-heap: the worst kept row on top, replaced when a better one arrives.
  const heap: Entry[] = [];
  const swap = (x: number, y: number) => {
    const t = heap[x];
    heap[x] = heap[y];
    heap[y] = t;
  };
  const up = (from: number) => {
    let n = from;
    while (n > 0) {
      const parent = (n - 1) >> 1;
      if (cmp(heap[n], heap[parent]) <= 0) return;
      swap(n, parent);
      n = parent;
    }
  };
  const down = (from: number) => {
    let n = from;
    for (;;) {
      const l = 2 * n + 1;
      const r = l + 1;
      let top = n;
      if (l < heap.length && cmp(heap[l], heap[top]) > 0) top = l;
      if (r < heap.length && cmp(heap[r], heap[top]) > 0) top = r;
      if (top === n) return;
      swap(n, top);
      n = top;
    }
  };
  let i = 0;
  for (const r of rows) {
    if (!matches(r)) continue;
    if (heap.length < k) {
      heap.push({ r, i: i++ });
      up(heap.length - 1);
    } else if (k > 0 && compare(r, heap[0].r) < 0) {
      // Strictly better than the worst kept; an equal key arrived later, so it ranks after.
      heap[0] = { r, i: i++ };
      down(0);
    } else i++;
  }
  return heap.sort(cmp).map(e => e.r);
}
