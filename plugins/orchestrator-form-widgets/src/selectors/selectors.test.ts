import { asStringArray, select, selectAll } from './selectors';

const response = {
  items: [
    { name: 'one', id: 1, tags: ['a'] },
    { name: 'two', id: 2, tags: ['b', 'c'] },
  ],
  root: { deep: { value: 'x' } },
};

describe('JSONata selectors', () => {
  it('selects paths, mapped lists and computed values', async () => {
    expect(await select('root.deep.value', response)).toBe('x');
    expect(await select('items.name', response)).toEqual(['one', 'two']);
    expect(await select('items[id > 1].name', response)).toBe('two');
    expect(await select('$count(items)', response)).toBe(2);
    expect(await select('items.tags', response)).toEqual(['a', 'b', 'c']);
  });

  it('returns plain arrays, not JSONata sequences', async () => {
    const names = await select('items.name', response);
    expect(Object.keys(names as object)).toEqual(['0', '1']);
  });

  it('reports a broken expression with the expression', async () => {
    await expect(select('items[', response)).rejects.toThrow(
      /Selector "items\[" failed/,
    );
  });

  it('selectAll evaluates each key', async () => {
    expect(
      await selectAll({ label: 'items.name', value: 'items.id' }, response),
    ).toEqual({ label: ['one', 'two'], value: [1, 2] });
  });

  it('asStringArray accepts one string or a list, refuses objects', () => {
    expect(asStringArray('a', 'x')).toEqual(['a']);
    expect(asStringArray([1, 'b'], 'x')).toEqual(['1', 'b']);
    expect(asStringArray(undefined, 'x')).toEqual([]);
    expect(() => asStringArray([{ a: 1 }], 'sel')).toThrow(/sel must select/);
  });
});
