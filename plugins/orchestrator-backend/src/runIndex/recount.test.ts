import { mockServices } from '@backstage/backend-test-utils';
import {
  RunningStandin,
  startStandin,
} from '@orchestrator-suite/sonataflow-standin';
import knexFactory, { Knex } from 'knex';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabases } from '../__testUtils__/databases';
import { DefaultDataIndexClient } from '../dataIndex/DataIndexClient';
import type { WorkflowRunFigures } from '../dataIndex/types';
import { migrateKnex } from '../database/migrations';
import { DatabaseRunStore } from '../runStore/RunStore';
import { DefaultDefinitionCache } from '../services/DefinitionCache';
import { DefaultInstanceWatcher } from '../watcher/InstanceWatcher';
import { DatabaseWatcherCursorStore } from '../watcher/WatcherCursorStore';
import { DefaultIndexedOverviewService } from './IndexedOverviewService';
import { DefaultRunIndex } from './RunIndex';
import { DatabaseRunIndexStateStore } from './RunIndexState';
import { DAY_MS, DefaultRunIndexSync } from './RunIndexSync';

/**
 * The run index against the stand-in: replica A backfills seeded history,
 * then a burst of starts, completions, retriggers and aborts reaches the
 * index through the watcher (on replica B), and both replicas' figures equal
 * a full recount from the Data Index. Each replica is its own object graph
 * and database client: nothing in memory is shared.
 */

jest.setTimeout(120_000);

const databases = createTestDatabases();
const WORKFLOWS_DIR = path.resolve(__dirname, '../../../../workflows');
const WINDOW = 30 * DAY_MS;
const USER = 'user:default/user-3';

/** Two clients on one database: a file for SQLite, a second pool for PostgreSQL. */
async function sharedDatabase(id: string): Promise<[Knex, Knex, () => void]> {
  if (id === 'SQLITE_3') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'run-index-'));
    const file = path.join(dir, 'db.sqlite');
    const open = () =>
      knexFactory({
        client: 'better-sqlite3',
        connection: { filename: file },
        useNullAsDefault: true,
      });
    const a = open();
    const b = open();
    return [
      a,
      b,
      () => {
        void Promise.all([a.destroy(), b.destroy()]).then(() =>
          fs.rmSync(dir, { recursive: true, force: true }),
        );
      },
    ];
  }
  const a = await databases.init(id as any);
  const b = knexFactory(a.client.config);
  return [a, b, () => void b.destroy()];
}

function replica(knex: Knex, standin: RunningStandin) {
  const logger = mockServices.logger.mock();
  const dataIndex = DefaultDataIndexClient.create({ url: standin.url, logger });
  const definitions = DefaultDefinitionCache.create({
    dataIndex,
    ttlSeconds: 60,
  });
  const index = DefaultRunIndex.create({ knex });
  const state = DatabaseRunIndexStateStore.create({ knex });
  const sync = DefaultRunIndexSync.create({
    dataIndex,
    index,
    state,
    definitions,
    logger,
    windowMs: WINDOW,
    pageSize: 250,
    pauseMs: 0,
    reconcileMs: 3600_000,
    pruneMs: 3600_000,
  });
  const watcher = DefaultInstanceWatcher.create({
    dataIndex,
    runStore: DatabaseRunStore.create({ knex }),
    cursorStore: DatabaseWatcherCursorStore.create({ knex }),
    definitions,
    signals: { publish: jest.fn() } as any,
    notifications: { send: jest.fn() } as any,
    logger,
    batchSize: 100,
    initialLookbackMs: 60_000,
    runIndex: sync,
  });
  const overview = DefaultIndexedOverviewService.create({
    index,
    state,
    windowMs: WINDOW,
  });
  return { sync, watcher, overview };
}

async function gql(standin: RunningStandin, query: string, variables = {}) {
  const res = await fetch(`${standin.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** Every instance, straight from the Data Index, and the figures recounted from them. */
async function recount(
  standin: RunningStandin,
  sinceMs: number,
  owner?: string,
): Promise<Map<string, WorkflowRunFigures>> {
  const all: any[] = [];
  for (let offset = 0; ; offset += 1000) {
    const { ProcessInstances: page } = await gql(
      standin,
      `query($p: Pagination) { ProcessInstances(orderBy: {start: ASC}, pagination: $p) { id processId state start end variables } }`,
      { p: { limit: 1000, offset } },
    );
    all.push(...page);
    if (page.length < 1000) break;
  }
  const figures = new Map<string, WorkflowRunFigures>();
  const durations = new Map<string, number[]>();
  for (const i of all) {
    const vars =
      typeof i.variables === 'string' ? JSON.parse(i.variables) : i.variables;
    if (owner && vars?.initiatorEntity !== owner) continue;
    const f = figures.get(i.processId) ?? {
      runsSince: 0,
      completedSince: 0,
      erroredSince: 0,
      completedSamples: [],
    };
    figures.set(i.processId, f);
    const start = Date.parse(i.start);
    if (!f.lastRun || start >= Date.parse(f.lastRun.start!))
      f.lastRun = { id: i.id, state: i.state, start: i.start };
    if (start < sinceMs) continue;
    f.runsSince++;
    if (i.state === 'ERROR') f.erroredSince++;
    if (i.state === 'COMPLETED') {
      f.completedSince++;
      if (i.end) {
        const list = durations.get(i.processId) ?? [];
        list.push(Date.parse(i.end) - start);
        durations.set(i.processId, list);
      }
    }
  }
  for (const [id, f] of figures) {
    const list = durations.get(id) ?? [];
    f.averageDurationMs = list.length
      ? list.reduce((a, b) => a + b, 0) / list.length
      : 0;
  }
  return figures;
}

async function post(standin: RunningStandin, url: string, body?: unknown) {
  const res = await fetch(`${standin.url}${url}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body ?? {}),
  });
  expect(res.status).toBeLessThan(300);
  return res.json().catch(() => ({}));
}

async function settle(standin: RunningStandin, ids: string[]) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const pending = ids.filter(
      id => standin.store.getInstance(id)?.state === 'ACTIVE',
    );
    if (pending.length === 0 || Date.now() > deadline) return;
    await new Promise(r => setTimeout(r, 100));
  }
}

describe.each(databases.eachSupportedId())(
  'run index vs a full recount on %s',
  databaseId => {
    let standin: RunningStandin;
    let close: () => void;
    let a: ReturnType<typeof replica>;
    let b: ReturnType<typeof replica>;

    beforeAll(async () => {
      standin = await startStandin({ port: 0, workflowsDir: WORKFLOWS_DIR });
      const [ka, kb, done] = await sharedDatabase(databaseId);
      close = done;
      await migrateKnex(ka);
      await migrateKnex(kb);
      a = replica(ka, standin);
      b = replica(kb, standin);
      await post(standin, '/__standin/seed', { count: 3000, seed: 11 });
    });
    afterAll(async () => {
      close?.();
      await standin?.close();
    });

    it('backfills on one replica, follows a burst through the watcher, and both serve figures equal to a recount', async () => {
      const workflowIds = standin.store.listDefinitions().map(d => d.id);
      const since = () => Date.now() - 30 * DAY_MS;

      // Not built yet: both replicas say so (the caller falls back to the Data Index).
      expect(
        await b.overview.figures({ workflowIds, sinceMs: since() }),
      ).toBeUndefined();
      expect(await b.overview.fallbackStatistics()).toEqual({
        source: 'dataIndex',
        ready: false,
        building: true,
      });

      // A start during the backfill: the watcher (B) and the scan (A) both see it.
      await b.watcher.tick();
      const early = await post(standin, '/greeting', { name: 'Early' });
      const backfill = await a.sync.run();
      expect(backfill.scan).toEqual({ kind: 'backfill', done: true });
      expect(backfill.scanned).toBeGreaterThan(900);

      // The burst: starts that complete, failures, retriggers, aborts.
      const started: string[] = [early.id];
      for (let i = 0; i < 8; i++)
        started.push(
          (
            await post(standin, '/greeting', {
              workflowdata: { name: `G${i}` },
              initiatorEntity: USER,
            })
          ).id,
        );
      const failing: string[] = [];
      for (let i = 0; i < 5; i++)
        failing.push((await post(standin, '/failing', {})).id);
      const long: string[] = [];
      for (let i = 0; i < 3; i++)
        long.push((await post(standin, '/long-running', {})).id);
      await settle(standin, [...started, ...failing]);
      for (const id of failing.slice(0, 3))
        await post(
          standin,
          `/management/processes/failing/instances/${id}/retrigger`,
        );
      for (const id of long) {
        const res = await fetch(
          `${standin.url}/management/processes/long-running/instances/${id}`,
          { method: 'DELETE' },
        );
        expect(res.status).toBeLessThan(300);
      }
      await settle(standin, failing);
      const states = [...started, ...failing, ...long].map(
        id => standin.store.getInstance(id)?.state,
      );
      expect(states).toEqual(expect.arrayContaining(['COMPLETED', 'ERROR']));
      expect(states).toContain('ABORTED');

      // B's watcher drains the changes (batches of 100).
      for (let i = 0; i < 20; i++)
        if ((await b.watcher.tick()).changed === 0) break;

      const sinceMs = since();
      const expected = await recount(standin, sinceMs);
      for (const r of [a, b]) {
        const got = await r.overview.figures({ workflowIds, sinceMs });
        expect(got?.statistics).toEqual({
          source: 'index',
          ready: true,
          building: false,
        });
        for (const workflowId of workflowIds) {
          const want = expected.get(workflowId);
          const have = got!.data.get(workflowId);
          expect({ workflowId, ...pick(have) }).toEqual({
            workflowId,
            ...pick(want),
          });
          expect(have?.averageDurationMs ?? 0).toBeCloseTo(
            want?.averageDurationMs ?? 0,
            3,
          );
        }
      }
      // A non-admin's figures are the same SQL with the owner added.
      const mine = await recount(standin, sinceMs, USER);
      const got = await a.overview.figures({
        workflowIds,
        sinceMs,
        owner: USER,
      });
      for (const workflowId of workflowIds)
        expect(pick(got!.data.get(workflowId))).toEqual(
          pick(mine.get(workflowId)),
        );
    });
  },
);

function pick(f: WorkflowRunFigures | undefined) {
  return {
    runsSince: f?.runsSince ?? 0,
    completedSince: f?.completedSince ?? 0,
    erroredSince: f?.erroredSince ?? 0,
    lastRunId: f?.lastRun?.id,
    lastRunState: f?.lastRun?.state,
  };
}
