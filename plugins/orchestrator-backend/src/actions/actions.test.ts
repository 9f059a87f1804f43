import { createBackendModule } from '@backstage/backend-plugin-api';
import mcpActionsPlugin from '@backstage/plugin-mcp-actions-backend';
import { workflowLogsExtensionEndpoint } from '@orchestrator-suite/backstage-plugin-orchestrator-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { seedStandard } from '../__testUtils__/fixtures';
import {
  ANN,
  BOB,
  Harness,
  role,
  startHarness,
} from '../__testUtils__/harness';

// The test backend with the MCP plugin takes 10 s or more to start on a busy machine.
jest.setTimeout(120_000);

const PORTAL = 'http://portal.test';
const TOOLS = [
  'orchestrator.list-workflows',
  'orchestrator.get-workflow-schema',
  'orchestrator.execute-workflow',
  'orchestrator.list-instances',
  'orchestrator.get-instance',
  'orchestrator.abort-instance',
  'orchestrator.retrigger-instance',
  'orchestrator.get-instance-logs',
];

/** Three lines per run, for the logs tool. */
const logProvider = createBackendModule({
  pluginId: 'orchestrator',
  moduleId: 'mcp-test-logs',
  register(env) {
    env.registerInit({
      deps: { logs: workflowLogsExtensionEndpoint },
      async init({ logs }) {
        logs.addWorkflowLogProvider({
          getProviderId: () => 'test',
          fetchWorkflowLogsByInstance: async instance => ({
            instanceId: instance.id,
            logs: [1, 2, 3].map(n => ({
              id: String(n),
              timestamp: `2026-11-01T10:00:0${n}.000Z`,
              log: `line ${n} of ${instance.id}`,
            })),
          }),
        });
      },
    });
  },
});

type ToolAnswer = {
  isError?: boolean;
  content: { type: string; text: string }[];
  structuredContent?: any;
};

/**
 * A minimal MCP client (JSON-RPC over the streamable HTTP transport, as an agent speaks it) of
 * the host's mcp-actions endpoint, signed in as one user. Answers come as one SSE message.
 */
async function mcpClientAs(h: Harness, userRef: string) {
  let id = 0;
  const rpc = async (method: string, params: Record<string, unknown>) => {
    const response = await fetch(`${h.url}/api/mcp-actions/v1`, {
      method: 'POST',
      headers: {
        ...h.asUser(userRef),
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
      },
      body: JSON.stringify({ jsonrpc: '2.0', id: ++id, method, params }),
    });
    const body = await response.text();
    const data = body
      .split('\n')
      .find(line => line.startsWith('data: '))
      ?.slice('data: '.length);
    const message = JSON.parse(data ?? body);
    if (message.error) throw new Error(JSON.stringify(message.error));
    return message.result;
  };
  await rpc('initialize', {
    protocolVersion: '2025-03-26',
    capabilities: {},
    clientInfo: { name: 'orchestrator-test', version: '1.0.0' },
  });
  const listTools = async (): Promise<{ tools: McpTool[] }> =>
    rpc('tools/list', {});
  const call = async (name: string, args: Record<string, unknown> = {}) => {
    const answer = (await rpc('tools/call', {
      name,
      arguments: args,
    })) as ToolAnswer;
    const text = answer.content.map(c => c.text).join('\n');
    return {
      isError: Boolean(answer.isError),
      text,
      output: answer.isError ? undefined : JSON.parse(text),
    };
  };
  return { listTools, call };
}

type McpTool = {
  name: string;
  description?: string;
  inputSchema: { properties?: Record<string, { description?: string }> };
  annotations?: { destructiveHint?: boolean; readOnlyHint?: boolean };
};

describe('Orchestrator actions through MCP', () => {
  let h: Harness;
  let ann: Awaited<ReturnType<typeof mcpClientAs>>;
  let bob: Awaited<ReturnType<typeof mcpClientAs>>;

  beforeAll(async () => {
    h = await startHarness({
      appConfig: {
        app: { baseUrl: PORTAL },
        backend: { actions: { pluginSources: ['orchestrator'] } },
      },
      extraFeatures: [mcpActionsPlugin, logProvider],
    });
    seedStandard(h.standin);
    // Ann may read and run workflows (no admin views); Bob is granted nothing.
    h.setPolicy((permission, user) =>
      user === ANN ? role('use')(permission, user) : AuthorizeResult.DENY,
    );
    ann = await mcpClientAs(h, ANN);
    bob = await mcpClientAs(h, BOB);
  });

  afterAll(async () => {
    await h?.close();
  });

  it('lists the eight tools with a description on every input field', async () => {
    const { tools } = await ann.listTools();
    const ours = tools.filter(t => t.name.startsWith('orchestrator.'));
    expect(ours.map(t => t.name).sort()).toEqual([...TOOLS].sort());
    for (const tool of ours) {
      expect(tool.description).toBeTruthy();
      const properties = (tool.inputSchema.properties ?? {}) as Record<
        string,
        { description?: string }
      >;
      for (const [field, schema] of Object.entries(properties)) {
        expect([tool.name, field, schema.description]).toEqual([
          tool.name,
          field,
          expect.any(String),
        ]);
      }
    }
    const abort = ours.find(t => t.name === 'orchestrator.abort-instance')!;
    expect(abort.annotations?.destructiveHint).toBe(true);
  });

  it('lists workflows with links into the portal', async () => {
    const { output } = await ann.call('orchestrator.list-workflows');
    expect(output.totalCount).toBe(2);
    expect(output.workflows).toContainEqual(
      expect.objectContaining({
        workflowId: 'greeting',
        name: 'Greeting workflow',
        url: `${PORTAL}/orchestrator/workflows/greeting`,
      }),
    );
  });

  it("lists only the caller's own runs, as the REST API does", async () => {
    const { output } = await ann.call('orchestrator.list-instances', {
      workflowId: 'greeting',
    });
    const ids = output.instances.map((i: any) => i.instanceId).sort();
    expect(ids).toEqual(['ann-active', 'ann-done', 'ann-error']);
    expect(output.totalCount).toBe(3);
    const errored = await ann.call('orchestrator.list-instances', {
      state: 'ERROR',
    });
    expect(errored.output.instances.map((i: any) => i.instanceId)).toEqual([
      'ann-error',
    ]);
  });

  it('gets a run with its state, error and link', async () => {
    const { output } = await ann.call('orchestrator.get-instance', {
      instanceId: 'ann-error',
    });
    expect(output).toMatchObject({
      instanceId: 'ann-error',
      workflowId: 'greeting',
      state: 'ERROR',
      initiatorEntity: ANN,
      error: { nodeDefinitionId: 'd2', message: 'boom' },
      url: `${PORTAL}/orchestrator/instances/ann-error`,
    });
  });

  it("refuses another user's run without telling anything about it", async () => {
    const answer = await ann.call('orchestrator.get-instance', {
      instanceId: 'bob-active',
    });
    expect(answer.isError).toBe(true);
    expect(answer.text).not.toContain(BOB);
    expect(answer.text).not.toContain('Spanish');
    expect(answer.text).not.toContain('ACTIVE');
    const abort = await ann.call('orchestrator.abort-instance', {
      instanceId: 'bob-active',
    });
    expect(abort.isError).toBe(true);
  });

  it("reads the newest lines of her own run, and nothing of another's", async () => {
    const { output } = await ann.call('orchestrator.get-instance-logs', {
      instanceId: 'ann-error',
      tail: 2,
    });
    expect(output).toEqual({
      instanceId: 'ann-error',
      provider: 'test',
      truncated: true,
      lines: [
        { time: '2026-11-01T10:00:02.000Z', line: 'line 2 of ann-error' },
        { time: '2026-11-01T10:00:03.000Z', line: 'line 3 of ann-error' },
      ],
      url: `${PORTAL}/orchestrator/instances/ann-error`,
    });
    const others = await ann.call('orchestrator.get-instance-logs', {
      instanceId: 'bob-active',
    });
    expect(others.isError).toBe(true);
    expect(others.text).not.toContain('line 1');
  });

  it('returns the input schema and validates inputs on the server', async () => {
    const schema = await ann.call('orchestrator.get-workflow-schema', {
      workflowId: 'greeting',
    });
    expect(schema.output.inputSchema.required).toEqual(['language']);
    expect(schema.output.url).toBe(
      `${PORTAL}/orchestrator/workflows/greeting/execute`,
    );

    const invalid = await ann.call('orchestrator.execute-workflow', {
      workflowId: 'greeting',
      inputData: { language: 'Klingon' },
    });
    expect(invalid.isError).toBe(true);
    expect(invalid.text).toMatch(/language/);

    const started = await ann.call('orchestrator.execute-workflow', {
      workflowId: 'greeting',
      inputData: { language: 'English' },
      targetEntity: 'component:default/svc',
    });
    expect(started.isError).toBe(false);
    expect(started.output.instanceId).toMatch(/^started-/);
    expect(started.output.url).toBe(
      `${PORTAL}/orchestrator/instances/${started.output.instanceId}`,
    );
    // Recorded like a REST start: Ann is its initiator, for the entity given.
    const row = await h
      .knex('orchestrator_runs')
      .where({ instance_id: started.output.instanceId })
      .first();
    expect(row).toMatchObject({
      initiator: ANN,
      target_entity: 'component:default/svc',
    });
  });

  it('aborts and retriggers her own runs', async () => {
    const aborted = await ann.call('orchestrator.abort-instance', {
      instanceId: 'ann-active',
    });
    expect(aborted.isError).toBe(false);
    expect(aborted.output.instanceId).toBe('ann-active');
    const retriggered = await ann.call('orchestrator.retrigger-instance', {
      instanceId: 'ann-error',
    });
    expect(retriggered.isError).toBe(false);
    expect(retriggered.output.url).toBe(
      `${PORTAL}/orchestrator/instances/ann-error`,
    );
    // A completed run cannot be retriggered: the same state rule as the REST API.
    const done = await ann.call('orchestrator.retrigger-instance', {
      instanceId: 'ann-done',
    });
    expect(done.isError).toBe(true);
  });

  it('gives a user without permissions errors and empty lists, never data', async () => {
    const workflows = await bob.call('orchestrator.list-workflows');
    expect(workflows.output).toEqual({ workflows: [], totalCount: 0 });
    const runs = await bob.call('orchestrator.list-instances');
    expect(runs.output).toEqual({ instances: [], totalCount: 0 });

    for (const [tool, args] of [
      ['orchestrator.get-workflow-schema', { workflowId: 'greeting' }],
      [
        'orchestrator.execute-workflow',
        { workflowId: 'greeting', inputData: { language: 'English' } },
      ],
      ['orchestrator.get-instance', { instanceId: 'bob-error' }],
      ['orchestrator.abort-instance', { instanceId: 'bob-active' }],
      ['orchestrator.retrigger-instance', { instanceId: 'bob-error' }],
    ] as const) {
      const answer = await bob.call(tool, args);
      expect([tool, answer.isError]).toEqual([tool, true]);
      expect(answer.text).not.toContain('language');
      expect(answer.text).not.toContain('boom');
    }
    // Nothing was started on Bob's behalf.
    expect(
      await h.knex('orchestrator_runs').where({ initiator: BOB }),
    ).toHaveLength(0);
  });
});
