import { HttpResponse, delay, http } from 'msw';
import { instance, seedStandard } from './__testUtils__/fixtures';
import {
  ANN,
  BOB,
  Harness,
  WORKFLOWS_HOST,
  allowAll,
  startHarness,
} from './__testUtils__/harness';

jest.setTimeout(30_000);

const API = '/api/orchestrator';
const KEY = 'form-7f3a1c2e-attempt';

/**
 * Finding 3: a start that timed out still made a run, with no run record, and a retry made a
 * second one. The workflow service here is msw; the runs it makes go into the stand-in's Data
 * Index with the businessKey it was given, as SonataFlow's do.
 */
describe('idempotent start', () => {
  let h: Harness;
  /** Start calls the workflow service received, with their businessKey. */
  let calls: { businessKey: string | null; initiator: string }[];
  let made = 0;

  beforeAll(async () => {
    h = await startHarness();
    seedStandard(h.standin);
  });
  afterAll(() => h.close());
  beforeEach(() => {
    h.setPolicy(allowAll);
    h.msw.resetHandlers();
    calls = [];
  });

  /** A workflow service that makes the run, then answers (or not) as `answer` says. */
  const workflowService = (
    answer: (id: string) => Promise<Response> | Response,
    options: { makesRun?: boolean } = {},
  ) =>
    h.msw.use(
      http.post(`${WORKFLOWS_HOST}/greeting`, async ({ request }) => {
        const businessKey = new URL(request.url).searchParams.get(
          'businessKey',
        );
        const body = (await request.json()) as any;
        calls.push({ businessKey, initiator: body.initiatorEntity });
        const id = `made-${++made}`;
        if (options.makesRun !== false) {
          h.standin.store.putInstance(
            instance(id, {
              businessKey: businessKey ?? undefined,
              initiator: body.initiatorEntity,
              workflowdata: body.workflowdata,
              start: Date.now(),
              lastUpdate: Date.now(),
            }),
          );
        }
        return answer(id);
      }),
    );
  const timesOut = async () => {
    await delay(1000); // startTimeoutMs is 300 in the harness
    return HttpResponse.json({ id: 'too-late' }, { status: 201 });
  };
  const answers = (id: string) => HttpResponse.json({ id }, { status: 201 });

  const execute = (body: object, user = ANN) =>
    h.request
      .post(`${API}/v2/workflows/greeting/execute`)
      .set(h.asUser(user))
      .send(body);
  const recorded = (instanceId: string) =>
    h.knex('orchestrator_runs').where({ instance_id: instanceId });
  const inputs = { language: 'English' };

  it('a start that times out after making the run answers that run, recorded with its inputs', async () => {
    workflowService(timesOut);
    const res = await execute({ inputData: inputs, idempotencyKey: KEY });
    expect(res.status).toBe(200);
    expect(calls).toHaveLength(1);
    expect(calls[0].businessKey).toMatch(/^orch-[0-9a-f]{40}$/);
    const rows = await recorded(res.body.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ initiator: ANN, workflow_id: 'greeting' });
    expect(JSON.parse(rows[0].inputs)).toEqual(inputs);

    // The retry of the same user action: the same run, no second call.
    const retry = await execute({ inputData: inputs, idempotencyKey: KEY });
    expect(retry.status).toBe(200);
    expect(retry.body.id).toBe(res.body.id);
    expect(calls).toHaveLength(1);
    expect(await recorded(res.body.id)).toHaveLength(1);
  });

  it('a run that reaches the Data Index only after the timeout is the one the retry gets', async () => {
    const key = 'lagging-data-index-1';
    workflowService(timesOut, { makesRun: false });
    const first = await execute({ inputData: inputs, idempotencyKey: key });
    expect(first.status).toBe(504);
    expect(calls).toHaveLength(1);
    // Unresolved within the grace and not in the Data Index yet: no second run, a clear 409.
    const early = await execute({ inputData: inputs, idempotencyKey: key });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toMatch(/not resolved yet/);
    expect(calls).toHaveLength(1);

    // The service had made it after all; the Data Index now lists it.
    h.standin.store.putInstance(
      instance('late-run', {
        businessKey: calls[0].businessKey!,
        start: Date.now(),
        lastUpdate: Date.now(),
      }),
    );
    const retry = await execute({ inputData: inputs, idempotencyKey: key });
    expect(retry.status).toBe(200);
    expect(retry.body.id).toBe('late-run');
    expect(calls).toHaveLength(1);
    expect(await recorded('late-run')).toHaveLength(1);
  });

  it('a 5xx after making the run still ends as that one recorded run', async () => {
    workflowService(() => new HttpResponse('boom', { status: 500 }));
    const res = await execute({ inputData: inputs });
    expect(res.status).toBe(200);
    expect(calls).toHaveLength(1);
    expect(await recorded(res.body.id)).toHaveLength(1);
  });

  it('concurrent requests with one key make one run', async () => {
    workflowService(async id => {
      await delay(100);
      return answers(id);
    });
    const all = await Promise.all(
      [1, 2, 3].map(() =>
        execute({ inputData: inputs, idempotencyKey: 'double-click-1' }),
      ),
    );
    expect(calls).toHaveLength(1);
    const ok = all.filter(r => r.status === 200);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    expect(new Set(ok.map(r => r.body.id)).size).toBe(1);
    expect(all.every(r => r.status === 200 || r.status === 409)).toBe(true);
  });

  it('a start the service refused (4xx) can be retried with the same key at once', async () => {
    h.msw.use(
      http.post(
        `${WORKFLOWS_HOST}/greeting`,
        () => new HttpResponse('bad input', { status: 400 }),
        { once: true },
      ),
    );
    const key = 'refused-then-ok';
    expect(
      (await execute({ inputData: inputs, idempotencyKey: key })).status,
    ).toBe(400);
    workflowService(answers);
    const retry = await execute({ inputData: inputs, idempotencyKey: key });
    expect(retry.status).toBe(200);
    expect(calls).toHaveLength(1);
  });

  it('an unresolved start with no run after the grace starts again on retry, with the same business key', async () => {
    const key = 'nothing-was-made';
    workflowService(timesOut, { makesRun: false });
    expect(
      (await execute({ inputData: inputs, idempotencyKey: key })).status,
    ).toBe(504);
    // The grace (start timeout + 30 s) has passed.
    await h
      .knex('orchestrator_run_starts')
      .where({ status: 'starting' })
      .update({ created_at: new Date(Date.now() - 60_000) });
    workflowService(answers);
    const retry = await execute({ inputData: inputs, idempotencyKey: key });
    expect(retry.status).toBe(200);
    expect(calls.map(c => c.businessKey)).toEqual([
      calls[0].businessKey,
      calls[0].businessKey,
    ]);
  });

  it('keys belong to their user: the same key from another user is another start', async () => {
    workflowService(answers);
    const ann = await execute({
      inputData: inputs,
      idempotencyKey: 'shared-key-1',
    });
    const bob = await execute(
      { inputData: inputs, idempotencyKey: 'shared-key-1' },
      BOB,
    );
    expect(ann.status).toBe(200);
    expect(bob.status).toBe(200);
    expect(bob.body.id).not.toBe(ann.body.id);
    expect(calls.map(c => c.initiator)).toEqual([ANN, BOB]);
  });

  it('a malformed key is a 400 naming the field and nothing starts', async () => {
    workflowService(answers);
    const res = await execute({ inputData: inputs, idempotencyKey: 'a b' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error)).toContain('idempotencyKey');
    expect(calls).toHaveLength(0);
  });

  it('the background sweep records a crashed start found in the Data Index and drops one that made nothing', async () => {
    const old = new Date(Date.now() - 120_000);
    await h.knex('orchestrator_run_starts').insert([
      {
        start_key: 'orch-crashed-made-a-run',
        workflow_id: 'greeting',
        initiator: ANN,
        inputs: JSON.stringify(inputs),
        status: 'starting',
        created_at: old,
      },
      {
        start_key: 'orch-crashed-made-nothing',
        workflow_id: 'greeting',
        initiator: ANN,
        status: 'starting',
        created_at: old,
      },
    ]);
    h.standin.store.putInstance(
      instance('crash-run', {
        businessKey: 'orch-crashed-made-a-run',
        start: Date.now(),
        lastUpdate: Date.now(),
      }),
    );
    const task = h.scheduler.scheduleTask.mock.calls
      .map(([t]) => t)
      .find(t => t.id === 'orchestrator-start-sweep');
    expect(task).toMatchObject({ scope: 'global' });
    await task.fn(new AbortController().signal);

    expect(await recorded('crash-run')).toHaveLength(1);
    const ledger = await h
      .knex('orchestrator_run_starts')
      .whereIn('start_key', [
        'orch-crashed-made-a-run',
        'orch-crashed-made-nothing',
      ])
      .orderBy('start_key');
    expect(ledger.map(r => [r.status, r.instance_id])).toEqual([
      ['started', 'crash-run'],
      ['failed', null],
    ]);
    // The owner sees the run with the inputs the start was given.
    const run = await h.request
      .get(`${API}/v2/workflows/instances/crash-run`)
      .set(h.asUser(ANN));
    expect(run.status).toBe(200);
  });
});
