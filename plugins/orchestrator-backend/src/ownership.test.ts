import { instance, seedStandard } from './__testUtils__/fixtures';
import { ANN, BOB, Harness, role, startHarness } from './__testUtils__/harness';
import { DatabaseRunStore } from './runStore/RunStore';

jest.setTimeout(60_000);

const API = '/api/orchestrator';

/** Issue 10 findings 7, 8 and 10: sub-flows, rerun rules, ownership scope size. */
describe('ownership', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
    seedStandard(h.standin);
    h.standin.store.putInstances([
      {
        ...instance('ann-child', { start: Date.parse('2026-11-01T10:00:01Z') }),
        variables: { workflowdata: {} }, // SonataFlow gives a sub-flow no initiator
        parentProcessInstanceId: 'ann-done',
        rootProcessInstanceId: 'ann-done',
      },
    ]);
  });
  afterAll(() => h.close());
  beforeEach(() => {
    h.setPolicy(role('use'));
    h.graphql.length = 0;
  });

  const get = (path: string, user = ANN) =>
    h.request.get(`${API}${path}`).set(h.asUser(user));
  const post = (path: string, body: object = {}, user = ANN) =>
    h.request.post(`${API}${path}`).set(h.asUser(user)).send(body);

  it("the root run's owner may open a sub-flow run; someone else may not", async () => {
    expect((await get('/v2/workflows/instances/ann-child')).status).toBe(200);
    expect((await get('/v2/workflows/instances/ann-child', BOB)).status).toBe(
      403,
    );
  });

  it("a sub-flow the watcher recorded is in its root owner's lists, not in others'", async () => {
    await DatabaseRunStore.create({ knex: h.knex }).recordSubflow({
      instanceId: 'ann-child',
      workflowId: 'greeting',
      rootInstanceId: 'ann-done',
      initiator: ANN,
    });
    const ids = async (user: string) =>
      (await post('/v2/workflows/instances', {}, user)).body.items.map(
        (i: any) => i.id,
      );
    expect(await ids(ANN)).toContain('ann-child');
    expect(await ids(BOB)).not.toContain('ann-child');
  });

  it.each([
    ['ann-active', 409, { error: { name: 'ConflictError' } }],
    ['ann-done', 200, { id: expect.any(String) }],
    ['ann-error', 200, { id: expect.any(String) }],
  ])(
    'rerun of %s answers %i (run-state rules from common)',
    async (id, status, body) => {
      const res = await post(`/v2/workflows/greeting/instances/${id}/rerun`, {
        inputData: { language: 'English' },
      });
      expect(res.status).toBe(status);
      expect(res.body).toMatchObject(body);
    },
  );

  it('the ownership filter of a list does not grow with the number of runs a user has', async () => {
    h.setPolicy(role('read'));
    const sizeOfList = async () => {
      h.graphql.length = 0;
      const res = await post('/v2/workflows/instances', {}, BOB);
      expect(res.status).toBe(200);
      const overview = await post('/v2/workflows/overview', {}, BOB);
      expect(overview.status).toBe(200);
      // The definitions page carries no ownership filter (and is cached after the first call).
      return h.graphql
        .filter(g => !g.query.includes('OrchestratorDefinitionsPage'))
        .reduce((sum, g) => sum + JSON.stringify(g.variables).length, 0);
    };
    const before = await sizeOfList();
    const rows = Array.from({ length: 10_000 }, (_, i) => ({
      instance_id: `bob-history-${i}`,
      workflow_id: 'greeting',
      initiator: BOB,
      created_at: new Date(),
    }));
    for (let i = 0; i < rows.length; i += 500) {
      await h.knex('orchestrator_runs').insert(rows.slice(i, i + 500));
    }
    const after = await sizeOfList();
    expect(after).toBe(before);
    expect(after).toBeLessThan(20_000);
  });
});
