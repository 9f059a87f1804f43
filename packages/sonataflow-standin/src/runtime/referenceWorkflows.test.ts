import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import Ajv from 'ajv';
import { startStandin, RunningStandin } from '../startStandin';
import { describeIfReference, REFERENCE_DIR } from '../testing/reference';
import { eventually } from '../testing/http';
import { loadWorkflows } from './loader/loadWorkflows';
import { readStructuredFile } from './loader/resolveSchema';

const WORKFLOWS = path.join(REFERENCE_DIR, 'workflows');
// Our mocks for the reference workflows' outside services; the reference folder stays read-only.
const MOCKS = path.join(__dirname, '__fixtures__', 'reference-mocks');

function sw08Validator() {
  const dir = path.join(REFERENCE_DIR, 'serverless-workflow-0.8', 'schema');
  const ajv = new Ajv({
    strict: false,
    allErrors: true,
    validateFormats: false,
  });
  for (const file of fs.readdirSync(dir).filter(f => f.endsWith('.json'))) {
    ajv.addSchema(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
  }
  return ajv.getSchema(
    'https://serverlessworkflow.io/schemas/0.8/workflow.json',
  )!;
}

const MTV_INPUT = {
  migrationName: 'm1',
  migrationNamespace: 'ns',
  sourceProvider: 'src',
  destinationProvider: 'dst',
  storageMap: 'sm',
  networkMap: 'nm',
  vms: [{ name: 'vm1', id: 'id-1' }],
  recipients: ['user:default/ada'],
};

describeIfReference('reference workflows (shared/reference/workflows)', () => {
  let s: RunningStandin;
  // Every workflow some test below ran to a terminal state (sub-flows included), so the last
  // test can tell that none of the reference folder was left out.
  const ranToEnd = new Set<string>();
  const settle = async (instanceId: string) => {
    const done = await s.runtime.whenSettled(instanceId);
    if (['COMPLETED', 'ERROR', 'ABORTED'].includes(done.state)) {
      ranToEnd.add(done.processId);
      for (const child of s.store.childrenOf(instanceId)) {
        if (['COMPLETED', 'ERROR', 'ABORTED'].includes(child.state))
          ranToEnd.add(child.processId);
      }
    }
    return done;
  };

  beforeAll(async () => {
    s = await startStandin({
      workflowsDir: WORKFLOWS,
      mocksDir: MOCKS,
      // create-ocp-project polls Jira every PT60S: 0.6 s here.
      timeScale: 0.01,
    });
  });
  afterAll(() => s.close());

  it('all load, with resolved input schemas', () => {
    expect(s.problems).toEqual([]);
    expect(
      s.runtime
        .listWorkflows()
        .map(w => w.id)
        .sort(),
    ).toEqual([
      'assessment-with-jq-expression',
      'basic-flat',
      'create-ocp-project',
      'dummy-infra-workflow-option',
      'greeting',
      'mtv-plan',
      'preCheck',
      'test-object-type-uiprops',
    ]);
    const greeting = s.runtime.getWorkflow('greeting')!;
    expect(
      (greeting.outputSchema as any).properties.result.properties.nextWorkflows
        .type,
    ).toBe('array');
  });

  it('all validate against the Serverless Workflow 0.8 JSON schema', () => {
    const validate = sw08Validator();
    const { workflows } = loadWorkflows(WORKFLOWS);
    const failures = workflows
      .map(wf => ({
        id: wf.id,
        ok: validate(readStructuredFile(wf.filePath)),
        errors: validate.errors,
      }))
      .filter(r => !r.ok)
      .map(r => `${r.id}: ${JSON.stringify(r.errors?.slice(0, 2))}`);
    expect(failures).toEqual([]);
  });

  it.each([
    ['basic-flat', { projectName: 'demo' }, 'Project demo active'],
    [
      'greeting',
      { language: 'Spanish' },
      'Greeting workflow completed successfully',
    ],
    [
      'test-object-type-uiprops',
      { basicInfo: { name: 'Ada', email: 'ada@example.com' } },
      'Workflow completed successfully',
    ],
  ])('%s runs to COMPLETED with its result', async (id, input, message) => {
    const { id: instanceId } = await s.runtime.start(id, {
      workflowdata: input,
    });
    const done = await settle(instanceId);
    expect(done.error).toBeUndefined();
    expect(done.state).toBe('COMPLETED');
    expect((done.variables.workflowdata as any).result.message).toBe(message);
  });

  it('assessment-with-jq-expression runs its preCheck subflow, which queries our own Data Index', async () => {
    const { id } = await s.runtime.start('assessment-with-jq-expression', {
      inputText: 'a dummy project',
    });
    const done = await settle(id);
    expect(done.error).toBeUndefined();
    expect(done.state).toBe('COMPLETED');
    const wd = done.variables.workflowdata as any;
    expect(wd.workflowOptions.currentVersion).toEqual({
      id: 'dummy-infra-workflow-option',
      name: 'Dummy infra workflow option',
    });
    const children = s.store.childrenOf(id);
    expect(
      children.map(c => [c.processId, c.state, c.rootProcessInstanceId]),
    ).toEqual([['preCheck', 'COMPLETED', id]]);
    expect(done.nodes.map(n => n.type)).toContain('SubProcessNode');
  });

  it('create-ocp-project runs to COMPLETED against its fixture mocks (Jira polled twice)', async () => {
    const { id } = await s.runtime.start('create-ocp-project', {
      workflowdata: {
        projectName: 'demo',
        operationsProjectKey: 'OP',
        auditProjectKey: 'AUD',
        recipients: ['user:default/ada'],
      },
    });
    const done = await settle(id);
    expect(done.error).toBeUndefined();
    expect(done.state).toBe('COMPLETED');
    const wd = done.variables.workflowdata as any;
    expect(wd.result.message).toBe('Project demo active');
    expect(wd.operationsJiraCreateIssueResult.key).toBe('OP-1');
    expect(
      done.nodes.filter(n => n.name === 'Poll Operation Jira issue'),
    ).toHaveLength(2);
    expect(done.nodes.map(n => n.name)).toContain('Notify project active');
    const notification = done.nodes.find(
      n => n.name === 'Create notification: project active',
    )!;
    expect(notification.outputArgs).toMatchObject({
      mock: { key: 'createNotification', status: 201 },
    });
  });

  it('mtv-plan runs to COMPLETED against its fixture mocks (plan ready at the second poll)', async () => {
    const { id } = await s.runtime.start('mtv-plan', {
      workflowdata: MTV_INPUT,
    });
    const done = await settle(id);
    expect(done.error).toBeUndefined();
    expect(done.state).toBe('COMPLETED');
    expect(done.nodes.map(n => n.name)).toEqual([
      'Start',
      'CreatePlan',
      'createPlan',
      'GetPlan',
      'getPlan',
      'CheckPlanStatus',
      'GetPlan',
      'getPlan',
      'CheckPlanStatus',
      'PlanReady',
      'createNotification',
      'End',
    ]);
    expect((done.variables.workflowdata as any).result.message).toBe(
      'MTV plan successful',
    );
  });

  it('dummy-infra-workflow-option (a workflow option of the assessment) runs to COMPLETED', async () => {
    const { id } = await s.runtime.start('dummy-infra-workflow-option', {
      workflowdata: {},
    });
    const done = await settle(id);
    expect(done.state).toBe('COMPLETED');
    expect((done.variables.workflowdata as any).message).toBe('StartState...');
  });

  it('ran every workflow of the reference folder to a terminal state', () => {
    expect([...ranToEnd].sort()).toEqual(
      s.runtime
        .listWorkflows()
        .map(w => w.id)
        .sort(),
    );
  });
});

describeIfReference('reference workflows without mocks', () => {
  let s: RunningStandin;
  let api: http.Server;
  const seen: string[] = [];

  beforeAll(async () => {
    api = http.createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      res
        .writeHead(201, { 'content-type': 'application/json' })
        .end('{"from":"server"}');
    });
    await new Promise<void>(r => api.listen(0, '127.0.0.1', () => r()));
    s = await startStandin({
      workflowsDir: WORKFLOWS,
      timeScale: 0.01,
      specUrls: {
        STANDIN_SPEC_URL_MTV_YAML: `http://127.0.0.1:${
          (api.address() as AddressInfo).port
        }`,
      },
    });
  });
  afterAll(async () => {
    await s.close();
    api.close();
  });

  it('fail at the first outside call naming both ways out: a mock or a base URL', async () => {
    const { id } = await s.runtime.start('create-ocp-project', {
      workflowdata: {
        projectName: 'demo',
        operationsProjectKey: 'OP',
        auditProjectKey: 'AUD',
        recipients: ['user:default/ada'],
      },
    });
    const done = await s.runtime.whenSettled(id);
    expect(done.state).toBe('ERROR');
    expect(done.error!.message).toBe(
      `No base URL for OpenAPI spec 'jira-openapi.yaml', and no mock for 'createIssue': add 'createIssue' under 'mocks:' in ${path.join(
        WORKFLOWS,
        'create-ocp-project',
        'create-ocp-project.mocks.yaml',
      )} (or a mocks.yaml beside the workflow), or set STANDIN_SPEC_URL_JIRA_OPENAPI_YAML=http://... to call a server`,
    );
    const failing = done.nodes.find(
      n => n.definitionId === done.error!.nodeDefinitionId,
    )!;
    expect(failing.type).toBe('WorkItemNode');
  });

  it("send a spec's calls to the server STANDIN_SPEC_URL_<SPEC> names", async () => {
    const { id } = await s.runtime.start('mtv-plan', {
      workflowdata: MTV_INPUT,
    });
    await eventually(
      () => seen,
      calls => calls.length > 0,
    );
    expect(seen[0]).toBe(
      'POST /apis/forklift.konveyor.io/v1beta1/namespaces/ns/plans',
    );
    await s.runtime.abort(id);
  });
});
