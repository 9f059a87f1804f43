import { createBackendModule } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { ServiceUnavailableError } from '@backstage/errors';
import type {
  ProcessInstanceDTO,
  WorkflowLogsResponse,
} from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import {
  WorkflowLogProviderTimeoutError,
  WorkflowLogsRequest,
  workflowLogsExtensionEndpoint,
} from '@orchestrator-suite/backstage-plugin-orchestrator-node';
import { seedStandard } from './__testUtils__/fixtures';
import { BOB, Harness, role, startHarness } from './__testUtils__/harness';

jest.setTimeout(60_000);

const API = '/api/orchestrator';
const logsOf = (id: string) => `${API}/v2/workflows/instances/${id}/logs`;

type Answer = (
  instance: ProcessInstanceDTO,
  request?: WorkflowLogsRequest,
) => Promise<WorkflowLogsResponse>;

/** A provider module whose answer each test sets; it records what it was asked. */
function testProvider(id: string) {
  const asked: {
    instance: ProcessInstanceDTO;
    request?: WorkflowLogsRequest;
  }[] = [];
  const initial: Answer = async instance => ({
    instanceId: instance.id,
    provider: id,
    limit: 3,
    truncated: true,
    // Out of order on purpose: the backend answers oldest first.
    logs: [
      {
        id: '2',
        log: 'INFO Left state Greet',
        timestamp: '2026-11-01T10:00:02.000Z',
      },
      {
        id: '1',
        log: 'INFO Entered state Greet',
        timestamp: '2026-11-01T10:00:01.000Z',
      },
      { id: '3', log: 'INFO Completed', timestamp: '2026-11-01T10:00:03.000Z' },
    ],
  });
  let answer = initial;
  const module = createBackendModule({
    pluginId: 'orchestrator',
    moduleId: `test-logs-${id}`,
    register(env) {
      env.registerInit({
        deps: { logs: workflowLogsExtensionEndpoint },
        async init({ logs }) {
          logs.addWorkflowLogProvider({
            getProviderId: () => id,
            fetchWorkflowLogsByInstance: (instance, request) => {
              asked.push({ instance, request });
              return answer(instance, request);
            },
          });
        },
      });
    },
  });
  return {
    module,
    asked,
    answer: (next: Answer) => {
      answer = next;
    },
    reset: () => {
      answer = initial;
    },
  };
}

describe('GET /v2/workflows/instances/{instanceId}/logs', () => {
  describe('with a log provider module', () => {
    let h: Harness;
    const provider = testProvider('test-loki');
    const success = jest.fn();
    const fail = jest.fn();
    const auditor = mockServices.auditor.mock({
      createEvent: jest.fn(async () => ({ success, fail })),
    });

    beforeAll(async () => {
      h = await startHarness({
        config: { workflowLogProvider: { timeout: { milliseconds: 300 } } },
        extraFeatures: [provider.module, auditor.factory],
      });
      seedStandard(h.standin);
    });
    afterAll(() => h.close());
    beforeEach(() => {
      h.setPolicy(role('read'));
      provider.asked.length = 0;
      provider.reset();
    });

    it("answers the owner's run oldest first, each line after its time, with the provider's limit", async () => {
      const res = await h.request.get(logsOf('ann-done')).set(h.asUser());
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        instanceId: 'ann-done',
        provider: 'test-loki',
        limit: 3,
        truncated: true,
        logs: [
          {
            id: '1',
            timestamp: '2026-11-01T10:00:01.000Z',
            log: '2026-11-01T10:00:01.000Z INFO Entered state Greet',
          },
          {
            id: '2',
            timestamp: '2026-11-01T10:00:02.000Z',
            log: '2026-11-01T10:00:02.000Z INFO Left state Greet',
          },
          {
            id: '3',
            timestamp: '2026-11-01T10:00:03.000Z',
            log: '2026-11-01T10:00:03.000Z INFO Completed',
          },
        ],
      });
    });

    it('rawlog=true keeps each line as stored', async () => {
      const res = await h.request
        .get(`${logsOf('ann-done')}?rawlog=true`)
        .set(h.asUser());
      expect(res.status).toBe(200);
      expect(res.body.logs.map((l: any) => l.log)).toEqual([
        'INFO Entered state Greet',
        'INFO Left state Greet',
        'INFO Completed',
      ]);
    });

    it('hands the provider the run without its variables, and a signal', async () => {
      await h.request.get(logsOf('ann-done')).set(h.asUser());
      expect(provider.asked).toHaveLength(1);
      const [{ instance, request }] = provider.asked;
      expect(instance).toMatchObject({
        id: 'ann-done',
        processId: 'greeting',
        state: 'COMPLETED',
        start: expect.any(String),
        end: expect.any(String),
      });
      expect(instance.variables).toBeUndefined();
      expect(instance.workflowdata).toBeUndefined();
      expect(request?.signal).toBeInstanceOf(AbortSignal);
    });

    it('refuses a run of someone else, a workflow the caller may not read, and an unknown run, without asking the provider', async () => {
      const others = await h.request.get(logsOf('ann-done')).set(h.asUser(BOB));
      expect(others.status).toBe(403);
      expect(others.body.error.name).toBe('NotAllowedError');
      h.setPolicy(role('none'));
      expect(
        (await h.request.get(logsOf('ann-done')).set(h.asUser())).status,
      ).toBe(403);
      h.setPolicy(role('read'));
      const unknown = await h.request
        .get(logsOf('no-such-run'))
        .set(h.asUser());
      expect(unknown.status).toBe(404);
      expect(provider.asked).toHaveLength(0);
    });

    it("lets an instance admin read another user's run", async () => {
      h.setPolicy(role('admin'));
      const res = await h.request.get(logsOf('ann-done')).set(h.asUser(BOB));
      expect(res.status).toBe(200);
    });

    it('answers 401 without credentials', async () => {
      expect((await h.request.get(logsOf('ann-done'))).status).toBe(401);
    });

    it('answers 400 naming the parameter for a rawlog that is not a boolean', async () => {
      const res = await h.request
        .get(`${logsOf('ann-done')}?rawlog=perhaps`)
        .set(h.asUser());
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('InputError');
      expect(JSON.stringify(res.body.error.details)).toContain('rawlog');
    });

    it.each([
      [
        'an unreachable log store',
        503,
        () =>
          new ServiceUnavailableError(
            'Loki at http://loki:3100 could not be reached',
          ),
        "Log provider 'test-loki' is unavailable: Loki at http://loki:3100 could not be reached",
      ],
      [
        "the provider's own timeout",
        504,
        () => new WorkflowLogProviderTimeoutError('no answer within 10 ms'),
        "Log provider 'test-loki' timed out: no answer within 10 ms",
      ],
      [
        'any other failure',
        502,
        () => new Error('Loki answered 500: too many outstanding requests'),
        "Log provider 'test-loki' failed: Loki answered 500: too many outstanding requests",
      ],
    ])(
      'answers %s with %i naming the provider',
      async (_case, status, error, message) => {
        provider.answer(async () => {
          throw error();
        });
        const res = await h.request.get(logsOf('ann-done')).set(h.asUser());
        expect(res.status).toBe(status);
        expect(res.body.error.message).toBe(message);
        expect(JSON.stringify(res.body)).not.toMatch(/stack|at .*\.ts/);
      },
    );

    it('answers 504 and aborts the signal when the provider outlasts the backend deadline', async () => {
      let aborted = false;
      provider.answer(
        (_i, request) =>
          new Promise(() => {
            request?.signal?.addEventListener('abort', () => {
              aborted = true;
            });
          }),
      );
      const res = await h.request.get(logsOf('ann-done')).set(h.asUser());
      expect(res.status).toBe(504);
      expect(res.body.error.message).toBe(
        "Log provider 'test-loki' timed out: no answer within 300 ms",
      );
      expect(aborted).toBe(true);
    });

    it('answers 502 when the provider answers something that is not a list of lines', async () => {
      provider.answer(async i => ({ instanceId: i.id, logs: 'nope' } as any));
      const res = await h.request.get(logsOf('ann-done')).set(h.asUser());
      expect(res.status).toBe(502);
      expect(res.body.error.message).toMatch(
        /^Log provider 'test-loki' failed/,
      );
    });

    it('records an audit event with the run id, failed when refused', async () => {
      auditor.createEvent.mockClear();
      fail.mockClear();
      await h.request.get(logsOf('ann-done')).set(h.asUser(BOB));
      expect(auditor.createEvent).toHaveBeenCalledWith(
        expect.objectContaining({
          eventId: 'instance',
          meta: { operation: 'get-logs-by-instance', instanceId: 'ann-done' },
        }),
      );
      expect(fail).toHaveBeenCalledWith({
        error: expect.objectContaining({ name: 'NotAllowedError' }),
      });
    });
  });

  describe('without a log provider module', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness();
      seedStandard(h.standin);
    });
    afterAll(() => h.close());

    it('answers 501 saying what to install', async () => {
      const res = await h.request.get(logsOf('ann-done')).set(h.asUser());
      expect(res.status).toBe(501);
      expect(res.body.error).toMatchObject({
        name: 'NotImplementedError',
        message: expect.stringContaining(
          'backstage-plugin-orchestrator-backend-module-loki',
        ),
      });
    });
  });
});
