import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { seedStandard } from './__testUtils__/fixtures';
import { ANN, Harness, startHarness } from './__testUtils__/harness';

jest.setTimeout(60_000);

const API = '/api/orchestrator';

/**
 * An RBAC policy written the RHDH 1.8 way: no generic orchestrator.workflow(.use) grant, only
 * `orchestrator.workflow.<id>` and `orchestrator.workflow.use.<id>` for the workflows named.
 */
function perWorkflow(names: string[]) {
  return (permission: { name: string }) =>
    names.includes(permission.name)
      ? AuthorizeResult.ALLOW
      : AuthorizeResult.DENY;
}

describe("RHDH 1.8's per-workflow permission names", () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
    seedStandard(h.standin);
  });
  afterAll(() => h.close());

  const as = () => h.asUser(ANN);

  it('orchestrator.workflow.<id> lists and reads that workflow and no other', async () => {
    h.setPolicy(perWorkflow(['orchestrator.workflow.secret-flow']));
    const overview = await h.request
      .post(`${API}/v2/workflows/overview`)
      .set(as())
      .send({ paginationInfo: { pageSize: 1 } });
    expect(overview.status).toBe(200);
    expect(overview.body.overviews.map((o: any) => o.workflowId)).toEqual([
      'secret-flow',
    ]);
    expect(overview.body.totalCount).toBe(1);

    // Filtered inside the query: a one-row page holds the allowed run, the total counts only it.
    const runs = await h.request
      .post(`${API}/v2/workflows/instances`)
      .set(as())
      .send({ paginationInfo: { pageSize: 1 } });
    expect(runs.body.items.map((i: any) => i.id)).toEqual(['secret-run']);
    expect(runs.body.totalCount).toBe(1);

    const get = (id: string) =>
      h.request.get(`${API}/v2/workflows/${id}/overview`).set(as());
    expect((await get('secret-flow')).status).toBe(200);
    expect((await get('greeting')).status).toBe(403);
    expect(
      (
        await h.request
          .get(`${API}/v2/workflows/instances/ann-active`)
          .set(as())
      ).status,
    ).toBe(403);
  });

  it('orchestrator.workflow.use.<id> lets that workflow be run and no other', async () => {
    h.setPolicy(
      perWorkflow([
        'orchestrator.workflow.greeting',
        'orchestrator.workflow.secret-flow',
        'orchestrator.workflow.use.greeting',
      ]),
    );
    const execute = (id: string) =>
      h.request
        .post(`${API}/v2/workflows/${id}/execute`)
        .set(as())
        .send({ inputData: { language: 'English' } });
    const allowed = await execute('greeting');
    expect(allowed.status).toBe(200);
    expect(allowed.body.id).toMatch(/^started-/);
    const refused = await execute('secret-flow');
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain(
      "orchestrator.workflow.use is not allowed for workflow 'secret-flow'",
    );
  });

  it('the use name alone does not grant reading, as with the generic names', async () => {
    h.setPolicy(perWorkflow(['orchestrator.workflow.use.greeting']));
    const res = await h.request
      .post(`${API}/v2/workflows/greeting/execute`)
      .set(as())
      .send({ inputData: { language: 'English' } });
    expect(res.status).toBe(403);
  });

  it('a generic allow still covers every workflow', async () => {
    h.setPolicy(perWorkflow(['orchestrator.workflow']));
    const overview = await h.request
      .post(`${API}/v2/workflows/overview`)
      .set(as())
      .send({});
    expect(
      overview.body.overviews.map((o: any) => o.workflowId).sort(),
    ).toEqual(['greeting', 'secret-flow']);
  });
});
