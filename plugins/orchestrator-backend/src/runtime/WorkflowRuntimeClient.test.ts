import {
  InputError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { HttpResponse, delay, http } from 'msw';
import { setupServer } from 'msw/node';
import { WorkflowServiceError, WorkflowServiceTimeoutError } from './errors';
import { DefaultWorkflowRuntimeClient } from './WorkflowRuntimeClient';

const SERVICE = 'http://greeting.test';
const server = setupServer();
let calls: { method: string; url: string; headers: Headers; body?: any }[];

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  calls = [];
  server.events.on('request:start', async ({ request }) => {
    calls.push({
      method: request.method,
      url: request.url,
      headers: request.headers,
      body:
        request.method === 'POST' ? await request.clone().text() : undefined,
    });
  });
});
afterEach(() => {
  server.resetHandlers();
  server.events.removeAllListeners();
});
afterAll(() => server.close());

const client = DefaultWorkflowRuntimeClient.create({
  timeoutMs: 200,
  startTimeoutMs: 200,
  probeTimeoutMs: 200,
});
const target = { workflowId: 'greeting', serviceUrl: `${SERVICE}/` };

describe('DefaultWorkflowRuntimeClient', () => {
  it('starts a run with inputs, initiator, target entity and provider tokens', async () => {
    server.use(
      http.post(`${SERVICE}/greeting`, () =>
        HttpResponse.json({ id: 'new-id', workflowdata: {} }, { status: 201 }),
      ),
    );
    await expect(
      client.start({
        ...target,
        inputs: { language: 'Spanish' },
        initiatorEntity: 'user:default/ann',
        targetEntity: 'component:default/svc',
        authTokens: [{ provider: 'github', token: 'gho_x' }],
      }),
    ).resolves.toEqual({ id: 'new-id' });
    expect(JSON.parse(calls[0].body)).toEqual({
      workflowdata: { language: 'Spanish' },
      initiatorEntity: 'user:default/ann',
      targetEntity: 'component:default/svc',
    });
    expect(calls[0].headers.get('x-authorization-github')).toBe('gho_x');
    expect(calls[0].headers.get('authorization')).toBeNull();
  });

  it.each([
    [
      'a 5xx as a 502',
      () => new HttpResponse('boom', { status: 500 }),
      WorkflowServiceError,
      /answered HTTP 500/,
    ],
    [
      'a timeout as a 504',
      async () => {
        await delay(400);
        return HttpResponse.json({ id: 'late' });
      },
      WorkflowServiceTimeoutError,
      /did not answer within 200 ms/,
    ],
    [
      'a refused connection as a 503',
      () => HttpResponse.error(),
      ServiceUnavailableError,
      /Workflow service of 'greeting' at http:\/\/greeting.test\/ is unavailable/,
    ],
    [
      'an answer without id as a 502',
      () => HttpResponse.json({}),
      WorkflowServiceError,
      /without an instance id/,
    ],
    [
      'a 400 as an input error',
      () => new HttpResponse('bad input', { status: 400 }),
      InputError,
      /rejected the request: bad input/,
    ],
    [
      'a 404 as not found',
      () => new HttpResponse('nope', { status: 404 }),
      NotFoundError,
      /answered 404/,
    ],
  ])(
    'maps %s and never retries a start',
    async (_name, reply, type, message) => {
      server.use(http.post(`${SERVICE}/greeting`, reply as any));
      const error = await client
        .start({ ...target, inputs: {}, initiatorEntity: 'user:default/a' })
        .catch(e => e);
      expect(error).toBeInstanceOf(type);
      expect(error.message).toMatch(message);
      expect(calls).toHaveLength(1);
    },
  );

  it('rejects a provider name that could forge another header', async () => {
    await expect(
      client.start({
        ...target,
        inputs: {},
        initiatorEntity: 'u',
        authTokens: [{ provider: 'x\r\nEvil', token: 't' }],
      }),
    ).rejects.toBeInstanceOf(InputError);
    expect(calls).toHaveLength(0);
  });

  it('aborts and retriggers through the management routes', async () => {
    server.use(
      http.delete(
        `${SERVICE}/management/processes/greeting/instances/i%201`,
        () => new HttpResponse(null, { status: 200 }),
      ),
      http.post(
        `${SERVICE}/management/processes/greeting/instances/i1/retrigger`,
        () => HttpResponse.json({ id: 'i1' }),
      ),
    );
    await client.abort({ ...target, instanceId: 'i 1' });
    await expect(
      client.retrigger({ ...target, instanceId: 'i1' }),
    ).resolves.toEqual({ id: 'i1' });
    expect(calls.map(c => c.method)).toEqual(['DELETE', 'POST']);
  });

  it('reads the input schema, retrying a read once', async () => {
    let n = 0;
    server.use(
      http.get(`${SERVICE}/management/processes/greeting`, () =>
        ++n === 1
          ? HttpResponse.error()
          : HttpResponse.json({
              id: 'greeting',
              inputSchema: { type: 'object' },
            }),
      ),
    );
    await expect(client.getInputSchema(target)).resolves.toEqual({
      type: 'object',
    });
    expect(n).toBe(2);
    server.use(
      http.get(`${SERVICE}/management/processes/greeting`, () =>
        HttpResponse.json({ id: 'greeting', inputSchema: {} }),
      ),
    );
    await expect(client.getInputSchema(target)).resolves.toBeUndefined();
  });

  it('probes with a reason', async () => {
    const url = `${SERVICE}/management/processes/greeting`;
    server.use(http.get(url, () => HttpResponse.json({})));
    await expect(client.probe(target)).resolves.toEqual({
      isAvailable: true,
      url: `${SERVICE}/management/processes/greeting`,
      statusCode: 200,
    });
    server.use(http.get(url, () => new HttpResponse(null, { status: 503 })));
    await expect(client.probe(target)).resolves.toMatchObject({
      isAvailable: false,
      statusCode: 503,
      reason: 'Workflow service answered HTTP 503',
    });
    server.use(
      http.get(url, async () => {
        await delay(400);
        return HttpResponse.json({});
      }),
    );
    await expect(client.probe(target)).resolves.toMatchObject({
      isAvailable: false,
      reason: 'No answer within 200 ms',
    });
    server.use(http.get(url, () => HttpResponse.error()));
    await expect(client.probe(target)).resolves.toMatchObject({
      isAvailable: false,
      reason: expect.stringMatching(/unreachable/),
    });
  });
});
