import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { ResponseError } from '@backstage/errors';
import { OrchestratorClient } from './OrchestratorClient';

const baseUrl = 'http://backstage.test/api/orchestrator';
const server = setupServer();

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function client() {
  return OrchestratorClient.create({
    discoveryApi: {
      getBaseUrl: async (pluginId: string) =>
        `http://backstage.test/api/${pluginId}`,
    },
    fetchApi: { fetch: (input, init) => fetch(input, init) },
  });
}

describe('OrchestratorClient', () => {
  it('posts a SearchRequest to the overview endpoint', async () => {
    let body: unknown;
    server.use(
      http.post(`${baseUrl}/v2/workflows/overview`, async ({ request }) => {
        body = await request.json();
        return HttpResponse.json({
          overviews: [],
          paginationInfo: {},
          totalCount: 0,
        });
      }),
    );
    const result = await client().getWorkflowsOverview({ search: 'greet' });
    expect(result.totalCount).toBe(0);
    expect(body).toEqual({ search: 'greet' });
  });

  it('gets the workflow names with a GET and no body', async () => {
    let method = '';
    server.use(
      http.get(`${baseUrl}/v2/workflows/names`, ({ request }) => {
        method = request.method;
        return HttpResponse.json({
          items: [{ id: 'greeting', name: 'Greeting workflow' }],
        });
      }),
    );
    expect(await client().getWorkflowNames()).toEqual({
      items: [{ id: 'greeting', name: 'Greeting workflow' }],
    });
    expect(method).toBe('GET');
  });

  it('encodes ids and passes instanceId as a query parameter', async () => {
    let url = '';
    server.use(
      http.get(`${baseUrl}/v2/workflows/:id/inputSchema`, ({ request }) => {
        url = request.url;
        return HttpResponse.json({ inputSchema: {} });
      }),
    );
    await client().getWorkflowInputSchema('a b', { instanceId: 'r/1' });
    expect(url).toBe(
      `${baseUrl}/v2/workflows/a%20b/inputSchema?instanceId=r%2F1`,
    );
  });

  it("gets a run's logs, with rawlog only when asked", async () => {
    const urls: string[] = [];
    server.use(
      http.get(`${baseUrl}/v2/workflows/instances/:id/logs`, ({ request }) => {
        urls.push(request.url);
        return HttpResponse.json({ instanceId: 'r 1', logs: [] });
      }),
    );
    expect(await client().getWorkflowLogs('r 1')).toEqual({
      instanceId: 'r 1',
      logs: [],
    });
    await client().getWorkflowLogs('r 1', { rawlog: true });
    expect(urls).toEqual([
      `${baseUrl}/v2/workflows/instances/r%201/logs`,
      `${baseUrl}/v2/workflows/instances/r%201/logs?rawlog=true`,
    ]);
  });

  it('reads the source as text and sends abort as DELETE', async () => {
    let method = '';
    server.use(
      http.get(`${baseUrl}/v2/workflows/greeting/source`, () =>
        HttpResponse.text('id: greeting'),
      ),
      http.delete(
        `${baseUrl}/v2/workflows/instances/r1/abort`,
        ({ request }) => {
          method = request.method;
          return HttpResponse.text('');
        },
      ),
    );
    expect(await client().getWorkflowSource('greeting')).toBe('id: greeting');
    await client().abortInstance('r1');
    expect(method).toBe('DELETE');
  });

  it('uses the contract paths for execute, retrigger, rerun and bulk actions', async () => {
    const seen: string[] = [];
    const record =
      (answer: object) =>
      ({ request }: { request: Request }) => {
        seen.push(`${request.method} ${new URL(request.url).pathname}`);
        return HttpResponse.json(answer);
      };
    server.use(
      http.post(
        `${baseUrl}/v2/workflows/greeting/execute`,
        record({ id: 'n1' }),
      ),
      http.post(`${baseUrl}/v2/workflows/greeting/r1/retrigger`, record({})),
      http.post(
        `${baseUrl}/v2/workflows/greeting/instances/r1/rerun`,
        record({ id: 'n2' }),
      ),
      http.post(
        `${baseUrl}/v2/workflows/instances/abort`,
        record({ results: [] }),
      ),
      http.post(
        `${baseUrl}/v2/workflows/instances/retrigger`,
        record({ results: [] }),
      ),
      http.post(
        `${baseUrl}/v2/workflows/instances/entity`,
        record({ items: [], paginationInfo: {}, totalCount: 0 }),
      ),
    );
    const c = client();
    expect(await c.executeWorkflow('greeting', { inputData: {} })).toEqual({
      id: 'n1',
    });
    await c.retriggerInstance('greeting', 'r1');
    expect(await c.rerunInstance('greeting', 'r1')).toEqual({ id: 'n2' });
    await c.abortInstances(['r1']);
    await c.retriggerInstances(['r1']);
    await c.getInstancesForEntity({ targetEntity: 'component:default/x' });
    expect(seen).toEqual([
      'POST /api/orchestrator/v2/workflows/greeting/execute',
      'POST /api/orchestrator/v2/workflows/greeting/r1/retrigger',
      'POST /api/orchestrator/v2/workflows/greeting/instances/r1/rerun',
      'POST /api/orchestrator/v2/workflows/instances/abort',
      'POST /api/orchestrator/v2/workflows/instances/retrigger',
      'POST /api/orchestrator/v2/workflows/instances/entity',
    ]);
  });

  it('turns error answers into ResponseError with status and body', async () => {
    server.use(
      http.get(`${baseUrl}/v2/workflows/instances/r1`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'ServiceUnavailableError',
              message: 'Data Index is unavailable',
            },
            response: { statusCode: 503 },
          },
          { status: 503 },
        ),
      ),
    );
    const error = await client()
      .getInstance('r1')
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.response.status).toBe(503);
    expect(error.body.error.message).toBe('Data Index is unavailable');
  });
});
