import { mockCredentials } from '@backstage/backend-test-utils';
import {
  RunningStandin,
  startStandin,
} from '@orchestrator-suite/sonataflow-standin';
import path from 'node:path';
import { BOB } from './__testUtils__/harness';

// The run's owner. Instance signals reach only the owner's browsers, and a test browser can
// only present the default mock user's token (a WebSocket sub-protocol cannot carry the
// `mock-user-token:{...}` form that names another user).
const ANN = 'user:default/mock';
import {
  PublishedSignal,
  Replica,
  SharedDatabase,
  SignalsBrowser,
  connectSignalsBrowser,
  createSharedDatabase,
  startReplica,
} from './__testUtils__/replicas';

/**
 * DESIGN.md "Scale": two backend replicas over one PostgreSQL. A run started
 * through one is seen through the other, and its signal reaches browsers
 * connected to either, whichever replica's watcher published it.
 */

jest.setTimeout(60_000);

const POSTGRES =
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
if (!POSTGRES) {
  // eslint-disable-next-line no-console
  console.warn(
    'skipped: no PostgreSQL (BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING unset)',
  );
}
const describeIfPostgres: jest.Describe = POSTGRES ? describe : describe.skip;

const API = '/api/orchestrator';
const WATCHER_TASK = 'orchestrator-instance-watcher';
const WORKFLOWS_DIR = path.resolve(__dirname, '../../../workflows');
const as = (user: string) => ({
  Authorization: mockCredentials.user.header(user),
});

describeIfPostgres(
  'two orchestrator backend replicas over one PostgreSQL',
  () => {
    let db: SharedDatabase;
    let standin: RunningStandin;
    let a: Replica;
    let b: Replica;
    const browsers: SignalsBrowser[] = [];
    const published: PublishedSignal[] = [];
    const notifications = jest.fn();
    let runId: string;

    beforeAll(async () => {
      db = await createSharedDatabase(POSTGRES!);
      standin = await startStandin({ port: 0, workflowsDir: WORKFLOWS_DIR });
      const replica = (name: string) =>
        startReplica({
          name,
          databaseUrl: db.url,
          dataIndexUrl: standin.url,
          published,
          notifications,
        });
      // One after the other, as a rollout starts pods; both migrate the same schemas.
      a = await replica('A');
      b = await replica('B');
    });

    afterAll(async () => {
      browsers.forEach(browser => browser.close());
      await Promise.allSettled([a?.stop(), b?.stop()]);
      await standin?.close();
      await db?.drop();
    });

    it('runs the instance watcher as one global task in the shared scheduler', async () => {
      for (const replica of [a, b]) {
        const res = await replica.request
          .get(`${API}/.backstage/scheduler/v1/tasks`)
          .set(as(ANN));
        expect(res.status).toBe(200);
        expect(res.body.tasks).toContainEqual(
          expect.objectContaining({ taskId: WATCHER_TASK, scope: 'global' }),
        );
      }
      // One row, shared: the lock both replicas compete for.
      const rows = await db
        .knex('orchestrator.backstage_backend_tasks__tasks')
        .where({ id: WATCHER_TASK });
      expect(rows).toHaveLength(1);
    });

    it('a run started through replica A is seen through replica B, with the ownership A recorded', async () => {
      const started = await a.request
        .post(`${API}/v2/workflows/greeting/execute`)
        .set(as(ANN))
        .send({
          inputData: { name: 'Ada', language: 'Spanish' },
          targetEntity: 'component:default/svc',
        });
      expect(started.status).toBe(200);
      runId = started.body.id;
      expect(runId).toEqual(expect.any(String));

      // The Data Index has it at once; wait for the stand-in to finish the run.
      let seen: any;
      const deadline = Date.now() + 30_000;
      do {
        const res = await b.request
          .get(`${API}/v2/workflows/instances/${encodeURIComponent(runId)}`)
          .set(as(ANN));
        expect(res.status).toBe(200);
        seen = res.body;
        if (seen.state === 'COMPLETED') break;
        await new Promise(r => setTimeout(r, 100));
      } while (Date.now() < deadline);

      expect(seen).toMatchObject({
        id: runId,
        processId: 'greeting',
        state: 'COMPLETED',
        initiatorEntity: ANN,
        targetEntity: 'component:default/svc',
        // inputData comes only from the RunStore: B read the row A wrote.
        inputData: { name: 'Ada', language: 'Spanish' },
      });
      const rows = await db
        .knex('orchestrator.orchestrator_runs')
        .where({ instance_id: runId });
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        initiator: ANN,
        workflow_id: 'greeting',
      });

      // Another non-admin user is refused through B as the ownership rule says.
      const other = await b.request
        .get(`${API}/v2/workflows/instances/${encodeURIComponent(runId)}`)
        .set(as(BOB));
      expect(other.status).toBe(403);

      // B's lists apply the same ownership from the shared RunStore.
      const list = (user: string) =>
        b.request.post(`${API}/v2/workflows/instances`).set(as(user)).send({});
      const annList = await list(ANN);
      expect(annList.status).toBe(200);
      expect(annList.body.items.map((i: any) => i.id)).toContain(runId);
      const bobList = await list(BOB);
      expect(bobList.status).toBe(200);
      expect(bobList.body.items.map((i: any) => i.id)).not.toContain(runId);
    });

    it("delivers the run's instance-updated signal and its workflow's tick to the owner's browsers on both replicas, whichever replica published it", async () => {
      // A run of its own: the earlier run may already have been published by a tick the
      // scheduler ran on its own before the browsers subscribed.
      const started = await a.request
        .post(`${API}/v2/workflows/greeting/execute`)
        .set(as(ANN))
        .send({ inputData: { name: 'Bo', language: 'English' } });
      expect(started.status).toBe(200);
      runId = started.body.id;
      const deadline = Date.now() + 30_000;
      for (;;) {
        const res = await a.request
          .get(`${API}/v2/workflows/instances/${encodeURIComponent(runId)}`)
          .set(as(ANN));
        if (res.body.state === 'COMPLETED' || Date.now() > deadline) break;
        await new Promise(r => setTimeout(r, 100));
      }
      const channel = `orchestrator:instance:${runId}`;
      const workflowChannel = 'orchestrator:workflow:greeting';
      const onA = await connectSignalsBrowser(a.baseUrl);
      const onB = await connectSignalsBrowser(b.baseUrl);
      browsers.push(onA, onB);
      for (const browser of [onA, onB]) {
        browser.subscribe(channel);
        browser.subscribe(workflowChannel);
      }
      // Give the signals backends a moment to process the subscribe messages.
      await new Promise(r => setTimeout(r, 1_000));

      // Due now; whichever replica's scheduler claims it first runs the tick. Under a loaded
      // CI machine a tick can miss its Data Index deadline and publish nothing, and the next
      // scheduled one is an hour away: trigger again until both browsers have the signal.
      // The cursor lives in the database, so extra ticks cannot publish the change twice.
      const isCompleted = (m: { channel: string; message: any }) =>
        m.channel === channel && m.message?.state === 'COMPLETED';
      const bothGotIt = () =>
        onA.messages.some(isCompleted) && onB.messages.some(isCompleted);
      const until = Date.now() + 60_000;
      while (!bothGotIt() && Date.now() < until) {
        const triggered = await b.request
          .post(`${API}/.backstage/scheduler/v1/tasks/${WATCHER_TASK}/trigger`)
          .set(as(ANN));
        // 409: a tick is running right now, which is as good.
        expect([200, 409]).toContain(triggered.status);
        await Promise.all([
          onA.waitFor(isCompleted, 5_000),
          onB.waitFor(isCompleted, 5_000),
        ]).catch(() => undefined);
      }
      const [gotOnA, gotOnB] = await Promise.all([
        onA.waitFor(isCompleted, 1),
        onB.waitFor(isCompleted, 1),
      ]);

      // Exactly one replica published it (global task, cursor in the database) ...
      const publications = published.filter(p => p.channel === channel);
      expect(publications).toHaveLength(1);
      const publisher = publications[0].replica;
      expect(['A', 'B']).toContain(publisher);
      const expected = {
        type: 'instance-updated',
        instanceId: runId,
        workflowId: 'greeting',
        state: 'COMPLETED',
        lastUpdate: expect.any(String),
      };
      expect(publications[0].message).toEqual(expected);
      // ... and the browser on the OTHER replica got it through the database-backed event bus.
      const crossReplica = publisher === 'A' ? gotOnB : gotOnA;
      expect(crossReplica).toEqual({
        channel,
        message: publications[0].message,
      });
      expect(gotOnA).toEqual(gotOnB);

      // The same tick told the workflow's channel, addressed to the owner alone (never a
      // broadcast), and that too crossed to the other replica's browser.
      const ticks = published.filter(p => p.channel === workflowChannel);
      expect(ticks.length).toBeGreaterThan(0);
      for (const tick of ticks)
        expect(tick.recipients).toEqual({ type: 'user', entityRef: [ANN] });
      const isTick = (m: { channel: string; message: any }) =>
        m.channel === workflowChannel && m.message?.type === 'workflow-changed';
      const [tickOnA, tickOnB] = await Promise.all([
        onA.waitFor(isTick, 10_000),
        onB.waitFor(isTick, 10_000),
      ]);
      expect(tickOnA).toEqual({
        channel: workflowChannel,
        message: { type: 'workflow-changed', workflowId: 'greeting' },
      });
      expect(tickOnB).toEqual(tickOnA);
      expect(published.some(p => p.recipients.type === 'broadcast')).toBe(
        false,
      );

      // The initiator is notified once, by the replica that ran the tick.
      const sent = notifications.mock.calls.filter(
        ([, notification]) =>
          notification?.payload?.link ===
          `/orchestrator/instances/${encodeURIComponent(runId)}`,
      );
      expect(sent).toHaveLength(1);
      expect(sent[0][0]).toBe(publisher);
      expect(sent[0][1]).toMatchObject({
        recipients: { type: 'entity', entityRef: ANN },
      });
    }, 120_000);
  },
);
