import { mockCredentials } from '@backstage/backend-test-utils';
import {
  RunningStandin,
  startStandin,
} from '@orchestrator-suite/sonataflow-standin';
import path from 'node:path';
import { BOB } from './__testUtils__/harness';
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
 * Two replicas over one PostgreSQL share the live instance admins: an admin whose request one
 * replica answered is ticked about another user's run whichever replica runs the watcher.
 */

jest.setTimeout(90_000);

// A test browser can only present the default mock user's token.
const ADMIN = 'user:default/mock';
const POSTGRES =
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
const describeIfPostgres: jest.Describe = POSTGRES ? describe : describe.skip;

const API = '/api/orchestrator';
const WATCHER_TASK = 'orchestrator-instance-watcher';
const WORKFLOWS_DIR = path.resolve(__dirname, '../../../workflows');
const as = (user: string) => ({
  Authorization: mockCredentials.user.header(user),
});

describeIfPostgres('live instance admins across two replicas', () => {
  let db: SharedDatabase;
  let standin: RunningStandin;
  let a: Replica;
  let b: Replica;
  let browser: SignalsBrowser | undefined;
  const published: PublishedSignal[] = [];

  beforeAll(async () => {
    db = await createSharedDatabase(POSTGRES!);
    standin = await startStandin({ port: 0, workflowsDir: WORKFLOWS_DIR });
    const replica = (name: string) =>
      startReplica({
        name,
        databaseUrl: db.url,
        dataIndexUrl: standin.url,
        published,
        notifications: jest.fn(),
        admins: [ADMIN],
      });
    a = await replica('A');
    b = await replica('B');
  });

  afterAll(async () => {
    browser?.close();
    await Promise.allSettled([a?.stop(), b?.stop()]);
    await standin?.close();
    await db?.drop();
  });

  it("an admin seen by replica A gets the tick of Bob's run on a browser connected to B, whichever replica ticked", async () => {
    const listed = await a.request
      .post(`${API}/v2/workflows/instances`)
      .set(as(ADMIN))
      .send({});
    expect(listed.status).toBe(200);
    const rows = await db
      .knex('orchestrator.orchestrator_live_admins')
      .select('user_ref');
    expect(rows).toEqual([{ user_ref: ADMIN }]);

    browser = await connectSignalsBrowser(b.baseUrl);
    browser.subscribe('orchestrator:workflows');
    await new Promise(r => setTimeout(r, 1_000));

    const started = await b.request
      .post(`${API}/v2/workflows/greeting/execute`)
      .set(as(BOB))
      .send({ inputData: { name: 'Bo', language: 'English' } });
    expect(started.status).toBe(200);

    const isTick = (m: { channel: string; message: any }) =>
      m.channel === 'orchestrator:workflows' &&
      m.message?.workflowId === 'greeting';
    // As in replicas.test.ts: trigger until a tick has published the change.
    const until = Date.now() + 60_000;
    while (!browser.messages.some(isTick) && Date.now() < until) {
      const triggered = await b.request
        .post(`${API}/.backstage/scheduler/v1/tasks/${WATCHER_TASK}/trigger`)
        .set(as(ADMIN));
      expect([200, 409]).toContain(triggered.status);
      await browser.waitFor(isTick, 5_000).catch(() => undefined);
    }
    expect(await browser.waitFor(isTick, 1)).toEqual({
      channel: 'orchestrator:workflows',
      message: { type: 'workflow-changed', workflowId: 'greeting' },
    });

    const workflowTicks = published.filter(
      p => p.channel === 'orchestrator:workflow:greeting',
    );
    expect(workflowTicks.length).toBeGreaterThan(0);
    for (const tick of workflowTicks) {
      expect(tick.recipients).toEqual({
        type: 'user',
        entityRef: expect.arrayContaining([ADMIN, BOB]),
      });
    }
    for (const tick of published.filter(
      p => p.channel === 'orchestrator:workflows',
    )) {
      expect(tick.recipients).toEqual({ type: 'user', entityRef: [ADMIN] });
    }
    // Bob's run's own channel, which carries its state, stays Bob's.
    for (const signal of published.filter(p =>
      p.channel.startsWith('orchestrator:instance:'),
    )) {
      expect(signal.recipients).toEqual({ type: 'user', entityRef: BOB });
    }
  });
});
