import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { NotFoundError } from '@backstage/errors';
import express from 'express';
import request from 'supertest';
import type { WorkflowLogService } from '../workflowLogs/WorkflowLogService';
import type { ExecutionService } from '../services/ExecutionService';
import type { InstanceService } from '../services/InstanceService';
import type { LoadProblemsService } from '../services/LoadProblemsService';
import type { WorkflowService } from '../services/WorkflowService';
import { createRouter } from './createRouter';

/**
 * The binder level: each route of the OpenAPI document reaches the one service method with
 * the caller, the path parameters and the body, and sends its answer back as the spec says.
 * The services' own rules are tested with them; the whole plugin in plugin.test.ts.
 */

const ANN = 'user:default/ann';
const as = (user: string) => ({
  Authorization: mockCredentials.user.header(user),
});
const caller = (user: string) =>
  expect.objectContaining({
    initiator: user,
    credentials: expect.objectContaining({
      principal: expect.objectContaining({ userEntityRef: user }),
    }),
  });

function createRouterUnderTest() {
  const workflows = {
    listOverviews: jest.fn(async () => ({ overviews: [] })),
    listOverviewsForEntity: jest.fn(async () => ({ overviews: [] })),
    listNames: jest.fn(async () => ({
      items: [{ id: 'greeting', name: 'Greeting workflow' }],
    })),
    getOverview: jest.fn(async (_c: unknown, id: string) => ({
      workflowId: id,
    })),
    getSource: jest.fn(async () => 'id: greeting\nstates: []\n'),
    getInputSchema: jest.fn(async () => ({ inputSchema: {}, data: {} })),
    ping: jest.fn(async () => true),
    getAvailability: jest.fn(async () => ({ available: true })),
    getStats: jest.fn(async () => ({ runs: 0 })),
  };
  const instances = {
    list: jest.fn(async () => ({ items: [], totalCount: 0 })),
    listForEntity: jest.fn(async () => ({ items: [], totalCount: 0 })),
    get: jest.fn(async (_c: unknown, id: string) => ({ id })),
  };
  const execution = {
    execute: jest.fn(async () => ({ id: 'run-1' })),
    rerun: jest.fn(async () => ({ id: 'run-2' })),
    retrigger: jest.fn(async () => ({ id: 'run-1' })),
    abort: jest.fn(async () => 'run-1'),
    abortMany: jest.fn(async () => ({ results: [] })),
    retriggerMany: jest.fn(async () => ({ results: [] })),
  };
  const loadProblems = { list: jest.fn(async () => ({ problems: [] })) };
  const logs = {
    get: jest.fn(async (_c: unknown, id: string) => ({
      instanceId: id,
      logs: [],
    })),
  };
  const auditor = mockServices.auditor.mock();
  const app = express().use(
    createRouter(
      {
        httpAuth: mockServices.httpAuth(),
        auditor,
        workflows: workflows as unknown as WorkflowService,
        instances: instances as unknown as InstanceService,
        execution: execution as unknown as ExecutionService,
        loadProblems: loadProblems as unknown as LoadProblemsService,
        logs: logs as unknown as WorkflowLogService,
      },
      {
        contentLengthLimit: '100kb',
        config: mockServices.rootConfig(),
        logger: mockServices.logger.mock(),
      },
    ),
    mockErrorHandler(),
  );
  return { app, workflows, instances, execution, loadProblems, logs, auditor };
}

// Compiling the spec's validators takes seconds on a loaded machine: one router for all tests.
jest.setTimeout(30_000);
let router: ReturnType<typeof createRouterUnderTest>;
beforeAll(() => {
  router = createRouterUnderTest();
});
beforeEach(() => jest.clearAllMocks());

describe('the router binds every operation to its service method', () => {
  describe('workflows', () => {
    it('passes the caller and the search body to the overview list', async () => {
      const { app, workflows } = router;
      const body = { paginationInfo: { pageSize: 5, offset: 0 } };
      const res = await request(app)
        .post('/v2/workflows/overview')
        .set(as(ANN))
        .send(body);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ overviews: [] });
      expect(workflows.listOverviews).toHaveBeenCalledWith(caller(ANN), body);
    });

    it('passes path and query parameters, and answers the source as text', async () => {
      const { app, workflows } = router;
      const schema = await request(app)
        .get('/v2/workflows/greeting/inputSchema?instanceId=run-9')
        .set(as(ANN));
      expect(schema.status).toBe(200);
      expect(workflows.getInputSchema).toHaveBeenCalledWith(
        caller(ANN),
        'greeting',
        'run-9',
      );
      const source = await request(app)
        .get('/v2/workflows/greeting/source')
        .set(as(ANN));
      expect(source.status).toBe(200);
      expect(source.type).toBe('text/plain');
      expect(source.text).toBe('id: greeting\nstates: []\n');
    });

    it("answers a service's NotFoundError as a JSON 404 without a stack", async () => {
      const { app, workflows } = router;
      workflows.getOverview.mockRejectedValueOnce(
        new NotFoundError("workflow 'nope' not found"),
      );
      const res = await request(app)
        .get('/v2/workflows/nope/overview')
        .set(as(ANN));
      expect(res.status).toBe(404);
      expect(res.body.error).toMatchObject({
        name: 'NotFoundError',
        message: "workflow 'nope' not found",
      });
      expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts:\d+/);
    });

    it('rejects a body outside the spec before any service runs, listing every path', async () => {
      const { app, workflows } = router;
      const res = await request(app)
        .post('/v2/workflows/overview')
        .set(as(ANN))
        .send({ paginationInfo: { pageSize: 'ten', offset: -1 } });
      expect(res.status).toBe(400);
      expect(workflows.listOverviews).not.toHaveBeenCalled();
      expect(JSON.stringify(res.body)).toContain('pageSize');
      expect(JSON.stringify(res.body)).toContain('offset');
    });

    it('lists workflow names with the caller only', async () => {
      const { app, workflows } = router;
      const res = await request(app).get('/v2/workflows/names').set(as(ANN));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        items: [{ id: 'greeting', name: 'Greeting workflow' }],
      });
      expect(workflows.listNames).toHaveBeenCalledWith(caller(ANN));
    });

    it('lists load problems through their service', async () => {
      const { app, loadProblems } = router;
      const res = await request(app)
        .get('/v2/workflows/loadProblems')
        .set(as(ANN));
      expect(res.status).toBe(200);
      expect(loadProblems.list).toHaveBeenCalledWith(caller(ANN));
    });
  });

  describe('instances', () => {
    it("passes a workflow's run search with its id", async () => {
      const { app, instances } = router;
      const res = await request(app)
        .post('/v2/workflows/greeting/instances')
        .set(as(ANN))
        .send({});
      expect(res.status).toBe(200);
      expect(instances.list).toHaveBeenCalledWith(caller(ANN), {}, 'greeting');
    });

    it('gets one run by id and audits the read with the id only', async () => {
      const { app, instances, auditor } = router;
      const res = await request(app)
        .get('/v2/workflows/instances/run-7')
        .set(as(ANN));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ id: 'run-7' });
      expect(instances.get).toHaveBeenCalledWith(caller(ANN), 'run-7');
      expect(auditor.createEvent).toHaveBeenCalledWith(
        expect.objectContaining({
          eventId: 'instance',
          meta: { operation: 'get-instance', instanceId: 'run-7' },
        }),
      );
    });
  });

  describe('logs', () => {
    it("asks for a run's logs with rawlog as a boolean, false unless given", async () => {
      const { app, logs } = router;
      const plain = await request(app)
        .get('/v2/workflows/instances/run-7/logs')
        .set(as(ANN));
      expect(plain.status).toBe(200);
      expect(plain.body).toEqual({ instanceId: 'run-7', logs: [] });
      await request(app)
        .get('/v2/workflows/instances/run-7/logs?rawlog=true')
        .set(as(ANN));
      expect(logs.get.mock.calls).toEqual([
        [caller(ANN), 'run-7', { rawlog: false }],
        [caller(ANN), 'run-7', { rawlog: true }],
      ]);
    });
  });

  describe('actions', () => {
    it('starts a run with the workflow id and the body, audited at medium severity', async () => {
      const { app, execution, auditor } = router;
      const body = { inputData: { name: 'Ann' } };
      const res = await request(app)
        .post('/v2/workflows/greeting/execute')
        .set(as(ANN))
        .send(body);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ id: 'run-1' });
      expect(execution.execute).toHaveBeenCalledWith(
        caller(ANN),
        'greeting',
        body,
      );
      expect(auditor.createEvent).toHaveBeenCalledWith(
        expect.objectContaining({
          eventId: 'instance-action',
          severityLevel: 'medium',
          meta: { operation: 'execute', workflowId: 'greeting' },
        }),
      );
    });

    it('aborts one run (text answer) and many (ids audited, nothing else)', async () => {
      const { app, execution, auditor } = router;
      const one = await request(app)
        .delete('/v2/workflows/instances/run-1/abort')
        .set(as(ANN));
      expect(one.status).toBe(200);
      expect(one.text).toBe('run-1');
      expect(execution.abort).toHaveBeenCalledWith(caller(ANN), 'run-1');

      const many = await request(app)
        .post('/v2/workflows/instances/abort')
        .set(as(ANN))
        .send({ instanceIds: ['run-1', 'run-2'] });
      expect(many.status).toBe(200);
      expect(execution.abortMany).toHaveBeenCalledWith(caller(ANN), [
        'run-1',
        'run-2',
      ]);
      expect(auditor.createEvent).toHaveBeenCalledWith(
        expect.objectContaining({
          meta: { operation: 'abort-many', instanceIds: ['run-1', 'run-2'] },
        }),
      );
    });

    it('retriggers with both path parameters', async () => {
      const { app, execution } = router;
      const res = await request(app)
        .post('/v2/workflows/greeting/run-1/retrigger')
        .set(as(ANN))
        .send({});
      expect(res.status).toBe(200);
      expect(execution.retrigger).toHaveBeenCalledWith(
        caller(ANN),
        'greeting',
        'run-1',
        {},
      );
    });
  });

  describe('health and unknown routes', () => {
    it('answers liveness and details without asking anyone', async () => {
      const { app } = router;
      expect((await request(app).get('/health')).body).toEqual({
        status: 'ok',
      });
      const details = await request(app).get('/health/details');
      expect(details.status).toBe(200);
      expect(details.body).toMatchObject({
        status: 'ok',
        watcher: { enabled: false },
      });
    });

    it('answers an unknown route with a JSON 404', async () => {
      const { app } = router;
      const res = await request(app).get('/v2/nothing-here').set(as(ANN));
      expect(res.status).toBe(404);
      expect(res.type).toBe('application/json');
    });
  });
});
