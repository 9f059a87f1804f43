import { seedStandard } from '../__testUtils__/fixtures';
import {
  ANN,
  BOB,
  Harness,
  role,
  startHarness,
} from '../__testUtils__/harness';
import { RUN_INDEX_TASK } from './wiring';

jest.setTimeout(60_000);

const API = '/api/orchestrator';

/** The overview endpoints through the plugin, before and after the run index is built. */
describe('overview statistics from the run index', () => {
  let h: Harness;
  const task = (id: string) =>
    h.scheduler.scheduleTask.mock.calls.find(([t]) => t.id === id)?.[0];

  beforeAll(async () => {
    h = await startHarness({
      config: { instanceWatcher: { enabled: true, intervalSeconds: 5 } },
    });
    seedStandard(h.standin);
    // The fixtures' runs are from 2026-11-01; keep them inside the 30-day window of "now".
    const shift = Date.now() - 3600_000 - Date.parse('2026-11-01T10:00:00Z');
    for (const i of [...h.standin.store.listInstances()]) {
      h.standin.store.putInstance({
        ...i,
        start: i.start === undefined ? undefined : i.start + shift,
        end: i.end === undefined ? undefined : i.end + shift,
        lastUpdate: i.lastUpdate + shift,
      });
    }
  });
  afterAll(() => h.close());

  const overview = (user = ANN) =>
    h.request.post(`${API}/v2/workflows/overview`).set(h.asUser(user)).send({});

  it('is one global scheduler task next to the watcher', () => {
    expect(task(RUN_INDEX_TASK)).toMatchObject({ scope: 'global' });
    expect(task('orchestrator-instance-watcher')).toBeDefined();
  });

  it('answers from the Data Index and says so until the backfill finished, then from the index with 0 stats round-trips', async () => {
    h.setPolicy(role('admin'));
    const before = await overview();
    expect(before.status).toBe(200);
    expect(before.body.statistics).toEqual({
      source: 'dataIndex',
      ready: false,
      building: true,
    });
    const fromDataIndex = before.body.overviews;

    await task(RUN_INDEX_TASK).fn(new AbortController().signal);
    await overview(); // warm the definition cache path
    h.graphql.length = 0;
    const after = await overview();
    expect(after.status).toBe(200);
    expect(after.body.statistics).toEqual({
      source: 'index',
      ready: true,
      building: false,
    });
    // Only the definitions page went to the Data Index; no figures document.
    expect(h.graphql.map(g => g.query)).not.toContainEqual(
      expect.stringContaining('OrchestratorOverviewStats'),
    );
    expect(h.graphql.length).toBeLessThanOrEqual(1);
    const strip = (o: any) => ({
      workflowId: o.workflowId,
      lastRunId: o.lastRunId,
      lastRunStatus: o.lastRunStatus,
      runs: o.stats.runsLastMonth,
      ok: o.stats.successCount,
      err: o.stats.errorCount,
      ratio: o.stats.successRatio,
      avg: o.stats.averageTimeToComplete,
    });
    expect(after.body.overviews.map(strip)).toEqual(fromDataIndex.map(strip));
    expect(
      after.body.overviews.find((o: any) => o.workflowId === 'greeting').stats,
    ).toMatchObject({ runsLastMonth: 5, successCount: 1, errorCount: 2 });
  });

  it('serves a warm overview with 0 Data Index round-trips: the definitions page comes from the cache', async () => {
    h.setPolicy(role('admin'));
    const warm = await overview();
    h.graphql.length = 0;
    const res = await overview();
    expect(res.status).toBe(200);
    expect(res.body.statistics).toEqual({
      source: 'index',
      ready: true,
      building: false,
    });
    expect(res.body.overviews).toEqual(warm.body.overviews);
    expect(res.body.overviews.length).toBeGreaterThan(0);
    expect(h.graphql).toHaveLength(0);
  });

  it("counts only a non-admin's own runs, and the per-workflow stats say where they came from", async () => {
    h.setPolicy(role('read'));
    const res = await overview(BOB);
    const greeting = res.body.overviews.find(
      (o: any) => o.workflowId === 'greeting',
    );
    expect(greeting.stats).toMatchObject({
      runsLastMonth: 2,
      errorCount: 1,
      successCount: 0,
    });
    expect(greeting.lastRunId).toBe('bob-error');
    const stats = await h.request
      .get(`${API}/v2/workflows/greeting/stats`)
      .set(h.asUser(ANN));
    expect(stats.status).toBe(200);
    expect(stats.body).toMatchObject({
      runsLastMonth: 3,
      statistics: { source: 'index', ready: true, building: false },
    });
  });
});
