import { HttpResponse, delay, http, passthrough } from 'msw';
import { seedStandard } from './__testUtils__/fixtures';
import {
  Harness,
  WORKFLOWS_HOST,
  allowAll,
  startHarness,
} from './__testUtils__/harness';

jest.setTimeout(30_000);

const API = '/api/orchestrator';

describe('failure handling', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
    seedStandard(h.standin);
  });
  afterAll(() => h.close());
  beforeEach(() => {
    h.setPolicy(allowAll);
    h.msw.resetHandlers();
    h.standin.setFaults({
      dataIndex: 'up',
      partialErrors: false,
      dataIndexLatencyMs: 0,
    });
  });

  const post = (path: string, body: object = {}) =>
    h.request.post(`${API}${path}`).set(h.asUser()).send(body);
  const runsRecorded = async () =>
    Number((await h.knex('orchestrator_runs').count({ n: '*' }))[0].n);

  it.each(['down', 'unavailable'] as const)(
    'Data Index %s: 503 naming it',
    async fault => {
      h.standin.setFaults({ dataIndex: fault });
      for (const res of [
        await post('/v2/workflows/overview'),
        await post('/v2/workflows/instances'),
      ]) {
        expect(res.status).toBe(503);
        expect(res.body.error.name).toBe('ServiceUnavailableError');
        expect(res.body.error.message).toContain(
          `Data Index at ${h.standin.url} is unreachable`,
        );
      }
    },
  );

  it('Data Index slower than the timeout: 503 naming it', async () => {
    h.standin.setFaults({ dataIndexLatencyMs: 2500 });
    const res = await post('/v2/workflows/instances');
    expect(res.status).toBe(503);
    expect(res.body.error.message).toBe(
      `Data Index at ${h.standin.url} is unreachable (no answer within 2000 ms)`,
    );
  });

  it('partial GraphQL errors: data plus warnings', async () => {
    h.standin.setFaults({ partialErrors: true });
    const list = await post('/v2/workflows/instances');
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBeGreaterThan(0);
    expect(list.body.warnings).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Data Index: /)]),
    );
    const overview = await post('/v2/workflows/overview');
    expect(overview.status).toBe(200);
    expect(overview.body.warnings?.length).toBeGreaterThan(0);
  });

  it('an unknown state never breaks a list', async () => {
    h.msw.use(
      http.post(`${h.standin.url}/graphql`, async ({ request }) => {
        const body = (await request.clone().json()) as { query: string };
        if (!body.query.includes('OrchestratorInstancesPage'))
          return passthrough();
        return HttpResponse.json({
          data: {
            items: [
              { id: 'odd-1', processId: 'greeting', state: 'RUNNING' },
              { id: 'odd-2', processId: 'greeting', state: 'SOMETHING_NEW' },
              { id: 'odd-3', processId: 'greeting', state: null },
            ],
            total: 3,
          },
        });
      }),
    );
    const res = await post('/v2/workflows/instances');
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: any) => [i.id, i.state])).toEqual([
      ['odd-1', 'ACTIVE'],
      ['odd-2', 'PENDING'],
      ['odd-3', undefined],
    ]);
  });

  it.each([
    [
      '5xx',
      () => new HttpResponse('boom', { status: 500 }),
      502,
      /Workflow service of 'greeting' at http:\/\/workflows.test answered HTTP 500/,
    ],
    [
      'timeout',
      async () => {
        await delay(1000);
        return HttpResponse.json({ id: 'late' });
      },
      504,
      /did not answer within 300 ms/,
    ],
    [
      'refused connection',
      () => HttpResponse.error(),
      503,
      /Workflow service of 'greeting' at http:\/\/workflows.test is unavailable/,
    ],
  ])(
    'workflow service %s on start: clear %i and nothing recorded',
    async (_name, reply, status, message) => {
      let starts = 0;
      h.msw.use(
        http.post(`${WORKFLOWS_HOST}/greeting`, async () => {
          starts++;
          return (reply as any)();
        }),
      );
      const before = await runsRecorded();
      const res = await post('/v2/workflows/greeting/execute', {
        inputData: { language: 'English' },
      });
      expect(res.status).toBe(status);
      expect(res.body.error.message).toMatch(message);
      expect(starts).toBe(1); // never retried
      expect(await runsRecorded()).toBe(before);
    },
  );

  it('invalid inputs: 400 with field paths and nothing started', async () => {
    let starts = 0;
    h.msw.use(
      http.post(`${WORKFLOWS_HOST}/greeting`, () => {
        starts++;
        return HttpResponse.json({ id: 'x' });
      }),
    );
    const res = await post('/v2/workflows/greeting/execute', {
      inputData: { language: 1 },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: any) => d.path)).toEqual([
      '/inputData/language',
      '/inputData/language',
    ]);
    expect(starts).toBe(0);
  });
});
