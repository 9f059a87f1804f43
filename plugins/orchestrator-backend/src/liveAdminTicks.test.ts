import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { instance } from './__testUtils__/fixtures';
import {
  BOB,
  Harness,
  WORKFLOWS_HOST,
  startHarness,
} from './__testUtils__/harness';

/**
 * Issue 12: an instance admin's pages of others' runs are live by signals. The backend learns
 * who the admins are from the requests it authorizes anyway, and the watcher adds them to the
 * content-free workflow ticks for as long as `adminTicksTtlSeconds`.
 */

jest.setTimeout(30_000);

const API = '/api/orchestrator';
const ADMIN = 'user:default/ada';
const CARL = 'user:default/carl';

async function start(adminTicksTtlSeconds?: number): Promise<Harness> {
  const h = await startHarness({
    config: {
      instanceWatcher: {
        enabled: true,
        intervalSeconds: 3600,
        ...(adminTicksTtlSeconds === undefined ? {} : { adminTicksTtlSeconds }),
      },
    },
  });
  h.setPolicy((permission, user) =>
    permission.name === 'orchestrator.instanceAdminView' && user !== ADMIN
      ? AuthorizeResult.DENY
      : AuthorizeResult.ALLOW,
  );
  h.standin.store.putDefinition({
    id: 'greeting',
    name: 'Greeting workflow',
    serviceUrl: WORKFLOWS_HOST,
  });
  return h;
}

function watcherTick(h: Harness) {
  const task = h.scheduler.scheduleTask.mock.calls
    .map(([t]) => t)
    .find(t => t.id === 'orchestrator-instance-watcher');
  return task.fn(new AbortController().signal);
}

/** Bob's run changes and the watcher ticks; what it published then. */
async function bobsRunChanges(h: Harness, id: string) {
  h.signals.mockClear();
  h.standin.store.putInstance(
    instance(id, { lastUpdate: Date.now(), initiator: BOB }),
  );
  await watcherTick(h);
  return h.signals.mock.calls.map(([signal]) => signal);
}

function recipientsOn(signals: any[], channel: string): string[] {
  return signals
    .filter(s => s.channel === channel)
    .flatMap(s => [s.recipients.entityRef].flat());
}

const listRuns = (h: Harness, user: string) =>
  h.request
    .post(`${API}/v2/workflows/instances`)
    .set(h.asUser(user))
    .send({})
    .expect(200);

describe('workflow ticks for live instance admins', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await start();
  });
  afterAll(() => h.close());

  it("an admin who listed runs gets the content-free tick of another user's run, on the workflow's channel and on orchestrator:workflows", async () => {
    await listRuns(h, ADMIN);
    const signals = await bobsRunChanges(h, 'bob-1');

    expect(
      recipientsOn(signals, 'orchestrator:workflow:greeting').sort(),
    ).toEqual([ADMIN, BOB].sort());
    expect(signals.find(s => s.channel === 'orchestrator:workflows')).toEqual({
      recipients: { type: 'user', entityRef: [ADMIN] },
      channel: 'orchestrator:workflows',
      message: { type: 'workflow-changed', workflowId: 'greeting' },
    });
    // the run's own channel, which carries its state, stays its owner's
    expect(recipientsOn(signals, 'orchestrator:instance:bob-1')).toEqual([BOB]);
  });

  it('a user without instanceAdminView never gets it, whatever they request', async () => {
    await listRuns(h, CARL);
    await h.request
      .post(`${API}/v2/workflows/overview`)
      .set(h.asUser(CARL))
      .send({})
      .expect(200);
    const signals = await bobsRunChanges(h, 'bob-2');

    expect(signals.length).toBeGreaterThan(0);
    for (const s of signals) {
      expect([s.recipients.entityRef].flat()).not.toContain(CARL);
    }
  });

  it('lists each recipient once when the admin owns a changed run too', async () => {
    await listRuns(h, ADMIN);
    h.signals.mockClear();
    h.standin.store.putInstances([
      instance('ada-1', { lastUpdate: Date.now(), initiator: ADMIN }),
      instance('bob-3', { lastUpdate: Date.now(), initiator: BOB }),
    ]);
    await watcherTick(h);
    const signals = h.signals.mock.calls.map(([signal]) => signal);

    expect(
      recipientsOn(signals, 'orchestrator:workflow:greeting').sort(),
    ).toEqual([ADMIN, BOB].sort());
  });

  it('ticks the admins for a run no user owns (started at the workflow service)', async () => {
    await listRuns(h, ADMIN);
    h.signals.mockClear();
    h.standin.store.putInstance(
      instance('nobodys', {
        lastUpdate: Date.now(),
        initiator: 'service:external',
      }),
    );
    await watcherTick(h);
    const signals = h.signals.mock.calls.map(([signal]) => signal);

    expect(recipientsOn(signals, 'orchestrator:workflow:greeting')).toEqual([
      ADMIN,
    ]);
    expect(recipientsOn(signals, 'orchestrator:workflows')).toEqual([ADMIN]);
  });

  it('keeps one row per admin, however many requests', async () => {
    await Promise.all([1, 2, 3].map(() => listRuns(h, ADMIN)));
    const rows = await h.knex('orchestrator_live_admins').select();
    expect(rows.map(r => r.user_ref)).toEqual([ADMIN]);
  });
});

describe('after the TTL', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await start(1);
  });
  afterAll(() => h.close());

  it('an admin seen longer ago than adminTicksTtlSeconds is no longer ticked, and the row goes', async () => {
    await listRuns(h, ADMIN);
    expect(
      recipientsOn(
        await bobsRunChanges(h, 'bob-1'),
        'orchestrator:workflow:greeting',
      ),
    ).toContain(ADMIN);

    await new Promise(resolve => setTimeout(resolve, 1_100));
    const signals = await bobsRunChanges(h, 'bob-2');

    expect(recipientsOn(signals, 'orchestrator:workflow:greeting')).toEqual([
      BOB,
    ]);
    expect(recipientsOn(signals, 'orchestrator:workflows')).toEqual([]);
    expect(await h.knex('orchestrator_live_admins').select()).toEqual([]);
  });
});

describe('with adminTicksTtlSeconds 0', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await start(0);
  });
  afterAll(() => h.close());

  it('ticks owners only, as before, and records no one', async () => {
    await listRuns(h, ADMIN);
    const signals = await bobsRunChanges(h, 'bob-1');

    expect(recipientsOn(signals, 'orchestrator:workflow:greeting')).toEqual([
      BOB,
    ]);
    expect(recipientsOn(signals, 'orchestrator:workflows')).toEqual([]);
    expect(await h.knex('orchestrator_live_admins').select()).toEqual([]);
  });
});
