import { mockServices } from '@backstage/backend-test-utils';
import { ServiceUnavailableError } from '@backstage/errors';
import { HttpResponse, delay, http } from 'msw';
import { setupServer } from 'msw/node';
import { DefaultDataIndexClient } from './DataIndexClient';
import {
  INSTANCES_PAGE,
  INSTANCES_PAGE_WITH_COUNT,
  INSTANCE_DETAILS,
} from './documents';
import { DataIndexQueryError } from './errors';

const URL = 'http://data-index.test';
const server = setupServer();

type Sent = { query: string; variables: Record<string, any> };
let sent: Sent[];

function answer(handler: (body: Sent) => unknown) {
  server.use(
    http.post(`${URL}/graphql`, async ({ request }) => {
      const body = (await request.json()) as Sent;
      sent.push(body);
      const result = handler(body);
      return result instanceof Response
        ? result
        : HttpResponse.json(result as any);
    }),
  );
}

const client = (timeoutMs = 500) =>
  DefaultDataIndexClient.create({
    url: `${URL}/`,
    logger: mockServices.logger.mock(),
    timeoutMs,
  });

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  sent = [];
});
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('DefaultDataIndexClient', () => {
  it('sends a page and its count in one round-trip, values only in variables', async () => {
    answer(() => ({
      data: {
        items: [{ id: 'i1', processId: 'greeting', state: 'ACTIVE' }],
        total: 41,
      },
    }));
    const page = await client().listInstances({
      where: { processId: { equal: 'greeting"}) { source' } },
      orderBy: { start: 'DESC' },
      pagination: { limit: 10, offset: 0 },
      withCount: true,
    });
    expect(page).toEqual({
      data: [{ id: 'i1', processId: 'greeting', state: 'ACTIVE' }],
      totalCount: 41,
      warnings: [],
    });
    expect(sent).toHaveLength(1);
    expect(sent[0].query).toBe(INSTANCES_PAGE_WITH_COUNT);
    expect(sent[0].variables.where).toEqual({
      processId: { equal: 'greeting"}) { source' },
    });
  });

  it('falls back to an uncounted page on a Data Index without Count queries, and remembers it', async () => {
    answer(({ query }) =>
      query.includes('CountProcessInstances')
        ? HttpResponse.json(
            {
              errors: [
                {
                  message:
                    "Validation error: Field 'CountProcessInstances' in type 'Query' is undefined",
                },
              ],
            },
            { status: 400 },
          )
        : { data: { items: [] } },
    );
    const c = client();
    expect(await c.listInstances({ withCount: true })).toEqual({
      data: [],
      warnings: [],
    });
    expect(sent.map(s => s.query)).toEqual([
      INSTANCES_PAGE_WITH_COUNT,
      INSTANCES_PAGE,
    ]);
    await c.listInstances({ withCount: true });
    expect(sent.map(s => s.query)).toEqual([
      INSTANCES_PAGE_WITH_COUNT,
      INSTANCES_PAGE,
      INSTANCES_PAGE,
    ]);
  });

  it('returns data with warnings on partial GraphQL errors', async () => {
    answer(() => ({
      data: { items: [{ id: 'i1', processId: 'p' }] },
      errors: [
        { message: 'DataFetchingException: boom', path: ['items', 0, 'nodes'] },
      ],
    }));
    const { data, warnings } = await client().getInstance('i1');
    expect(data?.id).toBe('i1');
    expect(warnings).toEqual([
      'Data Index: DataFetchingException: boom (at items.0.nodes)',
    ]);
    expect(sent[0]).toMatchObject({
      query: INSTANCE_DETAILS,
      variables: { id: 'i1' },
    });
  });

  it('fails with a 502 query error when the Data Index returns no data', async () => {
    answer(() => ({ data: null, errors: [{ message: 'broken' }] }));
    await expect(client().getInstance('i1')).rejects.toBeInstanceOf(
      DataIndexQueryError,
    );
  });

  it('names the Data Index in a 503 when it is unreachable, after one retry', async () => {
    server.use(
      http.post(`${URL}/graphql`, () => {
        sent.push({} as Sent);
        return HttpResponse.error();
      }),
    );
    const error = await client()
      .getInstance('i1')
      .catch(e => e);
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error.message).toMatch(`Data Index at ${URL} is unreachable`);
    expect(sent).toHaveLength(2);
  });

  it('maps a 5xx and a timeout to a 503', async () => {
    server.use(
      http.post(
        `${URL}/graphql`,
        () => new HttpResponse('bad gateway', { status: 502 }),
      ),
    );
    await expect(client().getInstance('i1')).rejects.toThrow(
      /unreachable \(HTTP 502\)/,
    );
    server.use(
      http.post(`${URL}/graphql`, async () => {
        await delay(300);
        return HttpResponse.json({ data: {} });
      }),
    );
    await expect(client(100).getInstance('i1')).rejects.toThrow(
      /unreachable \(no answer within 100 ms\)/,
    );
  });

  it('never retries a mutation', async () => {
    server.use(
      http.post(`${URL}/graphql`, () => {
        sent.push({} as Sent);
        return HttpResponse.error();
      }),
    );
    await expect(client().abortInstance('i1')).rejects.toBeInstanceOf(
      ServiceUnavailableError,
    );
    expect(sent).toHaveLength(1);
  });

  it('rejects invalid ids before sending anything', async () => {
    await expect(client().getInstance('x"){source}')).rejects.toThrow(
      /Invalid instance id/,
    );
    await expect(client().getDefinitionSource('a b')).rejects.toThrow(
      /Invalid workflow id/,
    );
    expect(sent).toHaveLength(0);
  });

  it('reads run figures for N workflows in one round-trip', async () => {
    answer(({ variables }) => {
      expect(variables).toMatchObject({
        w0: 'a',
        w1: 'b',
        sample: 20,
        runs: {
          and: [
            { processId: { isNull: false } },
            { start: { greaterThanEqual: '2025-01-01T00:00:00.000Z' } },
          ],
        },
      });
      return {
        data: {
          w0_last: [
            { id: 'i9', state: 'ERROR', start: '2025-01-03T00:00:00Z' },
          ],
          w0_runs: 4,
          w0_ok: 2,
          w0_err: 1,
          w0_done: [
            { start: '2025-01-02T00:00:00Z', end: '2025-01-02T00:00:10Z' },
          ],
          w1_last: [],
          w1_runs: 0,
          w1_ok: 0,
          w1_err: 0,
          w1_done: [],
        },
      };
    });
    const { data } = await client().getRunFigures({
      workflowIds: ['a', 'b'],
      since: '2025-01-01T00:00:00.000Z',
      sample: 20,
      scope: { processId: { isNull: false } },
    });
    expect(sent).toHaveLength(1);
    expect(data.get('a')).toEqual({
      lastRun: { id: 'i9', state: 'ERROR', start: '2025-01-03T00:00:00Z' },
      runsSince: 4,
      completedSince: 2,
      erroredSince: 1,
      completedSamples: [
        { start: '2025-01-02T00:00:00Z', end: '2025-01-02T00:00:10Z' },
      ],
    });
    expect(data.get('b')).toEqual({
      lastRun: undefined,
      runsSince: 0,
      completedSince: 0,
      erroredSince: 0,
      completedSamples: [],
    });
    expect(sent[0].query).not.toContain('"a"');
  });

  it('splits the figures document only above the configured request size', async () => {
    answer(({ variables }) => ({
      data: Object.fromEntries(
        Object.keys(variables)
          .filter(k => /^w\d+$/.test(k))
          .flatMap(k => [
            [`${k}_last`, []],
            [`${k}_runs`, 1],
            [`${k}_ok`, 1],
            [`${k}_err`, 0],
            [`${k}_done`, []],
          ]),
      ),
    }));
    const ids = Array.from({ length: 25 }, (_, i) => `wf-${i}`);
    const query = {
      workflowIds: ids,
      since: '2025-01-01T00:00:00.000Z',
      sample: 5,
      scope: {},
    };
    const one = await client().getRunFigures(query);
    expect(sent).toHaveLength(1);
    expect(one.data.size).toBe(25);
    sent = [];
    const small = DefaultDataIndexClient.create({
      url: URL,
      logger: mockServices.logger.mock(),
      maxRequestBytes: 2_000 + 600 * 10,
    });
    const split = await small.getRunFigures(query);
    expect(
      sent.map(
        s => Object.keys(s.variables).filter(k => /^w\d+$/.test(k)).length,
      ),
    ).toEqual([10, 10, 5]);
    expect([...split.data.keys()]).toEqual(ids);
  });
});
