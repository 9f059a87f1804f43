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
import { DefaultInstanceWatcher } from './InstanceWatcher';
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

  it('signals every change on both channels and notifies initiators of finished runs', async () => {
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
    expect(first).toEqual({ changed: 4, signals: 8, notifications: 2 });
    expect(signals.publish).toHaveBeenCalledWith({
      recipients: { type: 'broadcast' },
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
    expect(signals.publish.mock.calls.map(c => c[0].channel)).toContain(
      'orchestrator:workflow:greeting',
    );
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
