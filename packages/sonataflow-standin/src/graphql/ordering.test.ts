import { compileOrderBy, selectPage } from './ordering';

type Row = { id: number; start: number | null; state: string };

const spec = { start: (r: Row) => r.start, state: (r: Row) => r.state };

/** A deterministic pseudo-random sequence, so a failure is reproducible. */
function rowsOf(n: number, seed: number): Row[] {
  let x = seed;
  const next = () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x;
  };
  return Array.from({ length: n }, (_, id) => ({
    id,
    // Few distinct values: many ties, which must keep arrival order.
    start: next() % 7 === 0 ? null : next() % 50,
    state: ['ACTIVE', 'COMPLETED', 'ERROR'][next() % 3],
  }));
}

/** What the page must be: a stable sort of the matches, then the slice. */
function expected(
  rows: Row[],
  matches: (r: Row) => boolean,
  orderBy: Record<string, unknown>,
  offset: number,
  limit: number,
) {
  const compare = compileOrderBy(spec, orderBy)!;
  return rows
    .filter(matches)
    .sort(compare)
    .slice(offset, offset + limit);
}

describe('selectPage', () => {
  const matches = (r: Row) => r.state !== 'ERROR';

  it.each([
    [{ start: 'ASC' }, 0, 20],
    [{ start: 'DESC' }, 5, 20],
    [{ start: 'ASC', state: 'DESC' }, 0, 1000],
    [{ start: 'ASC' }, 1, 1000],
    [{ start: 'DESC' }, 990, 1000],
    [{ state: 'ASC' }, 3000, 10],
  ])(
    'pages %j at offset %i, limit %i exactly as a stable sort and a slice',
    (orderBy, offset, limit) => {
      const rows = rowsOf(5000, offset + limit);
      expect(
        selectPage(rows, matches, compileOrderBy(spec, orderBy), {
          offset,
          limit,
        }),
      ).toEqual(expected(rows, matches, orderBy, offset, limit));
    },
  );

  it('keeps the first rows of a page when rows arrive in reverse order (no quadratic path)', () => {
    const rows = Array.from({ length: 20000 }, (_, i) => ({
      id: i,
      start: 20000 - i,
      state: 'ACTIVE',
    }));
    const compare = compileOrderBy(spec, { start: 'ASC' });
    const page = selectPage(rows, () => true, compare, {
      offset: 1,
      limit: 1000,
    });
    expect(page).toHaveLength(1000);
    expect(page[0].start).toBe(2);
    expect(page[999].start).toBe(1001);
  });

  it('returns every match sorted when there is no limit, and nothing for limit 0', () => {
    const rows = rowsOf(300, 3);
    const compare = compileOrderBy(spec, { start: 'DESC' });
    expect(selectPage(rows, matches, compare, { offset: 10 })).toEqual(
      expected(rows, matches, { start: 'DESC' }, 10, Infinity),
    );
    expect(selectPage(rows, matches, compare, { limit: 0 })).toEqual([]);
  });
});
