import path from 'node:path';
import { startStandin, RunningStandin } from '../startStandin';
import { REPO_ROOT } from '../testing/reference';
import { eventually, graphql, postJson } from '../testing/http';

const WORKFLOWS_DIR = path.join(REPO_ROOT, 'workflows');

describe('sample workflows in <repo>/workflows', () => {
  let s: RunningStandin;
  const logs: string[] = [];

  beforeAll(async () => {
    s = await startStandin({
      workflowsDir: WORKFLOWS_DIR,
      log: (_id, _level, m) => logs.push(m),
    });
  });
  afterAll(() => s.close());

  const start = async (workflowId: string, body: unknown) => {
    const res = await postJson(`${s.url}/${workflowId}`, body);
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const nodeNames = (id: string) =>
    s.store.getInstance(id)!.nodes.map(n => n.name);

  it('loads all samples without problems', () => {
    expect(s.problems).toEqual([]);
    expect(
      s.runtime
        .listWorkflows()
        .map(w => w.id)
        .sort(),
    ).toEqual([
      'assessment',
      'callback',
      'failing',
      'greeting',
      'long-running',
      'multi-step',
      'project-setup',
      'provision-environment',
    ]);
  });

  it('greeting completes with a message and outputs of every format', async () => {
    const id = await start('greeting', {
      workflowdata: { name: 'Ada', language: 'Spanish' },
      initiatorEntity: 'user:default/ada',
      targetEntity: 'component:default/app',
    });
    const done = await s.runtime.whenSettled(id);
    expect(done.state).toBe('COMPLETED');
    expect(nodeNames(id)).toEqual([
      'Start',
      'ChooseLanguage',
      'GreetInSpanish',
      'Greet',
      'logGreeting',
      'setResult',
      'End',
    ]);
    const result = (done.variables.workflowdata as any).result;
    expect(result.message).toBe('Hola, Ada!');
    expect(result.outputs.map((o: any) => o.format)).toEqual([
      'text',
      'number',
      'link',
      'markdown',
    ]);
    expect(result.outputs[1].value).toBe(3);
    expect(done.variables.initiatorEntity).toBe('user:default/ada');
    expect(logs).toContain('Hola, Ada');

    const data = await graphql(
      s,
      `
        query ($id: String!) {
          ProcessInstances(where: { id: { equal: $id } }) {
            state
            processId
            serviceUrl
            endpoint
            start
            end
            lastUpdate
            executionSummary
            nodes {
              id
              name
              type
              enter
              exit
              definitionId
              nodeId
            }
            variables
          }
        }
      `,
      { id },
    );
    const pi = data.ProcessInstances[0];
    expect(pi).toMatchObject({
      state: 'COMPLETED',
      processId: 'greeting',
      serviceUrl: s.url,
      endpoint: `${s.url}/greeting`,
    });
    expect(
      pi.nodes.every(
        (n: any) => n.exit && n.definitionId.startsWith('_jbpm-unique-'),
      ),
    ).toBe(true);
    expect(pi.executionSummary).toContain('Workflow completed');
    expect(Date.parse(pi.lastUpdate)).toBeGreaterThanOrEqual(
      Date.parse(pi.end),
    );
  });

  it('greeting accepts a plain input object and rejects invalid input with field paths', async () => {
    const id = await start('greeting', { name: 'Bo' });
    expect((await s.runtime.whenSettled(id)).state).toBe('COMPLETED');
    expect(nodeNames(id)).toContain('GreetInEnglish');
    const bad = await postJson(`${s.url}/greeting`, {
      workflowdata: { language: 'Klingon' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: '/name' }),
        expect.objectContaining({ path: '/language' }),
      ]),
    );
  });

  it('assessment returns nextWorkflows and legacy workflowOptions', async () => {
    const id = await start('assessment', {
      projectName: 'shop',
      language: 'java',
    });
    const done = await s.runtime.whenSettled(id);
    expect(done.state).toBe('COMPLETED');
    const wd = done.variables.workflowdata as any;
    expect(wd.result.nextWorkflows).toEqual([
      { id: 'greeting', name: 'Greeting' },
      { id: 'multi-step', name: 'Multi-step onboarding' },
    ]);
    expect(Object.keys(wd.workflowOptions).sort()).toEqual([
      'continuationOptions',
      'currentVersion',
      'migrateOptions',
      'newOptions',
      'otherOptions',
      'upgradeOptions',
    ]);
    expect(wd.result.workflowOptions.currentVersion).toEqual({
      id: 'greeting',
      name: 'Greeting',
    });
    expect(s.store.getDefinition('assessment')!.annotations).toEqual([
      'workflow-type/assessment',
    ]);
  });

  it('long-running sleeps between steps, records timers and completes', async () => {
    const t = Date.now();
    const id = await start('long-running', { steps: 2 });
    expect(s.store.getInstance(id)!.state).toBe('ACTIVE');
    const done = await s.runtime.whenSettled(id);
    expect(done.state).toBe('COMPLETED');
    expect(Date.now() - t).toBeGreaterThanOrEqual(3900);
    expect(nodeNames(id).filter(n => n === 'Pause')).toHaveLength(2);
    const jobs = await graphql(
      s,
      `
        query ($id: String!) {
          Jobs(where: { processInstanceId: { equal: $id } }) {
            status
          }
        }
      `,
      { id },
    );
    expect(jobs.Jobs).toEqual([{ status: 'EXECUTED' }, { status: 'EXECUTED' }]);
    expect((done.variables.workflowdata as any).result.message).toBe(
      'Finished 2 steps',
    );
  }, 15_000);

  it('failing stops in ERROR at provisionResources and succeeds on retrigger', async () => {
    const id = await start('failing', {});
    const failed = await s.runtime.whenSettled(id);
    expect(failed.state).toBe('ERROR');
    const failingNode = failed.nodes.find(
      n => n.name === 'provisionResources',
    )!;
    expect(failed.error).toEqual({
      nodeDefinitionId: failingNode.definitionId,
      nodeInstanceId: failingNode.id,
      message: 'Provisioning failed on attempt 1: quota exceeded',
    });
    expect(failingNode.exit).toBeUndefined();

    const res = await postJson(
      `${s.url}/management/processes/failing/instances/${id}/retrigger`,
      {},
    );
    expect(res.status).toBe(200);
    const done = await s.runtime.whenSettled(id);
    expect(done.state).toBe('COMPLETED');
    expect(done.error).toBeUndefined();
    expect((done.variables.workflowdata as any).result.message).toBe(
      'Provisioned after 2 attempt(s)',
    );
    expect(done.nodes.filter(n => n.retrigger).map(n => n.name)).toEqual([
      'ProvisionResources',
      'countAttempt',
      'provisionResources',
    ]);
  });

  it('failing recovers through ProcessInstanceUpdateVariables + ProcessInstanceRetry', async () => {
    const id = await start('failing', { failUntilAttempt: 5 });
    expect((await s.runtime.whenSettled(id)).state).toBe('ERROR');
    const variables = JSON.stringify({
      workflowdata: {
        ...(s.store.getInstance(id)!.variables.workflowdata as object),
        shouldFail: false,
      },
    });
    await graphql(
      s,
      'mutation($id: String, $v: String) { ProcessInstanceUpdateVariables(id: $id, variables: $v) }',
      { id, v: variables },
    );
    await graphql(
      s,
      'mutation($id: String) { ProcessInstanceRetry(id: $id) }',
      { id },
    );
    expect((await s.runtime.whenSettled(id)).state).toBe('COMPLETED');
  });

  it('failing completes at once when the input says so', async () => {
    const id = await start('failing', { shouldFail: false });
    expect((await s.runtime.whenSettled(id)).state).toBe('COMPLETED');
  });

  it('multi-step validates nested objects and completes', async () => {
    const bad = await postJson(`${s.url}/multi-step`, {
      project: { name: 'x1', owner: 'o' },
      deployment: { environment: 'dev', replicas: 1, strategy: 'rolling' },
      notification: { email: 'nope', notifyOnFailure: false },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([
      expect.objectContaining({ path: '/notification/email' }),
    ]);
    const prodWithoutTicket = await postJson(`${s.url}/multi-step`, {
      project: { name: 'svc-a', owner: 'group:default/a' },
      deployment: { environment: 'prod', replicas: 2, strategy: 'rolling' },
      notification: { email: 'a@b.io', notifyOnFailure: false },
    });
    expect(prodWithoutTicket.status).toBe(400);
    expect(prodWithoutTicket.body.errors).toContainEqual(
      expect.objectContaining({ path: '/deployment/changeTicket' }),
    );
    const id = await start('multi-step', {
      project: { name: 'svc-a', owner: 'group:default/a' },
      deployment: {
        environment: 'prod',
        replicas: 2,
        strategy: 'canary',
        canaryPercent: 5,
        changeTicket: 'CHG-42',
      },
      notification: {
        email: 'a@b.io',
        notifyOnFailure: true,
        failureChannel: '#svc-a',
      },
    });
    const done = await s.runtime.whenSettled(id);
    expect(done.state).toBe('COMPLETED');
    const result = (done.variables.workflowdata as any).result;
    expect(result.message).toBe('Onboarded svc-a to prod');
    expect(
      Object.fromEntries(result.outputs.map((o: any) => [o.key, o.value])),
    ).toMatchObject({
      Strategy: 'canary (5 %)',
      'Change ticket': 'CHG-42',
      'Failure channel': '#svc-a',
    });
  });

  it('project-setup summarises what its widgets collected', async () => {
    const id = await start('project-setup', {
      team: 'payments',
      name: 'ledger',
      language: 'Go',
      regions: ['eu-west', 'us-east'],
      onCall: true,
      database: 'postgres',
      databaseSettings: { version: '16' },
    });
    const done = await s.runtime.whenSettled(id);
    expect(done.state).toBe('COMPLETED');
    const result = (done.variables.workflowdata as any).result;
    expect(result.message).toBe('Project ledger set up for team payments');
    expect(
      Object.fromEntries(result.outputs.map((o: any) => [o.key, o.value])),
    ).toEqual({
      Team: 'payments',
      Language: 'Go',
      Regions: 'eu-west, us-east',
      'On call': 'yes',
      Database: 'postgres 16',
    });
  });

  it('callback waits for a CloudEvent and resumes with its data', async () => {
    const id = await start('callback', { request: 'more disk' });
    const waiting = s.store.getInstance(id)!;
    expect(waiting.state).toBe('ACTIVE');
    expect(
      waiting.nodes.find(n => n.type === 'EventNode' && !n.exit)?.name,
    ).toBe('approvalDecision');
    const res = await postJson(`${s.url}/`, {
      specversion: '1.0',
      id: 'e1',
      source: 'approvals',
      type: 'approval.decision',
      kogitoprocrefid: id,
      data: { approved: true, approver: 'user:default/boss' },
    });
    expect(res).toEqual({ status: 202, body: { instances: [id] } });
    const done = await s.runtime.whenSettled(id);
    expect(done.state).toBe('COMPLETED');
    expect((done.variables.workflowdata as any).result.message).toBe(
      'Approved by user:default/boss',
    );
  });

  it('aborts a waiting instance through the management API', async () => {
    const id = await start('long-running', { steps: 10 });
    const res = await fetch(
      `${s.url}/management/processes/long-running/instances/${id}`,
      { method: 'DELETE' },
    );
    expect(res.status).toBe(200);
    const done = s.store.getInstance(id)!;
    expect(done.state).toBe('ABORTED');
    expect(done.end).toBeDefined();
    const jobs = [...s.store.listJobs()].filter(
      j => j.processInstanceId === id,
    );
    expect(jobs.map(j => j.status)).toEqual(['CANCELED']);
    const again = await fetch(
      `${s.url}/management/processes/long-running/instances/${id}`,
      { method: 'DELETE' },
    );
    expect(again.status).toBe(409);
  });

  it('serves the resolved input schema and the source', async () => {
    const info = await (
      await fetch(`${s.url}/management/processes/multi-step`)
    ).json();
    expect(
      info.inputSchema.properties.notification.properties.email.format,
    ).toBe('email');
    expect(info.outputSchema.properties.result.properties.outputs.type).toBe(
      'array',
    );
    const source = await (
      await fetch(`${s.url}/management/processes/greeting/source`)
    ).text();
    expect(source).toContain('id: greeting');
    expect((await fetch(`${s.url}/management/processes/nope`)).status).toBe(
      404,
    );
  });

  describe('provision-environment', () => {
    const input = (extra: object = {}) => ({
      workflowdata: { name: 'demo', engine: 'postgres', ...extra },
    });
    const attempts = (id: string, name: string) =>
      s.store.getInstance(id)!.nodes.filter(n => n.name === name);

    it('retries, provisions in parallel, waits for the objection window and announces the environment', async () => {
      const id = await start('provision-environment', input());
      await eventually(
        () => s.store.getInstance(id)!,
        r =>
          r.nodes.some(
            n => n.name === 'approvalGranted' && n.exit === undefined,
          ),
      );
      await postJson(`${s.url}/`, {
        specversion: '1.0',
        id: 'approve-1',
        source: 'approvals',
        type: 'environment.approval.granted',
        kogitoprocrefid: id,
        data: { by: 'user:default/boss' },
      });
      const done = await s.runtime.whenSettled(id);
      expect(done.state).toBe('COMPLETED');
      expect(nodeNames(id)).toEqual([
        'Start',
        'CreateNamespace',
        'createNamespace',
        'createNamespace',
        'ProvisionResources',
        'database',
        'createDatabase',
        'dns',
        'createDnsRecord',
        'certificate',
        'issueCertificate',
        'Verify',
        'runSmokeTest',
        'AwaitObjection',
        'approvalGranted',
        'Announce',
        'readyResult',
        'environmentReady',
        'End',
      ]);
      expect(attempts(id, 'createNamespace')[0].errorMessage).toMatch(
        /mock 'createNamespace' answered 503/,
      );
      const branches = ['database', 'dns', 'certificate'].map(
        b => done.nodes.find(n => n.name === b)!,
      );
      // Concurrent: every branch started before the first one finished.
      const firstExit = Math.min(...branches.map(b => b.exit!));
      expect(branches.every(b => b.enter <= firstExit)).toBe(true);
      const result = (done.variables.workflowdata as any).result;
      expect(result.message).toBe('Environment demo is ready');
      expect(result.outputs).toContainEqual({
        key: 'Approval',
        value: 'user:default/boss',
        format: 'text',
      });
      expect(s.runtime.producedEvents(id)).toEqual([
        expect.objectContaining({
          type: 'environment.ready',
          data: {
            name: 'demo',
            namespace: 'demo',
            url: 'https://demo.apps.example.test',
          },
        }),
      ]);
    }, 20_000);

    it('failAt dns: the DNS branch exhausts its retries, the namespace is rolled back and the run fails', async () => {
      const id = await start('provision-environment', input({ failAt: 'dns' }));
      const done = await s.runtime.whenSettled(id);
      expect(done.state).toBe('ERROR');
      expect(done.error!.message).toBe(
        'Provisioning demo failed and was rolled back: namespace',
      );
      expect(attempts(id, 'createDnsRecord').map(n => n.errorMessage)).toEqual(
        Array(3).fill(expect.stringMatching(/answered 503/)),
      );
      const names = nodeNames(id);
      expect(names.slice(names.indexOf('Compensation'))).toEqual([
        'Compensation',
        'DeleteNamespace',
        'deleteNamespace',
        'recordNamespaceUndo',
        'ReportFailure',
        'rolledBack',
      ]);
      expect(names).not.toContain('ReleaseResources');
    }, 20_000);

    it('failAt verify: everything provisioned is rolled back in reverse order', async () => {
      const id = await start(
        'provision-environment',
        input({ failAt: 'verify' }),
      );
      const done = await s.runtime.whenSettled(id);
      expect(done.state).toBe('ERROR');
      expect(done.error!.message).toBe(
        'Provisioning demo failed and was rolled back: database and DNS record, namespace',
      );
      const names = nodeNames(id);
      expect(names.slice(names.indexOf('Compensation'))).toEqual([
        'Compensation',
        'ReleaseResources',
        'deleteDnsRecord',
        'deleteDatabase',
        'NoteResourcesReleased',
        'recordUndo',
        'DeleteNamespace',
        'deleteNamespace',
        'recordNamespaceUndo',
        'ReportFailure',
        'rolledBack',
      ]);
      const deleteDns = done.nodes.find(n => n.name === 'deleteDnsRecord')!;
      expect(deleteDns.outputArgs).toMatchObject({
        mock: { key: 'deleteDnsRecord', status: 204 },
        response: { deleted: 'demo.apps.example.test' },
      });
    }, 20_000);
  });
});
