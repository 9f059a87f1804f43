import { mockServices } from '@backstage/backend-test-utils';
import { createTestDatabases } from '../__testUtils__/databases';
import type { DataIndexClient } from '../dataIndex/DataIndexClient';
import { migrateKnex } from '../database/migrations';
import type { DefinitionCache } from '../services/DefinitionCache';
import type { IndexableInstance } from './indexedRun';
import {
  DefaultIndexedOverviewService,
  IndexedFiguresQuery,
} from './IndexedOverviewService';
import { DefaultRunIndex } from './RunIndex';
import { DatabaseRunIndexStateStore } from './RunIndexState';
import { DAY_MS, DefaultRunIndexSync } from './RunIndexSync';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const NOW = Date.parse('2026-11-21T10:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

const run = (
  id: string,
  state: string,
  startAgo: number,
): IndexableInstance => ({
  id,
  processId: 'greeting',
  state,
  start: iso(NOW - startAgo),
  lastUpdate: iso(NOW - startAgo + 10),
  variables: { initiatorEntity: 'user:default/ann' },
});

describe.each(databases.eachSupportedId())(
  'DefaultIndexedOverviewService on %s',
  id => {
    async function setup() {
      const knex = await databases.init(id);
      await migrateKnex(knex);
      const index = DefaultRunIndex.create({ knex });
      const state = DatabaseRunIndexStateStore.create({ knex });
      const counted = jest.spyOn(index, 'figures');
      let now = NOW;
      const sync = DefaultRunIndexSync.create({
        dataIndex: {} as DataIndexClient,
        definitions: {} as DefinitionCache,
        index,
        state,
        logger: mockServices.logger.mock(),
        windowMs: 30 * DAY_MS,
        pageSize: 100,
        pauseMs: 0,
        reconcileMs: 3600_000,
        pruneMs: 3600_000,
        now: () => now,
      });
      const overview = DefaultIndexedOverviewService.create({
        index,
        state,
        windowMs: 30 * DAY_MS,
        now: () => now,
      });
      await state.write({ status: 'ready', readyMs: NOW });
      const query = () => ({
        workflowIds: ['greeting'],
        sinceMs: now - 30 * DAY_MS,
      });
      const runs = async (q: IndexedFiguresQuery = query()) =>
        (await overview.figures(q))?.data.get('greeting')?.runsSince;
      return {
        sync,
        overview,
        counted,
        query,
        runs,
        tick: (ms: number) => {
          now += ms;
        },
      };
    }

    it('counts once for viewers between two index writes, and again after a watcher tick', async () => {
      const { sync, counted, runs } = await setup();
      await sync.onChanges([run('a', 'COMPLETED', 3600_000)]);
      expect(await runs()).toBe(1);
      expect(await runs()).toBe(1);
      expect(counted).toHaveBeenCalledTimes(1);

      // The watcher's next tick (here with a new run) changes the state row: counted again.
      await sync.onChanges([run('b', 'ERROR', 60_000)]);
      expect(await runs()).toBe(2);
      expect(counted).toHaveBeenCalledTimes(2);
      // An empty tick records its position too, so nothing is served from before it.
      await sync.onChanges([]);
      expect(await runs()).toBe(2);
      expect(counted).toHaveBeenCalledTimes(3);
    });

    it('counts again once the window moved by a second, and per scope', async () => {
      const { sync, counted, runs, query, tick } = await setup();
      await sync.onChanges([run('a', 'COMPLETED', 3600_000)]);
      await runs();
      tick(500);
      await runs();
      expect(counted).toHaveBeenCalledTimes(1);
      tick(600);
      await runs();
      expect(counted).toHaveBeenCalledTimes(2);
      expect(await runs({ ...query(), owner: 'user:default/bob' })).toBe(
        undefined,
      );
      expect(await runs({ ...query(), owner: 'user:default/ann' })).toBe(1);
      expect(counted).toHaveBeenCalledTimes(4);
    });
  },
);
