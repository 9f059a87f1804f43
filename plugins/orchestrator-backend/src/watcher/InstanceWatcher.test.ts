import { mockServices } from '@backstage/backend-test-utils';
import {
  RunningStandin,
  startStandin,
} from '@orchestrator-suite/sonataflow-standin';
import knexFactory, { Knex } from 'knex';
import { instance } from '../__testUtils__/fixtures';
import { ANN, BOB } from '../__testUtils__/harness';
import { DefaultDataIndexClient } from '../dataIndex/DataIndexClient';
import { migrateKnex } from '../database/migrations';
import { DatabaseRunStore } from '../runStore/RunStore';
import { DefaultDefinitionCache } from '../services/DefinitionCache';
import {
  DefaultInstanceWatcher,
  InstanceWatcherOptions,
} from './InstanceWatcher';
import { DatabaseWatcherCursorStore } from './WatcherCursorStore';

jest.setTimeout(30_000);

const T = Date.parse('2026-11-21T10:00:00.000Z');

describe('DefaultInstanceWatcher', () => {
  let standin: RunningStandin;
  let knex: Knex;
  let signals: { publish: jest.Mock };
  let notifications: { send: jest.Mock };
  let runStore: DatabaseRunStore;
  let now: number;

  const watcher = () => {
    const dataIndex = DefaultDataIndexClient.create({
      url: standin.url,
      logger: mockServices.logger.mock(),
    });
    return DefaultInstanceWatcher.create({
      dataIndex,
      runStore,
      cursorStore: DatabaseWatcherCursorStore.create({ knex }),
      definitions: DefaultDefinitionCache.create({ dataIndex, ttlSeconds: 60 }),
      signals: signals as any,
      notifications: notifications as any,
      logger: mockServices.logger.mock(),
      batchSize: 500,
      initialLookbackMs: 60_000,
      now: () => now,
    });
  };

  beforeEach(async () => {
    standin = await startStandin();
    standin.store.putDefinition({
      id: 'greeting',
      name: 'Greeting workflow',
      serviceUrl: 'http://x',
    });
    knex = knexFactory({
      client: 'better-sqlite3',
      connection: ':memory:',
      useNullAsDefault: true,
    });
    await migrateKnex(knex);
    runStore = DatabaseRunStore.create({ knex });
    signals = { publish: jest.fn() };
    notifications = { send: jest.fn() };
    now = T;
  });
  afterEach(async () => {
    await standin.close();
    await knex.destroy();
  });

  it('signals every change to its owner, ticks each workflow once, and notifies owners of finished runs', async () => {
    await runStore.record({
      instanceId: 'done',
      workflowId: 'greeting',
      initiator: ANN,
    });
    standin.store.putInstances([
      instance('old', { lastUpdate: T - 120_000 }), // before the initial lookback
      instance('running', { lastUpdate: T - 1000 }),
      instance('done', {
        state: 'COMPLETED',
        lastUpdate: T - 900,
        initiator: BOB, // the run store, not the variable, is the authority
        workflowdata: { result: { message: 'Greeting: Hola' } },
      }),
      instance('failed', {
        state: 'ERROR',
        lastUpdate: T - 800,
        initiator: BOB,
        error: { nodeDefinitionId: 'n7', message: 'boom' },
      }),
      instance('stopped', {
        state: 'ABORTED',
        lastUpdate: T - 700,
        initiator: 'service:scaffolder',
      }),
    ]);

    const first = await watcher().tick();
    // 3 user-owned runs (the scaffolder's is no user's) + one tick for the one workflow
    expect(first).toEqual({ changed: 4, signals: 4, notifications: 2 });
    expect(signals.publish).toHaveBeenCalledWith({
      recipients: { type: 'user', entityRef: BOB },
      channel: 'orchestrator:instance:failed',
      message: {
        type: 'instance-updated',
        instanceId: 'failed',
        workflowId: 'greeting',
        state: 'ERROR',
        lastUpdate: new Date(T - 800).toISOString(),
        nodeDefinitionId: 'n7',
      },
    });
    const ticks = signals.publish.mock.calls
      .map(c => c[0])
      .filter(p => p.channel === 'orchestrator:workflow:greeting');
    expect(ticks).toEqual([
      {
        recipients: { type: 'user', entityRef: expect.any(Array) },
        channel: 'orchestrator:workflow:greeting',
        message: { type: 'workflow-changed', workflowId: 'greeting' },
      },
    ]);
    // The owners of the changed runs, Ann once for her two; not the scaffolder.
    expect([...ticks[0].recipients.entityRef].sort()).toEqual([ANN, BOB]);
    expect(notifications.send.mock.calls.map(c => c[0])).toEqual([
      {
        recipients: { type: 'entity', entityRef: ANN },
        payload: expect.objectContaining({
          title: 'Workflow run completed: Greeting workflow',
          description: 'Greeting: Hola',
          link: '/orchestrator/instances/done',
          severity: 'normal',
        }),
      },
      {
        recipients: { type: 'entity', entityRef: BOB },
        payload: expect.objectContaining({
          title: 'Workflow run failed: Greeting workflow',
          description: 'boom',
          link: '/orchestrator/instances/failed',
          severity: 'high',
        }),
      },
    ]);

    // nothing new: nothing sent again, the boundary instance is not replayed
    signals.publish.mockClear();
    expect(await watcher().tick()).toEqual({
      changed: 0,
      signals: 0,
      notifications: 0,
    });

    // a later change is picked up, by a fresh watcher (another replica) through the stored cursor
    standin.store.putInstance(
      instance('running', { state: 'COMPLETED', lastUpdate: T + 5000 }),
    );
    expect(await watcher().tick()).toMatchObject({
      changed: 1,
      notifications: 1,
    });
  });

  it('asks the Data Index once per tick whatever the number of changed instances', async () => {
    standin.store.putInstances(
      Array.from({ length: 400 }, (_, i) =>
        instance(`run-${i}`, { lastUpdate: T - 10_000 + i }),
      ),
    );
    const w = watcher();
    await w.tick(); // warms the definition cache
    standin.store.putInstances(
      Array.from({ length: 300 }, (_, i) =>
        instance(`run-${i}`, { state: 'COMPLETED', lastUpdate: T + 1 + i }),
      ),
    );
    standin.stats.reset();
    const result = await w.tick();
    expect(result.changed).toBe(300);
    expect(standin.stats.snapshot().graphqlRequests).toBe(1);
  });
});

/**
 * What a browser connected as `user` receives, by the signals backend's own rule
 * (SignalManager: broadcast, or the user among `recipients.entityRef`). Broadcast stays in
 * the rule so that a broadcast slipping back in shows up as a leak, not as nothing.
 */
function deliveredTo(user: string, published: any[]): any[] {
  return published.filter(({ recipients }) => {
    if (recipients.type === 'broadcast') return true;
    const refs = [recipients.entityRef].flat();
    return refs.includes(user);
  });
}

describe('DefaultInstanceWatcher privacy, sub-flows and paging', () => {
  let standin: RunningStandin;
  let knex: Knex;
  let signals: { publish: jest.Mock };
  let runStore: DatabaseRunStore;
  const now = T;

  const watcher = (
    batchSize = 500,
    extra: Partial<InstanceWatcherOptions> = {},
  ) => {
    const dataIndex = DefaultDataIndexClient.create({
      url: standin.url,
      logger: mockServices.logger.mock(),
    });
    return DefaultInstanceWatcher.create({
      dataIndex,
      runStore,
      cursorStore: DatabaseWatcherCursorStore.create({ knex }),
      definitions: DefaultDefinitionCache.create({ dataIndex, ttlSeconds: 60 }),
      signals: signals as any,
      notifications: { send: jest.fn() } as any,
      logger: mockServices.logger.mock(),
      batchSize,
      initialLookbackMs: 60_000,
      now: () => now,
      ...extra,
    });
  };

  beforeEach(async () => {
    standin = await startStandin();
    standin.store.putDefinition({ id: 'greeting', serviceUrl: 'http://x' });
    standin.store.putDefinition({ id: 'secret-flow', serviceUrl: 'http://x' });
    knex = knexFactory({
      client: 'better-sqlite3',
      connection: ':memory:',
      useNullAsDefault: true,
    });
    await migrateKnex(knex);
    runStore = DatabaseRunStore.create({ knex });
    signals = { publish: jest.fn() };
  });
  afterEach(async () => {
    await standin.close();
    await knex.destroy();
  });

  it("no run id of Ann's reaches Bob, whatever channel Bob subscribes to", async () => {
    standin.store.putInstances([
      instance('ann-1', { lastUpdate: T - 500, initiator: ANN }),
      instance('ann-2', {
        processId: 'secret-flow',
        lastUpdate: T - 400,
        initiator: ANN,
        state: 'ERROR',
        error: { nodeDefinitionId: 'n1', message: 'boom' },
      }),
      instance('bob-1', { lastUpdate: T - 300, initiator: BOB }),
    ]);
    await watcher().tick();
    const published = signals.publish.mock.calls.map(c => c[0]);
    const bobSees = JSON.stringify(deliveredTo(BOB, published));
    const annSees = JSON.stringify(deliveredTo(ANN, published));
    expect(bobSees).not.toMatch(/ann-1|ann-2|ERROR|n1/);
    expect(bobSees).toContain('bob-1');
    expect(annSees).toMatch(/ann-1/);
    expect(annSees).toMatch(/ann-2/);
    expect(annSees).not.toContain('bob-1');
    // Not even the content-free tick of a workflow only Ann ran a changed run of.
    expect(bobSees).not.toContain('secret-flow');
  });

  it('ticks a workflow once, to each owner of its changed runs and no one else', async () => {
    standin.store.putInstances([
      instance('ann-1', { lastUpdate: T - 500, initiator: ANN }),
      instance('bob-1', { lastUpdate: T - 300, initiator: BOB }),
      instance('bot-1', {
        processId: 'secret-flow',
        lastUpdate: T - 200,
        initiator: 'service:scaffolder',
      }),
    ]);
    await watcher().tick();
    const ticks = signals.publish.mock.calls
      .map(c => c[0])
      .filter(p => p.message.type === 'workflow-changed');
    expect(ticks).toHaveLength(1);
    expect(ticks[0]).toMatchObject({
      recipients: { type: 'user' },
      channel: 'orchestrator:workflow:greeting',
    });
    expect([...ticks[0].recipients.entityRef].sort()).toEqual([ANN, BOB]);
    // secret-flow's only change is a service's run: no user is told of it
    expect(JSON.stringify(ticks)).not.toContain('secret-flow');
  });

  it('adds the live admins to every workflow tick, each user once, and tells only them on orchestrator:workflows', async () => {
    const ADMIN = 'user:default/ada';
    standin.store.putInstances([
      instance('ann-1', { lastUpdate: T - 500, initiator: ANN }),
      instance('ada-1', { lastUpdate: T - 400, initiator: ADMIN }),
      instance('bot-1', {
        processId: 'secret-flow',
        lastUpdate: T - 200,
        initiator: 'service:scaffolder',
      }),
    ]);
    const listLive = jest.fn().mockResolvedValue([ADMIN]);
    const result = await watcher(500, { liveAdmins: { listLive } }).tick();
    // the set is read once per tick, not once per workflow
    expect(listLive).toHaveBeenCalledTimes(1);
    const ticks = signals.publish.mock.calls
      .map(c => c[0])
      .filter(p => p.message.type === 'workflow-changed');
    const recipientsOf = (channel: string) =>
      ticks
        .filter(t => t.channel === channel)
        .map(t => [...t.recipients.entityRef].sort());
    expect(recipientsOf('orchestrator:workflow:greeting')).toEqual([
      [ADMIN, ANN].sort(),
    ]);
    // a service's run is told to the admins, who may see it
    expect(recipientsOf('orchestrator:workflow:secret-flow')).toEqual([
      [ADMIN],
    ]);
    expect(recipientsOf('orchestrator:workflows')).toEqual([[ADMIN], [ADMIN]]);
    expect(
      ticks
        .filter(t => t.channel === 'orchestrator:workflows')
        .map(t => t.message.workflowId)
        .sort(),
    ).toEqual(['greeting', 'secret-flow']);
    // 2 owned runs' instance signals + 2 workflows on both channels
    expect(result.signals).toBe(6);
  });

  it('ticks the owners as before when the live admins cannot be read', async () => {
    standin.store.putInstances([
      instance('ann-1', { lastUpdate: T - 500, initiator: ANN }),
    ]);
    const listLive = jest.fn().mockRejectedValue(new Error('db down'));
    await watcher(500, { liveAdmins: { listLive } }).tick();
    const ticks = signals.publish.mock.calls
      .map(c => c[0])
      .filter(p => p.message.type === 'workflow-changed');
    expect(ticks).toEqual([
      {
        recipients: { type: 'user', entityRef: [ANN] },
        channel: 'orchestrator:workflow:greeting',
        message: { type: 'workflow-changed', workflowId: 'greeting' },
      },
    ]);
  });

  it('publishes nothing as a broadcast, whatever changed', async () => {
    await runStore.record({
      instanceId: 'root-1',
      workflowId: 'greeting',
      initiator: ANN,
    });
    standin.store.putInstances([
      instance('root-1', { lastUpdate: T - 600, initiator: ANN }),
      {
        ...instance('child-1', { lastUpdate: T - 550 }),
        variables: { workflowdata: {} },
        parentProcessInstanceId: 'root-1',
        rootProcessInstanceId: 'root-1',
      },
      instance('bob-1', {
        processId: 'secret-flow',
        lastUpdate: T - 500,
        initiator: BOB,
        state: 'COMPLETED',
      }),
      instance('bot-1', { lastUpdate: T - 400, initiator: 'service:x' }),
      {
        ...instance('nobody-1', { lastUpdate: T - 300 }),
        variables: { workflowdata: {} }, // started outside Backstage: no owner
      },
    ]);
    await watcher().tick();
    const published = signals.publish.mock.calls.map(c => c[0]);
    expect(published.length).toBeGreaterThan(0);
    for (const { recipients } of published) {
      expect(recipients.type).toBe('user');
      for (const ref of [recipients.entityRef].flat())
        expect(ref).toMatch(/^user:/);
    }
  });

  it("a sub-flow's updates go to its root run's owner, who then owns it in the run store", async () => {
    await runStore.record({
      instanceId: 'root-1',
      workflowId: 'greeting',
      initiator: ANN,
    });
    standin.store.putInstances([
      instance('root-1', { lastUpdate: T - 600, initiator: ANN }),
      {
        ...instance('child-1', { lastUpdate: T - 500 }),
        variables: { workflowdata: {} }, // SonataFlow gives a child no initiator
        parentProcessInstanceId: 'root-1',
        rootProcessInstanceId: 'root-1',
      },
    ]);
    await watcher().tick();
    expect(signals.publish).toHaveBeenCalledWith(
      expect.objectContaining({
        recipients: { type: 'user', entityRef: ANN },
        channel: 'orchestrator:instance:child-1',
      }),
    );
    expect(signals.publish).toHaveBeenCalledWith(
      expect.objectContaining({
        recipients: { type: 'user', entityRef: [ANN] },
        channel: 'orchestrator:workflow:greeting',
      }),
    );
    expect(await runStore.get('child-1')).toMatchObject({
      initiator: ANN,
      rootInstanceId: 'root-1',
    });
    expect(await runStore.listRootsWithSubflows(ANN, 10)).toEqual(['root-1']);
  });

  it('moves past more than batchSize runs sharing one lastUpdate instead of stalling', async () => {
    const same = T - 1000;
    standin.store.putInstances(
      Array.from({ length: 25 }, (_, i) =>
        instance(`tie-${String(i).padStart(2, '0')}`, { lastUpdate: same }),
      ),
    );
    const w = watcher(10);
    const handled = new Set<string>();
    for (let i = 0; i < 4; i++) {
      signals.publish.mockClear();
      await w.tick();
      signals.publish.mock.calls
        .map(c => c[0].message.instanceId)
        .filter(Boolean)
        .forEach(id => handled.add(id));
    }
    expect(handled.size).toBe(25);
  });

  it('publishes with bounded concurrency, not one after another', async () => {
    standin.store.putInstances(
      Array.from({ length: 40 }, (_, i) =>
        instance(`c-${i}`, { lastUpdate: T - 2000 + i }),
      ),
    );
    let inFlight = 0;
    let peak = 0;
    signals.publish.mockImplementation(async () => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise(r => setTimeout(r, 5));
      inFlight--;
    });
    await watcher().tick();
    expect(peak).toBeGreaterThan(1);
    expect(peak).toBeLessThanOrEqual(8);
  });
});
