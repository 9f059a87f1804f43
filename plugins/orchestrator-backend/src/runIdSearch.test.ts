import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { instance, seedStandard } from './__testUtils__/fixtures';
import { ANN, BOB, Harness, role, startHarness } from './__testUtils__/harness';
import { DefaultRunIndex } from './runIndex/RunIndex';
import { DatabaseRunStore } from './runStore/RunStore';

jest.setTimeout(60_000);

const API = '/api/orchestrator';
const T0 = Date.parse('2026-11-02T10:00:00.000Z');

/** Issue 12: All runs finds a run by the first characters of its id, as seen in a log. */
describe('runs search by run id prefix', () => {
  let h: Harness;

  beforeAll(async () => {
    // The watcher on wires the run index (its tasks never run under the mock scheduler).
    h = await startHarness({ config: { instanceWatcher: { enabled: true } } });
    seedStandard(h.standin);
    const runs = [
      { id: 'a1b2c3d4-0000-ann', initiator: ANN, start: T0 + 1 },
      { id: 'a1b2c3d4-0000-bob', initiator: BOB, start: T0 + 2 },
      { id: 'b0b0cafe-0000-bob', initiator: BOB, start: T0 + 3 },
    ];
    h.standin.store.putInstances([
      ...runs.map(r => instance(r.id, r)),
      // started at the workflow service, not through the portal: only the run index knows it
      instance('c0ffee00-0000-ann', { start: T0 + 4 }),
      instance('d00dfeed-0000-ann', {
        processId: 'secret-flow',
        processName: 'Secret flow',
        start: T0 + 5,
      }),
    ]);
    const store = DatabaseRunStore.create({ knex: h.knex });
    for (const r of runs) {
      await store.record({
        instanceId: r.id,
        workflowId: 'greeting',
        initiator: r.initiator,
      });
    }
    await store.record({
      instanceId: 'd00dfeed-0000-ann',
      workflowId: 'secret-flow',
      initiator: ANN,
    });
    await DefaultRunIndex.create({ knex: h.knex }).upsert(
      [
        {
          id: 'c0ffee00-0000-ann',
          processId: 'greeting',
          state: 'ACTIVE',
          start: new Date(T0 + 4).toISOString(),
          lastUpdate: new Date(T0 + 4).toISOString(),
          variables: { initiatorEntity: ANN },
        },
      ],
      Date.now(),
    );
  });
  afterAll(() => h.close());
  beforeEach(() => {
    h.setPolicy(role('read'));
  });

  const search = async (text: string, user = ANN) => {
    const res = await h.request
      .post(`${API}/v2/workflows/instances`)
      .set(h.asUser(user))
      .send({ search: text });
    expect(res.status).toBe(200);
    return res.body.items.map((i: { id: string }) => i.id);
  };

  it('finds a run by its first 8 characters in ONE Data Index round-trip', async () => {
    await search('warm-up'); // the definitions cache
    h.graphql.length = 0;
    expect(await search('a1b2c3d4')).toEqual(['a1b2c3d4-0000-ann']);
    expect(h.graphql).toHaveLength(1);
    expect(h.graphql[0].query).toContain('OrchestratorInstancesPage');
    // Both ids found go to the Data Index; the caller's ownership filter, in the same query, drops Bob's.
    const found = JSON.stringify(h.graphql[0].variables.where).match(
      /\{"id":\{"in":(\[[^\]]*\])\}\}/,
    );
    expect(JSON.parse(found![1]).sort()).toEqual([
      'a1b2c3d4-0000-ann',
      'a1b2c3d4-0000-bob',
    ]);
  });

  it("a prefix of another user's run finds nothing for a non-admin, the run for an admin", async () => {
    expect(await search('b0b0cafe')).toEqual([]);
    expect(await search('a1b2c3d4')).not.toContain('a1b2c3d4-0000-bob');
    expect(await search('b0b0cafe', BOB)).toEqual(['b0b0cafe-0000-bob']);
    h.setPolicy(role('admin'));
    expect(await search('b0b0cafe')).toEqual(['b0b0cafe-0000-bob']);
    expect(await search('a1b2c3d4')).toEqual([
      'a1b2c3d4-0000-bob',
      'a1b2c3d4-0000-ann',
    ]);
  });

  it("a prefix of a run in a workflow outside the caller's scope finds nothing", async () => {
    expect(await search('d00dfeed')).toEqual(['d00dfeed-0000-ann']);
    h.setPolicy(permission =>
      permission.name === 'orchestrator.workflow'
        ? { workflowIds: ['greeting'] }
        : AuthorizeResult.DENY,
    );
    expect(await search('d00dfeed')).toEqual([]);
  });

  it('finds a run started outside the portal through the run index', async () => {
    expect(await search('c0ffee00')).toEqual(['c0ffee00-0000-ann']);
  });

  it('needs 4 characters of one word; names, business keys and whole ids match as before', async () => {
    expect(await search('a1b')).toEqual([]);
    expect(await search('a1b2 c3d4')).toEqual([]);
    expect(await search('a1b2c3d4-0000-ann')).toEqual(['a1b2c3d4-0000-ann']);
    expect(await search('ann-active')).toEqual(['ann-active']);
    h.setPolicy(role('admin'));
    expect((await search('Secret')).sort()).toEqual([
      'd00dfeed-0000-ann',
      'secret-run',
    ]);
  });
});
