import { createBackendModule } from '@backstage/backend-plugin-api';
import { workflowLogsExtensionEndpoint } from '@orchestrator-suite/backstage-plugin-orchestrator-node';
import { seedStandard } from './__testUtils__/fixtures';
import {
  ANN,
  Harness,
  Role,
  role,
  startHarness,
} from './__testUtils__/harness';

jest.setTimeout(60_000);

/**
 * Every endpoint x role x whose run, with the expected status in each cell.
 * The caller is always Ann; "own" targets her runs, "other" targets Bob's.
 * Columns: none, read, use, admin.
 */
type Cells = [number, number, number, number];
type Row = {
  endpoint: string;
  call: (
    h: Harness,
    run: { active: string; error: string; done: string },
  ) => any;
  own: Cells;
  other: Cells;
};

const API = '/api/orchestrator';
const OWN = { active: 'ann-active', error: 'ann-error', done: 'ann-done' };
const OTHER = { active: 'bob-active', error: 'bob-error', done: 'bob-error' };
const ROLES: Role[] = ['none', 'read', 'use', 'admin'];

const same = (cells: Cells) => ({ own: cells, other: cells });

const matrix: Row[] = [
  {
    endpoint: 'POST overview',
    call: h => h.request.post(`${API}/v2/workflows/overview`).send({}),
    ...same([200, 200, 200, 200]),
  },
  {
    endpoint: 'POST overview/entity',
    call: h =>
      h.request.post(`${API}/v2/workflows/overview/entity`).send({
        targetEntity: 'component:default/svc',
        annotationWorkflowIds: ['greeting'],
      }),
    ...same([200, 200, 200, 200]),
  },
  {
    endpoint: 'GET names',
    call: h => h.request.get(`${API}/v2/workflows/names`),
    ...same([200, 200, 200, 200]),
  },
  {
    endpoint: 'GET overview',
    call: h => h.request.get(`${API}/v2/workflows/greeting/overview`),
    ...same([403, 200, 200, 200]),
  },
  {
    endpoint: 'GET source',
    call: h => h.request.get(`${API}/v2/workflows/greeting/source`),
    ...same([403, 200, 200, 200]),
  },
  {
    endpoint: 'GET inputSchema?instanceId',
    call: (h, run) =>
      h.request.get(
        `${API}/v2/workflows/greeting/inputSchema?instanceId=${run.done}`,
      ),
    own: [403, 200, 200, 200],
    other: [403, 403, 403, 200],
  },
  {
    endpoint: 'GET pingWorkflowService',
    call: h =>
      h.request.get(`${API}/v2/workflows/greeting/pingWorkflowService`),
    ...same([403, 200, 200, 200]),
  },
  {
    endpoint: 'GET availability',
    call: h => h.request.get(`${API}/v2/workflows/greeting/availability`),
    ...same([403, 200, 200, 200]),
  },
  {
    endpoint: 'GET stats',
    call: h => h.request.get(`${API}/v2/workflows/greeting/stats`),
    ...same([403, 200, 200, 200]),
  },
  {
    endpoint: 'POST instances',
    call: h => h.request.post(`${API}/v2/workflows/instances`).send({}),
    ...same([200, 200, 200, 200]),
  },
  {
    endpoint: 'POST {workflow}/instances',
    call: h =>
      h.request.post(`${API}/v2/workflows/greeting/instances`).send({}),
    ...same([403, 200, 200, 200]),
  },
  {
    endpoint: 'POST instances/entity',
    call: h =>
      h.request
        .post(`${API}/v2/workflows/instances/entity`)
        .send({ targetEntity: 'component:default/svc' }),
    ...same([200, 200, 200, 200]),
  },
  {
    endpoint: 'GET statuses',
    call: h => h.request.get(`${API}/v2/workflows/instances/statuses`),
    ...same([200, 200, 200, 200]),
  },
  {
    endpoint: 'GET instance',
    call: (h, run) =>
      h.request.get(`${API}/v2/workflows/instances/${run.active}`),
    own: [403, 200, 200, 200],
    other: [403, 403, 403, 200],
  },
  {
    endpoint: 'GET instance logs',
    call: (h, run) =>
      h.request.get(`${API}/v2/workflows/instances/${run.done}/logs`),
    own: [403, 200, 200, 200],
    other: [403, 403, 403, 200],
  },
  {
    endpoint: 'POST execute',
    call: h =>
      h.request
        .post(`${API}/v2/workflows/greeting/execute`)
        .send({ inputData: { language: 'English' } }),
    ...same([403, 403, 200, 200]),
  },
  {
    endpoint: 'POST retrigger',
    call: (h, run) =>
      h.request
        .post(`${API}/v2/workflows/greeting/${run.error}/retrigger`)
        .send({}),
    own: [403, 403, 200, 200],
    other: [403, 403, 403, 200],
  },
  {
    endpoint: 'DELETE abort',
    call: (h, run) =>
      h.request.delete(`${API}/v2/workflows/instances/${run.active}/abort`),
    own: [403, 403, 200, 200],
    other: [403, 403, 403, 200],
  },
  {
    endpoint: 'POST rerun',
    call: (h, run) =>
      h.request
        .post(`${API}/v2/workflows/greeting/instances/${run.done}/rerun`)
        .send({}),
    own: [403, 403, 200, 200],
    other: [403, 403, 403, 200],
  },
  {
    endpoint: 'POST bulk abort',
    call: (h, run) =>
      h.request
        .post(`${API}/v2/workflows/instances/abort`)
        .send({ instanceIds: [run.active] }),
    ...same([403, 403, 403, 200]),
  },
  {
    endpoint: 'POST bulk retrigger',
    call: (h, run) =>
      h.request
        .post(`${API}/v2/workflows/instances/retrigger`)
        .send({ instanceIds: [run.error] }),
    ...same([403, 403, 403, 200]),
  },
];

/** So the logs row reaches the access check (without a provider it is a 501 for everyone). */
const logProvider = createBackendModule({
  pluginId: 'orchestrator',
  moduleId: 'matrix-logs',
  register(env) {
    env.registerInit({
      deps: { logs: workflowLogsExtensionEndpoint },
      async init({ logs }) {
        logs.addWorkflowLogProvider({
          getProviderId: () => 'matrix',
          fetchWorkflowLogsByInstance: async instance => ({
            instanceId: instance.id,
            logs: [],
          }),
        });
      },
    });
  },
});

const cases = matrix.flatMap(row =>
  ROLES.flatMap((r, i) => [
    [row.endpoint, r, 'own run', row, OWN, row.own[i]] as const,
    [row.endpoint, r, "another's run", row, OTHER, row.other[i]] as const,
  ]),
);

describe('permission matrix', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ extraFeatures: [logProvider] });
    seedStandard(h.standin);
  });
  afterAll(() => h.close());

  it.each(cases)(
    '%s as %s on %s answers the expected status',
    async (_e, r, _w, row, run, expected) => {
      h.setPolicy(role(r));
      const res = await row.call(h, run).set(h.asUser(ANN));
      expect({
        status: res.status,
        body: res.status === expected ? undefined : res.body,
      }).toEqual({
        status: expected,
        body: undefined,
      });
    },
  );

  it('covers every operation of the OpenAPI document', () => {
    expect(matrix).toHaveLength(21);
  });

  it('a non-admin list never shows another user’s run, and totals agree', async () => {
    h.setPolicy(role('use'));
    const res = await h.request
      .post(`${API}/v2/workflows/instances`)
      .set(h.asUser(ANN))
      .send({ paginationInfo: { pageSize: 2 } });
    expect(res.body.items).toHaveLength(2);
    expect(res.body.totalCount).toBe(4);
    expect(res.body.items.every((i: any) => !i.id.startsWith('bob'))).toBe(
      true,
    );
  });

  it('a conditional IS_ALLOWED_WORKFLOW_ID policy filters inside the query: full pages, true totals', async () => {
    h.setPolicy(p =>
      p.name === 'orchestrator.workflow'
        ? { workflowIds: ['secret-flow'] }
        : role('admin')(p, ANN),
    );
    const overview = await h.request
      .post(`${API}/v2/workflows/overview`)
      .set(h.asUser(ANN))
      .send({});
    expect(overview.body.overviews.map((o: any) => o.workflowId)).toEqual([
      'secret-flow',
    ]);
    expect(overview.body.totalCount).toBe(1);
    const runs = await h.request
      .post(`${API}/v2/workflows/instances`)
      .set(h.asUser(ANN))
      .send({ paginationInfo: { pageSize: 1 } });
    expect(runs.body.items.map((i: any) => i.id)).toEqual(['secret-run']);
    expect(runs.body.totalCount).toBe(1);
    expect(
      (
        await h.request
          .get(`${API}/v2/workflows/greeting/overview`)
          .set(h.asUser(ANN))
      ).status,
    ).toBe(403);
  });
});
