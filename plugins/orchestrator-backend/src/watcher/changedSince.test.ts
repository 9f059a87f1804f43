import { mockServices } from '@backstage/backend-test-utils';
import {
  RunningStandin,
  startStandin,
} from '@orchestrator-suite/sonataflow-standin';
import { DefaultDataIndexClient } from '../dataIndex/DataIndexClient';

// The watcher's cursor is (lastUpdate, ids already handled at that instant). Against the
// stand-in's GraphQL, so the where-clause semantics are those of a real Data Index query.
describe('listChangedInstances keyset', () => {
  let s: RunningStandin;
  beforeAll(async () => {
    s = await startStandin();
  });
  afterAll(() => s.close());

  const t1 = Date.parse('2026-11-01T10:00:00Z');
  const put = (id: string, lastUpdate: number) =>
    s.store.putInstance({
      id,
      processId: 'greeting',
      processName: 'Greeting',
      state: 'ACTIVE',
      start: t1 - 1000,
      lastUpdate,
      nodes: [],
      variables: {},
      endpoint: s.url,
      serviceUrl: s.url,
    } as any);

  const ids = async (since: number, seen: string[]) => {
    const client = DefaultDataIndexClient.create({
      url: s.url,
      logger: mockServices.logger.mock(),
      timeoutMs: 5000,
    });
    const { data } = await client.listChangedInstances(
      new Date(since).toISOString(),
      10,
      seen,
    );
    return data.map(i => i.id).sort();
  };

  it('skips runs handled at the cursor instant, and brings a handled run back once it changes again', async () => {
    put('run-a', t1);
    put('run-b', t1);
    expect(await ids(t1, [])).toEqual(['run-a', 'run-b']);
    expect(await ids(t1, ['run-a'])).toEqual(['run-b']);
    expect(await ids(t1, ['run-a', 'run-b'])).toEqual([]);

    // run-a moves on while the cursor still stands at t1 with both ids handled
    put('run-a', t1 + 2000);
    expect(await ids(t1, ['run-a', 'run-b'])).toEqual(['run-a']);
  });
});
