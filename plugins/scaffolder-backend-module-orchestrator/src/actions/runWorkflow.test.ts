import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import yaml from 'js-yaml';
import { createRunWorkflowAction } from './runWorkflow';
import { examples } from './runWorkflow.examples';
import {
  ORCHESTRATOR_URL,
  PORTAL_URL,
  testDeps,
} from '../__testUtils__/testDeps';

const server = setupServer();
registerMswTestHooks(server);

function startAnswers(id: string, seen: { bodies: unknown[]; auth: string[] }) {
  return http.post(
    `${ORCHESTRATOR_URL}/v2/workflows/:workflowId/execute`,
    async ({ request, params }) => {
      seen.bodies.push({
        workflowId: params.workflowId,
        ...((await request.json()) as object),
      });
      seen.auth.push(request.headers.get('authorization') ?? '');
      return HttpResponse.json({ id });
    },
  );
}

function instanceReads(states: Array<Record<string, unknown>>) {
  let read = 0;
  return http.get(
    `${ORCHESTRATOR_URL}/v2/workflows/instances/:instanceId`,
    ({ params }) => {
      const state = states[Math.min(read++, states.length - 1)];
      return HttpResponse.json({
        id: params.instanceId,
        processId: 'greeting',
        nodes: [],
        ...state,
      });
    },
  );
}

describe('orchestrator:workflow:run', () => {
  const action = createRunWorkflowAction(testDeps());

  it('sends one idempotency key per task and step, the same when the task is retried', async () => {
    const seen = { bodies: [] as any[], auth: [] as string[] };
    server.use(startAnswers('run-1', seen));
    const run = (taskId: string) => {
      const ctx = createMockActionContext({
        input: { workflow_id: 'greeting' },
        task: { id: taskId },
      });
      return action.handler(ctx);
    };
    await run('task-a');
    await run('task-a'); // a retried task whose start answer was lost
    await run('task-b');
    const keys = seen.bodies.map(b => b.idempotencyKey);
    expect(keys[0]).toBe(keys[1]);
    expect(keys[2]).not.toBe(keys[0]);
  });

  it('starts the workflow as the initiator with inputs and a normalised target entity', async () => {
    const seen = { bodies: [] as unknown[], auth: [] as string[] };
    server.use(startAnswers('run-1', seen));
    const ctx = createMockActionContext({
      input: {
        workflow_id: 'greeting',
        parameters: { name: 'Ada' },
        target_entity: 'component:payments-api',
      },
    });
    await action.handler(ctx);
    expect(seen.bodies).toEqual([
      {
        workflowId: 'greeting',
        inputData: { name: 'Ada' },
        targetEntity: 'component:default/payments-api',
        idempotencyKey: expect.stringMatching(/^scaffolder-[0-9a-f]{40}$/),
      },
    ]);
    expect(seen.auth[0]).toMatch(/^Bearer .+/);
    expect(ctx.output).toHaveBeenCalledWith('instanceId', 'run-1');
    expect(ctx.output).toHaveBeenCalledWith(
      'instanceUrl',
      `${PORTAL_URL}/orchestrator/instances/run-1`,
    );
  });

  it('outputs links to the run, the workflows page and the target entity under app.baseUrl', async () => {
    const seen = { bodies: [] as unknown[], auth: [] as string[] };
    server.use(startAnswers('run/7', seen));
    const ctx = createMockActionContext({
      input: {
        workflow_id: 'greeting',
        target_entity: 'Component:Payments/Payments-API',
      },
    });
    await action.handler(ctx);
    const outputs = Object.fromEntries(
      (ctx.output as jest.Mock).mock.calls as [string, unknown][],
    );
    expect(outputs).toEqual({
      instanceId: 'run/7',
      instanceUrl: `${PORTAL_URL}/orchestrator/instances/run%2F7`,
      orchestratorWorkflowsUrl: `${PORTAL_URL}/orchestrator`,
      catalogEntityUrl: `${PORTAL_URL}/catalog/payments/component/payments-api`,
    });
  });

  it('has no catalogEntityUrl without a target entity', async () => {
    server.use(startAnswers('run-8', { bodies: [], auth: [] }));
    const ctx = createMockActionContext({ input: { workflow_id: 'greeting' } });
    await action.handler(ctx);
    const names = (ctx.output as jest.Mock).mock.calls.map(c => c[0]);
    expect(names).toContain('orchestratorWorkflowsUrl');
    expect(names).not.toContain('catalogEntityUrl');
  });

  it("forwards auth_tokens from the template's secrets as the run's authTokens", async () => {
    const seen = { bodies: [] as unknown[], auth: [] as string[] };
    server.use(startAnswers('run-9', seen));
    const ctx = createMockActionContext({
      input: {
        workflow_id: 'greeting',
        auth_tokens: [{ provider: 'github', token: 'gho_secret' }],
      },
    });
    await action.handler(ctx);
    expect(seen.bodies).toEqual([
      {
        workflowId: 'greeting',
        inputData: {},
        authTokens: [{ provider: 'github', token: 'gho_secret' }],
        idempotencyKey: expect.any(String),
      },
    ]);
  });

  it('rejects a target entity that is not an entity reference', async () => {
    const ctx = createMockActionContext({
      input: {
        workflow_id: 'greeting',
        target_entity: 'not a ref/with/too/many',
      },
    });
    await expect(action.handler(ctx)).rejects.toThrow(
      /not an entity reference/,
    );
  });

  it('starts nothing on a dry run', async () => {
    const seen = { bodies: [] as unknown[], auth: [] as string[] };
    server.use(startAnswers('never', seen));
    // The mock context drops isDryRun, so set it on the context it builds.
    const ctx = {
      ...createMockActionContext({ input: { workflow_id: 'greeting' } }),
      isDryRun: true,
    };
    await action.handler(ctx);
    expect(seen.bodies).toHaveLength(0);
  });

  it('waits for the run and hands over its status, message and outputs', async () => {
    const seen = { bodies: [] as unknown[], auth: [] as string[] };
    server.use(
      startAnswers('run-2', seen),
      instanceReads([
        { state: 'ACTIVE' },
        {
          state: 'COMPLETED',
          workflowdata: {
            result: {
              message: 'Hello, Ada!',
              outputs: [
                { key: 'Greeting', value: 'Hello, Ada!', format: 'text' },
              ],
            },
          },
        },
      ]),
    );
    const ctx = createMockActionContext({
      input: { workflow_id: 'greeting', wait: true },
    });
    jest.useFakeTimers({ advanceTimers: true });
    try {
      await action.handler(ctx);
    } finally {
      jest.useRealTimers();
    }
    expect(ctx.output).toHaveBeenCalledWith('status', 'COMPLETED');
    expect(ctx.output).toHaveBeenCalledWith('message', 'Hello, Ada!');
    expect(ctx.output).toHaveBeenCalledWith('outputs', {
      Greeting: 'Hello, Ada!',
    });
  });

  it('fails the step when the awaited run ends in ERROR, naming the error', async () => {
    const seen = { bodies: [] as unknown[], auth: [] as string[] };
    server.use(
      startAnswers('run-3', seen),
      instanceReads([
        {
          state: 'ERROR',
          error: { nodeDefinitionId: 'Provision', message: 'quota exceeded' },
        },
      ]),
    );
    const ctx = createMockActionContext({
      input: { workflow_id: 'failing', wait: true },
    });
    await expect(action.handler(ctx)).rejects.toThrow(
      'Workflow run run-3 ended in ERROR: quota exceeded',
    );
    expect(ctx.output).toHaveBeenCalledWith('status', 'ERROR');
  });

  it('reports a backend refusal with its reason', async () => {
    server.use(
      http.post(`${ORCHESTRATOR_URL}/v2/workflows/:workflowId/execute`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'InputError',
              message: 'inputs do not match the schema: /name is required',
            },
            response: { statusCode: 400 },
          },
          { status: 400 },
        ),
      ),
    );
    const ctx = createMockActionContext({ input: { workflow_id: 'greeting' } });
    await expect(action.handler(ctx)).rejects.toThrow(
      'Orchestrator answered 400: inputs do not match the schema: /name is required',
    );
  });

  it('has examples that parse and use the action', () => {
    for (const example of examples) {
      const doc = yaml.load(example.example) as {
        steps: Array<{ action: string; input: object }>;
      };
      expect(doc.steps[0].action).toBe('orchestrator:workflow:run');
      expect(doc.steps[0].input).toHaveProperty('workflow_id');
    }
  });
});
