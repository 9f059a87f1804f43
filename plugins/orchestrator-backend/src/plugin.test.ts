import { HttpResponse, http } from 'msw';
import { instance, seedStandard } from './__testUtils__/fixtures';
import {
  ANN,
  BOB,
  Harness,
  WORKFLOWS_HOST,
  allowAll,
  role,
  startHarness,
} from './__testUtils__/harness';

jest.setTimeout(30_000);

const API = '/api/orchestrator';

describe('orchestrator backend plugin, endpoint by endpoint', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
    seedStandard(h.standin);
  });
  afterAll(() => h.close());
  beforeEach(() => {
    h.setPolicy(allowAll);
    h.graphql.length = 0;
    h.msw.resetHandlers();
  });

  const get = (path: string, user = ANN) =>
    h.request.get(`${API}${path}`).set(h.asUser(user));
  const post = (path: string, body: unknown = {}, user = ANN) =>
    h.request
      .post(`${API}${path}`)
      .set(h.asUser(user))
      .send(body as object);

  it('GET /health answers without credentials', async () => {
    const res = await h.request.get(`${API}/health`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('rejects calls without credentials', async () => {
    expect(
      (await h.request.post(`${API}/v2/workflows/overview`).send({})).status,
    ).toBe(401);
  });

  it('POST /v2/workflows/overview: page, total, last run and stats in 2 Data Index round-trips', async () => {
    await post('/v2/workflows/overview'); // warm the availability cache
    h.graphql.length = 0;
    const res = await post('/v2/workflows/overview', {
      paginationInfo: { pageSize: 1, orderBy: 'name', orderDirection: 'ASC' },
    });
    expect(res.status).toBe(200);
    expect(res.body.totalCount).toBe(2);
    expect(res.body.paginationInfo).toEqual({
      pageSize: 1,
      offset: 0,
      orderBy: 'name',
      orderDirection: 'ASC',
    });
    expect(res.body.overviews).toHaveLength(1);
    expect(res.body.overviews[0]).toMatchObject({
      workflowId: 'greeting',
      lastRunId: 'bob-error',
      lastRunStatus: 'ERROR',
      isAvailable: true,
      annotations: ['workflow-type/infrastructure'],
      stats: expect.objectContaining({ runsLastMonth: expect.any(Number) }),
    });
    expect(h.graphql).toHaveLength(2);
    expect(h.graphql.map(g => g.query).join()).not.toMatch(
      /source|variables \{|nodes \{/,
    );
  });

  it('POST /v2/workflows/overview with search and filters', async () => {
    const res = await post('/v2/workflows/overview', {
      search: 'secret',
      filters: { field: 'version', operator: 'EQ', value: '2.0' },
    });
    expect(res.status).toBe(200);
    expect(res.body.overviews.map((o: any) => o.workflowId)).toEqual([
      'secret-flow',
    ]);
  });

  it('POST /v2/workflows/overview/entity: annotated workflows, missing ones as warnings', async () => {
    const res = await post('/v2/workflows/overview/entity', {
      targetEntity: 'component:default/svc',
      annotationWorkflowIds: ['greeting', 'not-deployed'],
    });
    expect(res.status).toBe(200);
    expect(res.body.overviews.map((o: any) => o.workflowId)).toEqual([
      'greeting',
    ]);
    expect(res.body.overviews[0].lastRunId).toBe('ann-done');
    expect(res.body.warnings).toEqual([
      "Workflow 'not-deployed' named by the entity annotation is not deployed",
    ]);
  });

  it('GET /v2/workflows/{id}/overview with availability, format and stats', async () => {
    const res = await get('/v2/workflows/secret-flow/overview');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      workflowId: 'secret-flow',
      format: 'json',
      isAvailable: true,
      availability: {
        isAvailable: true,
        statusCode: 200,
        urlToFetch: `${WORKFLOWS_HOST}/management/processes/secret-flow`,
      },
      stats: {
        runsLastMonth: expect.any(Number),
        successRatio: expect.any(Number),
      },
    });
    expect((await get('/v2/workflows/nope/overview')).status).toBe(404);
  });

  it('GET /v2/workflows/{id}/source as text', async () => {
    const res = await get('/v2/workflows/greeting/source');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/plain/);
    expect(res.text).toBe('id: greeting\nname: Greeting workflow\n');
  });

  it('GET /v2/workflows/{id}/inputSchema with prefill from a previous own run', async () => {
    const plain = await get('/v2/workflows/greeting/inputSchema');
    expect(plain.status).toBe(200);
    expect(plain.body.inputSchema.properties.language.enum).toEqual([
      'English',
      'Spanish',
    ]);
    expect(plain.body.data).toBeUndefined();
    const prefilled = await get(
      '/v2/workflows/greeting/inputSchema?instanceId=ann-done',
    );
    expect(prefilled.body.data).toEqual({ language: 'Spanish' });
  });

  it("GET /v2/workflows/{id}/inputSchema prefills from another workflow's run only what this schema accepts", async () => {
    // An assessment's suggestion links here with its own run id: its fields that fit this form carry over.
    h.standin.store.putInstance(
      instance('ann-assessment', {
        processId: 'secret-flow',
        workflowdata: { language: 'Spanish', projectName: 'payments' },
      }),
    );
    h.standin.store.putInstance(
      instance('ann-assessment-java', {
        processId: 'secret-flow',
        workflowdata: { language: 'java' },
      }),
    );
    const fitting = await get(
      '/v2/workflows/greeting/inputSchema?instanceId=ann-assessment',
    );
    expect(fitting.status).toBe(200);
    expect(fitting.body.data).toEqual({ language: 'Spanish' });
    // 'java' is not one of this form's languages, so nothing is prefilled.
    const unfitting = await get(
      '/v2/workflows/greeting/inputSchema?instanceId=ann-assessment-java',
    );
    expect(unfitting.body.data).toEqual({});
    // Whose runs may prefill is the permission matrix's business; restore the shared fixture.
    h.standin.store.clearInstances();
    seedStandard(h.standin);
  });

  it('GET pingWorkflowService and availability carry the reason when down', async () => {
    expect((await get('/v2/workflows/greeting/pingWorkflowService')).body).toBe(
      true,
    );
    h.msw.use(
      http.get(
        `${WORKFLOWS_HOST}/management/processes/:id`,
        () => new HttpResponse(null, { status: 503 }),
      ),
    );
    expect((await get('/v2/workflows/greeting/pingWorkflowService')).body).toBe(
      false,
    );
    const availability = await get('/v2/workflows/greeting/availability');
    expect(availability.body).toMatchObject({
      isAvailable: false,
      statusCode: 503,
      reason: 'Workflow service answered HTTP 503',
    });
  });

  it('GET /v2/workflows/{id}/stats', async () => {
    const res = await get('/v2/workflows/greeting/stats');
    expect(res.status).toBe(200);
    // all greeting runs start on 2026-11-01, inside the 30-day window of the test's clock or not:
    expect(res.body).toEqual({
      successRatio: expect.any(Number),
      runsLastMonth: expect.any(Number),
      successCount: expect.any(Number),
      errorCount: expect.any(Number),
      totalCount: expect.any(Number),
      averageTimeToComplete: expect.any(Number),
      // The harness runs without the watcher, so without the run index: nothing is being built.
      statistics: { source: 'dataIndex', ready: false, building: false },
    });
  });

  it('POST /v2/workflows/instances: page and total in one round-trip, runs store joined', async () => {
    const res = await post('/v2/workflows/instances', {
      paginationInfo: {
        pageSize: 2,
        offset: 0,
        orderBy: 'start',
        orderDirection: 'DESC',
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.totalCount).toBe(6);
    expect(res.body.items.map((i: any) => i.id)).toEqual([
      'secret-run',
      'bob-error',
    ]);
    expect(res.body.items[1]).toMatchObject({
      state: 'ERROR',
      duration: 1,
      description: 'Says hello',
    });
    expect(res.body.items[1].variables).toBeUndefined();
    expect(res.body.items[1].nodes).toBeUndefined();
    expect(
      h.graphql.filter(g => g.query.includes('OrchestratorInstancesPage')),
    ).toHaveLength(1);
  });

  it('POST /v2/workflows/{id}/instances with a state filter', async () => {
    const res = await post('/v2/workflows/greeting/instances', {
      filters: { field: 'state', operator: 'EQ', value: 'ERROR' },
    });
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: any) => i.id)).toEqual([
      'bob-error',
      'ann-error',
    ]);
    expect((await post('/v2/workflows/nope/instances')).status).toBe(404);
  });

  it('POST /v2/workflows/instances/entity from the run store and the instance variables', async () => {
    const started = await post('/v2/workflows/greeting/execute', {
      inputData: { language: 'English' },
      targetEntity: 'component:default/svc',
    });
    expect(started.status).toBe(200);
    // the run exists in the Data Index once the workflow service reports it
    h.standin.store.putInstance({
      ...(h.standin.store as any).getInstance?.('ann-done'),
      id: started.body.id,
      processId: 'greeting',
      state: 'ACTIVE',
      endpoint: 'x',
      nodes: [],
      variables: { workflowdata: {} },
      executionSummary: [],
      lastUpdate: Date.now(),
      start: Date.now(),
    } as any);
    const res = await post('/v2/workflows/instances/entity', {
      targetEntity: 'component:default/svc',
    });
    expect(res.status).toBe(200);
    const ids = res.body.items.map((i: any) => i.id);
    expect(ids).toEqual(expect.arrayContaining(['ann-done', started.body.id]));
    const recorded = res.body.items.find((i: any) => i.id === started.body.id);
    expect(recorded).toMatchObject({
      initiatorEntity: ANN,
      targetEntity: 'component:default/svc',
    });
  });

  it('GET /v2/workflows/instances/statuses', async () => {
    const res = await get('/v2/workflows/instances/statuses');
    expect(res.body).toEqual([
      { key: 'Active', value: 'ACTIVE' },
      { key: 'Error', value: 'ERROR' },
      { key: 'Completed', value: 'COMPLETED' },
      { key: 'Aborted', value: 'ABORTED' },
      { key: 'Suspended', value: 'SUSPENDED' },
      { key: 'Pending', value: 'PENDING' },
    ]);
  });

  it('GET /v2/workflows/instances/{id}: details, variables only for admins, one round-trip', async () => {
    await get('/v2/workflows/instances/ann-error'); // warm definition cache
    h.graphql.length = 0;
    const res = await get('/v2/workflows/instances/ann-error');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: 'ann-error',
      state: 'ERROR',
      initiatorEntity: ANN,
      workflowdata: { language: 'Spanish' },
      error: { nodeDefinitionId: 'd2', message: 'boom' },
      nodes: [expect.objectContaining({ name: 'Start' })],
      duration: 5000,
    });
    expect(res.body.variables).toBeDefined();
    expect(h.graphql).toHaveLength(1);
    h.setPolicy(role('read'));
    expect(
      (await get('/v2/workflows/instances/ann-error')).body.variables,
    ).toBeUndefined();
  });

  it('answers errors without a stack trace, even in development', async () => {
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'development';
    try {
      const bad = await post('/v2/workflows/greeting/execute', {
        inputData: { language: 'Klingon' },
      });
      expect(bad.status).toBe(400);
      expect(bad.body.error.name).toBe('InputError');
      expect(bad.body.error).not.toHaveProperty('stack');
      const unknown = await get('/v2/workflows/nope/overview');
      expect(unknown.status).toBe(404);
      expect(unknown.body.error).not.toHaveProperty('stack');
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
  });

  it('POST /v2/workflows/{id}/execute validates inputs, starts, records', async () => {
    const bad = await post('/v2/workflows/greeting/execute', {
      inputData: { language: 'Klingon' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([
      {
        path: '/inputData/language',
        message: 'must be equal to one of the allowed values',
        keyword: 'enum',
      },
    ]);
    const missing = await post('/v2/workflows/greeting/execute', {
      inputData: {},
    });
    expect(missing.body.error.details[0].path).toBe('/inputData/language');
    const ok = await post('/v2/workflows/greeting/execute', {
      inputData: { language: 'English' },
      authTokens: [{ provider: 'github', token: 'secret' }],
    });
    expect(ok.status).toBe(200);
    expect(ok.body.id).toMatch(/^started-/);
    const row = await h
      .knex('orchestrator_runs')
      .where({ instance_id: ok.body.id })
      .first();
    expect(row).toMatchObject({
      workflow_id: 'greeting',
      initiator: ANN,
      inputs: '{"language":"English"}',
    });
    expect(JSON.stringify(row)).not.toContain('secret');
  });

  it('POST rerun starts a new linked run with the same or edited inputs', async () => {
    const same = await post(
      '/v2/workflows/greeting/instances/ann-done/rerun',
      {},
    );
    expect(same.status).toBe(200);
    const row = await h
      .knex('orchestrator_runs')
      .where({ instance_id: same.body.id })
      .first();
    expect(row).toMatchObject({
      rerun_of: 'ann-done',
      inputs: '{"language":"Spanish"}',
      target_entity: null,
    });
    const edited = await post(
      '/v2/workflows/greeting/instances/ann-done/rerun',
      { inputData: { language: 'English' } },
    );
    const row2 = await h
      .knex('orchestrator_runs')
      .where({ instance_id: edited.body.id })
      .first();
    expect(row2.inputs).toBe('{"language":"English"}');
    expect(
      (await post('/v2/workflows/secret-flow/instances/ann-done/rerun', {}))
        .status,
    ).toBe(404);
  });

  it('POST retrigger only for ERROR runs, 409 otherwise', async () => {
    expect(
      (await post('/v2/workflows/greeting/ann-error/retrigger', {})).status,
    ).toBe(200);
    const conflict = await post(
      '/v2/workflows/greeting/ann-done/retrigger',
      {},
    );
    expect(conflict.status).toBe(409);
    expect(conflict.body.error.message).toBe(
      'Only ERROR runs can be retriggered; this run is COMPLETED',
    );
  });

  it('DELETE abort for ACTIVE, ERROR and SUSPENDED runs, 409 otherwise', async () => {
    const ok = await h.request
      .delete(`${API}/v2/workflows/instances/ann-active/abort`)
      .set(h.asUser());
    expect(ok.status).toBe(200);
    expect(ok.text).toBe('Workflow instance ann-active successfully aborted');
    const conflict = await h.request
      .delete(`${API}/v2/workflows/instances/ann-done/abort`)
      .set(h.asUser());
    expect(conflict.status).toBe(409);
    expect(conflict.body.error.name).toBe('ConflictError');
  });

  it('bulk abort and retrigger answer per id', async () => {
    const res = await post('/v2/workflows/instances/abort', {
      instanceIds: ['bob-active', 'ann-done', 'missing'],
    });
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([
      { instanceId: 'bob-active', ok: true },
      {
        instanceId: 'ann-done',
        ok: false,
        error:
          'Only ACTIVE, ERROR, SUSPENDED runs can be aborted; this run is COMPLETED',
      },
      {
        instanceId: 'missing',
        ok: false,
        error: "Workflow instance 'missing' not found",
      },
    ]);
    const retried = await post('/v2/workflows/instances/retrigger', {
      instanceIds: ['bob-error'],
    });
    expect(retried.body.results).toEqual([
      { instanceId: 'bob-error', ok: true },
    ]);
    h.setPolicy(role('use'));
    expect(
      (
        await post(
          '/v2/workflows/instances/abort',
          { instanceIds: ['ann-active'] },
          BOB,
        )
      ).status,
    ).toBe(403);
  });

  it('answers 400 for requests outside the OpenAPI document', async () => {
    expect((await post('/v2/workflows/overview', { bogus: 1 })).status).toBe(
      400,
    );
    expect(
      (await post('/v2/workflows/greeting/execute', { inputData: 'x' })).status,
    ).toBe(400);
    expect(
      (await post('/v2/workflows/instances/abort', { instanceIds: [] })).status,
    ).toBe(400);
  });
});
