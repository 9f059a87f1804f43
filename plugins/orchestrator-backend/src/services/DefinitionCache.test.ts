import type { DataIndexClient, PageQuery } from '../dataIndex/DataIndexClient';
import type { GqlProcessDefinition, PageResult } from '../dataIndex/types';
import { DefaultDefinitionCache } from './DefinitionCache';

/** A Data Index that counts definition requests and answers from a list the test changes. */
function fakeDataIndex() {
  const calls: PageQuery[] = [];
  const state = {
    definitions: [
      { id: 'greeting', name: 'Greeting' },
    ] as GqlProcessDefinition[],
    warnings: [] as string[],
    fail: false,
  };
  const dataIndex = {
    listDefinitions: async (
      query: PageQuery,
    ): Promise<PageResult<GqlProcessDefinition>> => {
      calls.push(query);
      if (state.fail) throw new Error('Data Index down');
      return {
        data: [...state.definitions],
        warnings: [...state.warnings],
        totalCount: state.definitions.length,
      };
    },
  } as unknown as DataIndexClient;
  return { dataIndex, calls, state };
}

describe('DefaultDefinitionCache.listPage', () => {
  let now = 0;
  const page: PageQuery = {
    where: { id: { in: ['greeting'] } },
    orderBy: { name: 'ASC' },
    pagination: { limit: 20, offset: 0 },
    withCount: true,
  };
  const setup = () => {
    now = 1_000_000;
    const fake = fakeDataIndex();
    const cache = DefaultDefinitionCache.create({
      dataIndex: fake.dataIndex,
      ttlSeconds: 60,
      now: () => now,
    });
    return { ...fake, cache };
  };

  it('answers a repeated query without a Data Index request, and another query with one', async () => {
    const { cache, calls } = setup();
    const first = await cache.listPage(page);
    expect(await cache.listPage({ ...page })).toEqual(first);
    expect(calls).toHaveLength(1);
    await cache.listPage({ ...page, pagination: { limit: 20, offset: 20 } });
    await cache.listPage({ ...page, withCount: false });
    expect(calls).toHaveLength(3);
  });

  it('shares one request between concurrent callers of one page', async () => {
    const { cache, calls } = setup();
    await Promise.all([cache.listPage(page), cache.listPage(page)]);
    expect(calls).toHaveLength(1);
  });

  it('reads again after the TTL and after invalidate', async () => {
    const { cache, calls, state } = setup();
    await cache.listPage(page);
    state.definitions.push({
      id: 'new-one',
      name: 'New',
    } as GqlProcessDefinition);
    now += 59_000;
    expect((await cache.listPage(page)).data).toHaveLength(1);
    now += 2_000;
    expect((await cache.listPage(page)).data).toHaveLength(2);
    state.definitions.pop();
    cache.invalidate();
    expect((await cache.listPage(page)).data).toHaveLength(1);
    expect(calls).toHaveLength(3);
  });

  it('keeps neither a partial answer (warnings) nor a failure', async () => {
    const { cache, calls, state } = setup();
    state.warnings = ['Data Index: partial'];
    expect((await cache.listPage(page)).warnings).toEqual([
      'Data Index: partial',
    ]);
    state.warnings = [];
    state.fail = true;
    await expect(cache.listPage(page)).rejects.toThrow('Data Index down');
    state.fail = false;
    expect((await cache.listPage(page)).warnings).toEqual([]);
    await cache.listPage(page);
    expect(calls).toHaveLength(3);
  });

  it('holds a bounded number of pages, dropping the oldest', async () => {
    const { cache, calls } = setup();
    for (let offset = 0; offset <= 32; offset++) {
      await cache.listPage({ ...page, pagination: { limit: 1, offset } });
    }
    await cache.listPage({ ...page, pagination: { limit: 1, offset: 32 } });
    expect(calls).toHaveLength(33);
    await cache.listPage({ ...page, pagination: { limit: 1, offset: 0 } });
    expect(calls).toHaveLength(34);
  });
});
