import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { seedStandard } from './__testUtils__/fixtures';
import { ANN, Harness, Policy, startHarness } from './__testUtils__/harness';

jest.setTimeout(30_000);

const API = '/api/orchestrator';

/**
 * A request's access (the caller's workflow scope, instanceAdminView, the ownership filter) is
 * resolved once: these count every permission decision the evaluator is asked for, per request.
 */
describe('access is resolved once per request', () => {
  let h: Harness;
  let asked: string[];

  beforeAll(async () => {
    h = await startHarness();
    seedStandard(h.standin);
  });
  afterAll(() => h.close());

  /** The policy answers as `decide` does and records each permission it is asked about. */
  const counting =
    (decide: Policy): Policy =>
    (permission, user) => {
      asked.push(permission.name);
      return decide(permission, user);
    };
  beforeEach(() => {
    asked = [];
    h.setPolicy(counting(() => AuthorizeResult.ALLOW));
  });

  const post = (path: string, body: object = {}) =>
    h.request.post(`${API}${path}`).set(h.asUser(ANN)).send(body);

  it('an overview list asks for the read scope and instanceAdminView once each', async () => {
    expect((await post('/v2/workflows/overview')).status).toBe(200);
    expect(asked.sort()).toEqual([
      'orchestrator.instanceAdminView',
      'orchestrator.workflow',
    ]);
  });

  it("a workflow's instance list reads the scope once for the filter and the path's workflow", async () => {
    expect((await post('/v2/workflows/greeting/instances')).status).toBe(200);
    expect(asked.sort()).toEqual([
      'orchestrator.instanceAdminView',
      'orchestrator.workflow',
    ]);
  });

  it('a conditional read scope: one generic decision and one batch of per-workflow names', async () => {
    h.setPolicy(
      counting(permission =>
        permission.name === 'orchestrator.workflow'
          ? { workflowIds: ['greeting'] }
          : AuthorizeResult.DENY,
      ),
    );
    const res = await post('/v2/workflows/greeting/instances');
    expect(res.status).toBe(200);
    expect(asked.sort()).toEqual([
      'orchestrator.instanceAdminView',
      'orchestrator.workflow',
      'orchestrator.workflow.greeting',
      'orchestrator.workflow.secret-flow',
    ]);
  });

  it('a start asks for read and use once each', async () => {
    const res = await post('/v2/workflows/greeting/execute', {
      inputData: { language: 'English' },
    });
    expect(res.status).toBeLessThan(300);
    expect(asked.sort()).toEqual([
      'orchestrator.workflow',
      'orchestrator.workflow.use',
    ]);
  });

  it('a bulk action asks for instanceAdminView once, then read and use per run', async () => {
    const abort = await post('/v2/workflows/instances/abort', {
      instanceIds: ['ann-active', 'bob-active'],
    });
    expect(abort.status).toBe(200);
    expect(asked.sort()).toEqual([
      'orchestrator.instanceAdminView',
      'orchestrator.workflow',
      'orchestrator.workflow',
      'orchestrator.workflow.use',
      'orchestrator.workflow.use',
    ]);
    asked = [];
    const retrigger = await post('/v2/workflows/instances/retrigger', {
      instanceIds: ['ann-error'],
    });
    expect(retrigger.status).toBe(200);
    expect(asked.sort()).toEqual([
      'orchestrator.instanceAdminView',
      'orchestrator.workflow',
      'orchestrator.workflow.use',
    ]);
  });
});
