import { ConfigReader, type JsonObject } from '@backstage/config';
import type { ProcessInstanceDTO } from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import { HttpResponse, delay, http } from 'msw';
import { setupServer } from 'msw/node';
import { DefaultLokiLogProvider } from './DefaultLokiLogProvider';

const LOKI = 'http://loki.test:3100';
const RUN: ProcessInstanceDTO = {
  id: 'run-1',
  processId: 'greeting',
  state: 'COMPLETED',
  start: '2026-11-01T10:00:00.000Z',
  end: '2026-11-01T10:02:00.000Z',
};
const ns = (iso: string, extra = 0) =>
  `${BigInt(Date.parse(iso)) * 1_000_000n + BigInt(extra)}`;

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function provider(loki: Record<string, unknown> = {}, now = Date.now) {
  return DefaultLokiLogProvider.fromConfig(
    new ConfigReader({
      orchestrator: {
        workflowLogProvider: { loki: { baseUrl: `${LOKI}/`, ...loki } },
      },
    }),
    { now },
  );
}

/** Answers Loki-style streams and records each request. */
function lokiAnswers(
  result: { stream: Record<string, string>; values: [string, string][] }[],
) {
  const seen: Request[] = [];
  server.use(
    http.get(`${LOKI}/loki/api/v1/query_range`, ({ request }) => {
      seen.push(request);
      return HttpResponse.json({
        status: 'success',
        data: { resultType: 'streams', result },
      });
    }),
  );
  return seen;
}

describe('DefaultLokiLogProvider', () => {
  it("asks for the run's lines in its window, newest first, one more than the limit", async () => {
    const seen = lokiAnswers([]);
    await provider({
      logStreamSelectors: [{ label: 'app', value: 'greeting' }],
      limit: 50,
    }).fetchWorkflowLogsByInstance(RUN);
    const params = new URL(seen[0].url).searchParams;
    expect(Object.fromEntries(params)).toEqual({
      query: '{app=~"greeting"} |= "run-1"',
      start: ns('2026-11-01T09:55:00.000Z'),
      end: ns('2026-11-01T10:07:00.000Z'),
      limit: '51',
      direction: 'backward',
    });
  });

  it('ends the window of a running run at now plus the margin, and keeps at most 30 days', async () => {
    const seen = lokiAnswers([]);
    const now = Date.parse('2026-12-31T00:00:00.000Z');
    await provider({}, () => now).fetchWorkflowLogsByInstance({
      ...RUN,
      state: 'ACTIVE',
      end: undefined,
    });
    const params = new URL(seen[0].url).searchParams;
    const end = now + 5 * 60_000;
    expect(params.get('end')).toBe(ns(new Date(end).toISOString()));
    expect(params.get('start')).toBe(
      ns(new Date(end - 30 * 24 * 3_600_000).toISOString()),
    );
    expect(params.get('query')).toBe('{service_name=~".+"} |= "run-1"');
  });

  it('merges the streams oldest first with unique ids and each line as stored', async () => {
    lokiAnswers([
      {
        stream: { app: 'greeting', pod: 'a' },
        values: [
          [ns('2026-11-01T10:00:02.000Z'), 'INFO run-1 Left state Greet'],
          [ns('2026-11-01T10:00:01.000Z'), 'INFO run-1 Entered state Greet'],
        ],
      },
      {
        stream: { app: 'greeting', pod: 'b' },
        values: [[ns('2026-11-01T10:00:01.000Z'), 'DEBUG run-1 same instant']],
      },
    ]);
    const answer = await provider().fetchWorkflowLogsByInstance(RUN);
    expect(answer).toMatchObject({
      instanceId: 'run-1',
      provider: 'loki',
      limit: 1000,
      truncated: false,
    });
    expect(answer.logs.map(l => l.log)).toEqual([
      'DEBUG run-1 same instant',
      'INFO run-1 Entered state Greet',
      'INFO run-1 Left state Greet',
    ]);
    const ids = answer.logs.map(l => l.id);
    expect(new Set(ids).size).toBe(3);
    expect(ids[0]).toBe(ns('2026-11-01T10:00:01.000Z'));
    expect(ids[1]).toBe(`${ns('2026-11-01T10:00:01.000Z')}-1`);
    expect(answer.logs[2].timestamp).toBe('2026-11-01T10:00:02.000Z');
  });

  it('keeps the newest lines and says so when Loki has more than the limit', async () => {
    const seen = lokiAnswers([
      {
        stream: { app: 'greeting' },
        values: [4, 3, 2].map(s => [
          ns(`2026-11-01T10:00:0${s}.000Z`),
          `line ${s}`,
        ]) as [string, string][],
      },
    ]);
    const answer = await provider({ limit: 2 }).fetchWorkflowLogsByInstance(
      RUN,
    );
    expect(new URL(seen[0].url).searchParams.get('limit')).toBe('3');
    expect(answer.truncated).toBe(true);
    expect(answer.logs.map(l => l.log)).toEqual(['line 3', 'line 4']);
  });

  it('prefixes each line with its time when asked for rawlog false', async () => {
    lokiAnswers([
      {
        stream: {},
        values: [[ns('2026-11-01T10:00:01.250Z'), 'INFO run-1 hello']],
      },
    ]);
    const answer = await provider().fetchWorkflowLogsByInstance(RUN, {
      rawlog: false,
    });
    expect(answer.logs[0].log).toBe(
      '2026-11-01T10:00:01.250Z INFO run-1 hello',
    );
  });

  it('sends the token as a bearer and the tenant as X-Scope-OrgID, and nothing when unset', async () => {
    const seen = lokiAnswers([]);
    await provider({
      token: 's3cret',
      tenant: 'team-a',
    }).fetchWorkflowLogsByInstance(RUN);
    await provider().fetchWorkflowLogsByInstance(RUN);
    expect(seen[0].headers.get('authorization')).toBe('Bearer s3cret');
    expect(seen[0].headers.get('x-scope-orgid')).toBe('team-a');
    expect(seen[1].headers.get('authorization')).toBeNull();
    expect(seen[1].headers.get('x-scope-orgid')).toBeNull();
  });

  describe('failures', () => {
    const failure = async (
      handler: Parameters<typeof http.get>[1],
      loki: Record<string, unknown> = {},
      signal?: AbortSignal,
    ) => {
      server.use(http.get(`${LOKI}/loki/api/v1/query_range`, handler));
      return provider({ token: 's3cret', ...loki })
        .fetchWorkflowLogsByInstance(RUN, { rawlog: true, signal })
        .then(
          () => {
            throw new Error('expected a failure');
          },
          (e: Error) => e,
        );
    };

    it('an error answer is a WorkflowLogProviderError naming Loki and its reason, never the token', async () => {
      const error = await failure(
        () =>
          new HttpResponse('too many outstanding requests\n', {
            status: 500,
            statusText: 'Internal Server Error',
          }),
      );
      expect(error.name).toBe('WorkflowLogProviderError');
      expect(error.message).toBe(
        `Loki at ${LOKI} answered 500 Internal Server Error: too many outstanding requests`,
      );
      expect(error.message).not.toContain('s3cret');
    });

    it('a 503 or a refused connection is a ServiceUnavailableError', async () => {
      expect(
        (await failure(() => new HttpResponse('not ready', { status: 503 })))
          .name,
      ).toBe('ServiceUnavailableError');
      const refused = await failure(() => HttpResponse.error());
      expect(refused.name).toBe('ServiceUnavailableError');
      expect(refused.message).toMatch(`Loki at ${LOKI} could not be reached (`);
    });

    it('no answer within timeoutMs, or an aborted caller, is a WorkflowLogProviderTimeoutError', async () => {
      const slow = async () => {
        await delay(2_000);
        return HttpResponse.json({});
      };
      const error = await failure(slow, { timeoutMs: 50 });
      expect(error.name).toBe('WorkflowLogProviderTimeoutError');
      expect(error.message).toBe(`Loki at ${LOKI} did not answer within 50 ms`);
      const caller = new AbortController();
      setTimeout(() => caller.abort(), 20);
      expect((await failure(slow, {}, caller.signal)).name).toBe(
        'WorkflowLogProviderTimeoutError',
      );
    });

    it.each([
      [
        'not JSON',
        () => new HttpResponse('<html>', { status: 200 }),
        /not JSON/,
      ],
      [
        'a failed query',
        () => HttpResponse.json({ status: 'error', error: 'parse error' }),
        /answered no log streams \(status error/,
      ],
      [
        'a metric result',
        () =>
          HttpResponse.json({
            status: 'success',
            data: { resultType: 'matrix', result: [] },
          }),
        /resultType matrix/,
      ],
      [
        'a malformed entry',
        () =>
          HttpResponse.json({
            status: 'success',
            data: {
              resultType: 'streams',
              result: [{ stream: {}, values: [['soon', 1]] }],
            },
          }),
        /not \[nanoseconds, line\]/,
      ],
    ])(
      '%s is a WorkflowLogProviderError, not a crash',
      async (_case, handler, message) => {
        const error = await failure(handler);
        expect(error.name).toBe('WorkflowLogProviderError');
        expect(error.message).toMatch(message);
      },
    );
  });

  describe('configuration', () => {
    const from = (loki: JsonObject) => () =>
      DefaultLokiLogProvider.fromConfig(
        new ConfigReader({ orchestrator: { workflowLogProvider: { loki } } }),
      );

    it.each([
      [
        {},
        /Missing required config value at 'orchestrator.workflowLogProvider.loki.baseUrl'/,
      ],
      [
        { baseUrl: 'loki:3100' },
        /loki.baseUrl must be an http\(s\) URL, got 'loki:3100'/,
      ],
      [
        { baseUrl: LOKI, limit: 0 },
        /loki.limit must be an integer from 1 to 4999, got 0/,
      ],
      [{ baseUrl: LOKI, limit: 5000 }, /from 1 to 4999, got 5000/],
      [
        { baseUrl: LOKI, timeoutMs: -1 },
        /loki.timeoutMs must be a positive number/,
      ],
      [
        { baseUrl: 'http://admin:s3cret@loki.test:3100' },
        /^orchestrator.workflowLogProvider.loki.baseUrl must not carry credentials: set orchestrator.workflowLogProvider.loki.token instead$/,
      ],
      [
        {
          baseUrl: LOKI,
          logStreamSelectors: [{ label: 'bad label', value: 'x' }],
        },
        /logStreamSelectors\[0\].label must be a Loki label name/,
      ],
    ])('refuses %j at startup, naming the key', (loki, message) => {
      expect(from(loki)).toThrow(message);
    });

    it('says whether selectors narrow the search', () => {
      expect(from({ baseUrl: LOKI })().isNarrowed()).toBe(false);
      expect(
        from({
          baseUrl: LOKI,
          logStreamSelectors: [{ label: 'app', value: 'x' }],
        })().isNarrowed(),
      ).toBe(true);
      expect(from({ baseUrl: `${LOKI}//` })().getBaseURL()).toBe(LOKI);
    });
  });
});
