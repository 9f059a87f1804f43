import { createTestDatabases } from '../__testUtils__/databases';
import { migrateKnex } from '../database/migrations';
import { DatabaseRunStore } from '../runStore/RunStore';
import type { IndexableInstance } from './indexedRun';
import { DefaultRunIndex, RUN_INDEX_TABLE } from './RunIndex';
import { DatabaseRunIndexStateStore } from './RunIndexState';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const DAY = 86_400_000;
const NOW = Date.parse('2026-11-21T10:00:00.000Z');
const ANN = 'user:default/ann';
const BOB = 'user:default/bob';
const iso = (ms: number) => new Date(ms).toISOString();

function run(
  id: string,
  o: {
    wf?: string;
    state?: string;
    startAgo: number;
    durationMs?: number;
    initiator?: string;
    target?: string;
    lastUpdate?: number;
  },
): IndexableInstance {
  const start = NOW - o.startAgo;
  const end = o.durationMs === undefined ? undefined : start + o.durationMs;
  return {
    id,
    processId: o.wf ?? 'greeting',
    state: o.state ?? 'COMPLETED',
    start: iso(start),
    end: end === undefined ? null : iso(end),
    lastUpdate: iso(o.lastUpdate ?? end ?? start),
    variables: {
      ...(o.initiator ? { initiatorEntity: o.initiator } : {}),
      ...(o.target ? { targetEntity: o.target } : {}),
    },
  };
}

describe.each(databases.eachSupportedId())('DefaultRunIndex on %s', id => {
  async function setup() {
    const knex = await databases.init(id);
    await migrateKnex(knex);
    return {
      knex,
      index: DefaultRunIndex.create({ knex }),
      runStore: DatabaseRunStore.create({ knex }),
      state: DatabaseRunIndexStateStore.create({ knex }),
    };
  }
  const since = NOW - 30 * DAY;

  it('counts runs, outcomes, the exact mean duration and the last run per workflow', async () => {
    const { index } = await setup();
    await index.upsert(
      [
        run('a', { startAgo: DAY, durationMs: 1000 }),
        run('b', { startAgo: 2 * DAY, durationMs: 4000 }),
        run('c', { startAgo: 3 * DAY, state: 'ERROR' }),
        run('d', { startAgo: 40 * DAY, durationMs: 9000 }),
        run('e', { wf: 'other', startAgo: 50 * DAY, state: 'ABORTED' }),
        run('f', { startAgo: 1000, state: 'ACTIVE' }),
      ],
      NOW,
    );
    const figures = await index.figures({
      workflowIds: ['greeting', 'other', 'absent'],
      sinceMs: since,
    });
    expect(figures.get('greeting')).toEqual({
      runsSince: 4,
      completedSince: 2,
      erroredSince: 1,
      completedSamples: [],
      averageDurationMs: 2500,
      lastRun: { id: 'f', state: 'ACTIVE', start: iso(NOW - 1000) },
    });
    // Outside the window: no counts, but its last run.
    expect(figures.get('other')).toMatchObject({
      runsSince: 0,
      lastRun: { id: 'e', state: 'ABORTED' },
    });
    expect(figures.has('absent')).toBe(false);
  });

  it("takes the highest id on a tie at the last start, never another workflow's run at that instant", async () => {
    const { index } = await setup();
    await index.upsert(
      [
        run('tie-a', { startAgo: DAY, state: 'ERROR' }),
        run('tie-b', { startAgo: DAY, state: 'ACTIVE' }),
        run('older', { startAgo: 2 * DAY }),
        // Same instant as the tie, other workflow; and a later run of that workflow.
        run('zz-other', { wf: 'other', startAgo: DAY }),
        run('other-later', { wf: 'other', startAgo: 3600_000 }),
        // Only an old run, outside the window, at the same instant as another's run in it.
        run('idle-old', { wf: 'idle', startAgo: 40 * DAY }),
        run('zz-greeting-old', { startAgo: 40 * DAY }),
      ],
      NOW,
    );
    const figures = await index.figures({
      workflowIds: ['greeting', 'other', 'idle'],
      sinceMs: since,
    });
    expect(figures.get('greeting')).toMatchObject({
      runsSince: 3,
      lastRun: { id: 'tie-b', state: 'ACTIVE', start: iso(NOW - DAY) },
    });
    expect(figures.get('other')?.lastRun?.id).toBe('other-later');
    expect(figures.get('idle')).toEqual({
      runsSince: 0,
      completedSince: 0,
      erroredSince: 0,
      completedSamples: [],
      averageDurationMs: 0,
      lastRun: {
        id: 'idle-old',
        state: 'COMPLETED',
        start: iso(NOW - 40 * DAY),
      },
    });
  });

  it('writes a page of more rows than one statement holds, and counts each once', async () => {
    const { index, knex } = await setup();
    const page = Array.from({ length: 1234 }, (_, i) =>
      run(`r-${i}`, {
        wf: `wf-${i % 7}`,
        startAgo: (i + 1) * 60_000,
        durationMs: 1000,
        state: i % 3 ? 'COMPLETED' : 'ERROR',
      }),
    );
    expect(await index.upsert(page, NOW)).toBe(1234);
    expect(await index.upsert(page, NOW + 1)).toBe(1234);
    const [{ n }] = await knex(RUN_INDEX_TABLE).count({ n: '*' });
    expect(Number(n)).toBe(1234);
    const figures = await index.figures({
      workflowIds: Array.from({ length: 7 }, (_, i) => `wf-${i}`),
      sinceMs: since,
    });
    const sum = (key: 'runsSince' | 'erroredSince') =>
      [...figures.values()].reduce((total, f) => total + f[key], 0);
    expect(sum('runsSince')).toBe(1234);
    expect(sum('erroredSince')).toBe(
      page.filter(r => r.state === 'ERROR').length,
    );
    expect(figures.get('wf-0')?.lastRun?.id).toBe('r-0');
  });

  it('never moves a row back to an older lastUpdate, but records that a scan saw it', async () => {
    const { index, knex } = await setup();
    await index.upsert(
      [run('a', { startAgo: DAY, durationMs: 10, state: 'COMPLETED' })],
      NOW,
    );
    // A scan page read before the completion arrives after it.
    await index.upsert(
      [run('a', { startAgo: DAY, state: 'ACTIVE', lastUpdate: NOW - DAY })],
      NOW + 5,
    );
    const row = await knex(RUN_INDEX_TABLE).where({ id: 'a' }).first();
    expect(row.state).toBe('COMPLETED');
    expect(Number(row.synced_ms)).toBe(NOW + 5);
  });

  it('scopes to the owner by the instance variable OR the run store, as SQL', async () => {
    const { index, runStore } = await setup();
    await runStore.record({
      instanceId: 'started-here',
      workflowId: 'greeting',
      initiator: ANN,
      targetEntity: 'component:default/svc',
    });
    await index.upsert(
      [
        run('by-variable', { startAgo: DAY, initiator: ANN }),
        run('started-here', { startAgo: 2 * DAY }),
        run('bobs', {
          startAgo: 10,
          initiator: BOB,
          target: 'component:default/svc',
        }),
      ],
      NOW,
    );
    const ann = await index.figures({
      workflowIds: ['greeting'],
      sinceMs: since,
      owner: ANN,
    });
    expect(ann.get('greeting')).toMatchObject({
      runsSince: 2,
      lastRun: { id: 'by-variable' },
    });
    const entity = await index.figures({
      workflowIds: ['greeting'],
      sinceMs: since,
      targetEntity: 'component:default/svc',
    });
    expect(entity.get('greeting')).toMatchObject({
      runsSince: 2,
      lastRun: { id: 'bobs' },
    });
    const annForEntity = await index.figures({
      workflowIds: ['greeting'],
      sinceMs: since,
      owner: ANN,
      targetEntity: 'component:default/svc',
    });
    expect(annForEntity.get('greeting')).toMatchObject({
      runsSince: 1,
      lastRun: { id: 'started-here' },
    });
  });

  it('prunes rows past the window but keeps each workflow its last run; sweeps rows a scan no longer saw', async () => {
    const { index, knex } = await setup();
    await index.upsert(
      [
        run('old-1', { startAgo: 60 * DAY }),
        run('old-2', { startAgo: 50 * DAY }),
        run('recent', { startAgo: DAY }),
        run('only', { wf: 'other', startAgo: 90 * DAY }),
      ],
      NOW,
    );
    expect(await index.prune(since)).toBe(2);
    const ids = async () =>
      (await knex(RUN_INDEX_TABLE).select('id').orderBy('id')).map(r => r.id);
    expect(await ids()).toEqual(['only', 'recent']);

    await index.upsert([run('seen', { startAgo: 2 * DAY })], NOW + 100);
    expect(await index.sweep(since, NOW + 50)).toBe(1); // 'recent' vanished
    expect(await ids()).toEqual(['only', 'seen']);
  });

  it('keeps the state in one row that the watcher and a scan update independently', async () => {
    const { state } = await setup();
    expect(await state.read()).toEqual({ status: 'pending' });
    const scan = {
      kind: 'backfill' as const,
      sinceMs: since,
      startedMs: NOW,
      cursor: iso(since),
      skip: 0,
    };
    await state.write({ scan });
    await state.write({ watchedMs: NOW });
    expect(await state.read()).toEqual({
      status: 'pending',
      scan,
      watchedMs: NOW,
    });
    await state.write({ status: 'ready', scan: null, readyMs: NOW + 1 });
    expect(await state.read()).toEqual({
      status: 'ready',
      readyMs: NOW + 1,
      watchedMs: NOW,
    });
  });
});
