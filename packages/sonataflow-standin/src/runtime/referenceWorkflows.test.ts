import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { startStandin, RunningStandin } from '../startStandin';
import { describeIfReference, REFERENCE_DIR } from '../testing/reference';
import { loadWorkflows } from './loader/loadWorkflows';
import { readStructuredFile } from './loader/resolveSchema';

const WORKFLOWS = path.join(REFERENCE_DIR, 'workflows');

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

describeIfReference('reference workflows (shared/reference/workflows)', () => {
  let s: RunningStandin;

  beforeAll(async () => {
    s = await startStandin({ workflowsDir: WORKFLOWS });
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
    const done = await s.runtime.whenSettled(instanceId);
    expect(done.error).toBeUndefined();
    expect(done.state).toBe('COMPLETED');
    expect((done.variables.workflowdata as any).result.message).toBe(message);
  });

  it('assessment-with-jq-expression runs its preCheck subflow, which queries our own Data Index', async () => {
    const { id } = await s.runtime.start('assessment-with-jq-expression', {
      inputText: 'a dummy project',
    });
    const done = await s.runtime.whenSettled(id);
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

  it.each([
    [
      'create-ocp-project',
      { projectName: 'demo', recipients: ['user:default/a'] },
      /No base URL for OpenAPI spec 'jira-openapi.yaml'/,
    ],
    [
      'mtv-plan',
      {
        migrationName: 'm',
        migrationNamespace: 'ns',
        sourceProvider: 's',
        destinationProvider: 'd',
        storageMap: 'sm',
        networkMap: 'nm',
        vms: [],
        recipients: [],
      },
      /No base URL for OpenAPI spec 'mtv.yaml'/,
    ],
  ])(
    '%s fails at its first outside call with a clear error',
    async (id, input, message) => {
      const wf = s.runtime.getWorkflow(id)!;
      wf.failOnValidationErrors = false;
      const { id: instanceId } = await s.runtime.start(id, {
        workflowdata: input,
      });
      const done = await s.runtime.whenSettled(instanceId);
      expect(done.state).toBe('ERROR');
      expect(done.error!.message).toMatch(message);
      const failing = done.nodes.find(
        n => n.definitionId === done.error!.nodeDefinitionId,
      )!;
      expect(failing.type).toBe('WorkItemNode');
    },
  );
});
