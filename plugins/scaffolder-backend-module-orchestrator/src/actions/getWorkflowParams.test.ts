import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import yaml from 'js-yaml';
import { createGetWorkflowParamsAction } from './getWorkflowParams';
import { examples } from './getWorkflowParams.examples';
import { ORCHESTRATOR_URL, testDeps } from '../__testUtils__/testDeps';

const server = setupServer();
registerMswTestHooks(server);

const inputSchema = {
  type: 'object',
  required: ['name'],
  properties: { name: { type: 'string', title: 'Your name' } },
};

function serveWorkflow(schemaBody: object) {
  server.use(
    http.get(`${ORCHESTRATOR_URL}/v2/workflows/greeting/overview`, () =>
      HttpResponse.json({
        workflowId: 'greeting',
        format: 'yaml',
        name: 'Greeting',
        description: 'Says hello',
      }),
    ),
    http.get(`${ORCHESTRATOR_URL}/v2/workflows/greeting/inputSchema`, () =>
      HttpResponse.json(schemaBody),
    ),
  );
}

describe('orchestrator:workflow:get_params', () => {
  const action = createGetWorkflowParamsAction(testDeps());

  it('outputs title, description and the schema as indented parameters YAML', async () => {
    serveWorkflow({ inputSchema, data: {} });
    const ctx = createMockActionContext({
      input: { workflow_id: 'greeting', indent: 4 },
    });
    await action.handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith('title', 'Greeting');
    expect(ctx.output).toHaveBeenCalledWith('description', 'Says hello');
    expect(ctx.output).toHaveBeenCalledWith('inputSchema', inputSchema);
    const parameters = (ctx.output as jest.Mock).mock.calls.find(
      c => c[0] === 'parameters',
    )[1];
    expect(parameters.split('\n')[0]).toBe('    - type: object');
    expect(yaml.load(parameters)).toEqual([inputSchema]);
  });

  it("outputs '{}' for a workflow without an input schema", async () => {
    serveWorkflow({});
    const ctx = createMockActionContext({ input: { workflow_id: 'greeting' } });
    await action.handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith('parameters', '{}');
  });

  it('has an example that uses the action', () => {
    const doc = yaml.load(examples[0].example) as {
      steps: Array<{ action: string }>;
    };
    expect(doc.steps[0].action).toBe('orchestrator:workflow:get_params');
  });
});
