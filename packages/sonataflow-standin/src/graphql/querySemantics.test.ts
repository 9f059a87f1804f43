import { startStandin, RunningStandin } from '../startStandin';
import { ProcessInstanceRecord, ProcessInstanceState } from '../store/types';
import { pinnedProcessIds } from './resolvers';

const T0 = Date.parse('2025-01-01T00:00:00.000Z');
const HOUR = 3600_000;

function instance(
  n: number,
  processId: string,
  state: ProcessInstanceState,
  extra: Partial<ProcessInstanceRecord> = {},
): ProcessInstanceRecord {
  return {
    id: `inst-${n}`,
    processId,
    processName: processId.toUpperCase(),
    state,
    endpoint: `http://svc/${processId}`,
    serviceUrl: 'http://svc',
    nodes: [
      {
        id: `n-${n}-1`,
        name: 'Start',
        type: 'StartNode',
        enter: T0 + n * HOUR,
        exit: T0 + n * HOUR,
        definitionId: '_jbpm-unique-1',
        nodeId: '1',
      },
    ],
    variables: {
      workflowdata: { language: n % 2 === 0 ? 'English' : 'Spanish', count: n },
      initiatorEntity: n < 3 ? 'user:default/alice' : 'user:default/bob',
      targetEntity: `component:default/app-${n % 3}`,
    },
    start: T0 + n * HOUR,
    end: state === 'COMPLETED' ? T0 + n * HOUR + 60_000 : undefined,
    lastUpdate: T0 + n * HOUR + 60_000,
    executionSummary: [],
    ...extra,
  };
}

async function gql(s: RunningStandin, query: string, variables?: object) {
  const res = await fetch(`${s.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as any };
}

describe('Data Index query semantics', () => {
  let s: RunningStandin;

  beforeAll(async () => {
    s = await startStandin({ port: 0 });
    s.store.putDefinition({
      id: 'greeting',
      name: 'Greeting',
      version: '1.0',
      serviceUrl: 'http://svc',
      endpoint: 'http://svc/greeting',
      annotations: ['workflow-type/infrastructure'],
      metadata: { owner: 'team-a' },
      description: 'Says hello',
      source: 'id: greeting',
    });
    s.store.putDefinition({
      id: 'assessment',
      name: 'Assessment',
      version: '2.0',
      serviceUrl: 'http://svc',
      endpoint: 'http://svc/assessment',
      annotations: ['workflow-type/assessment'],
      metadata: { owner: 'team-b' },
    });
    s.store.putInstances([
      instance(0, 'greeting', 'COMPLETED'),
      instance(1, 'greeting', 'ERROR', {
        error: { nodeDefinitionId: '_jbpm-unique-3', message: 'boom' },
      }),
      instance(2, 'assessment', 'ACTIVE'),
      instance(3, 'assessment', 'COMPLETED', {
        parentProcessInstanceId: 'inst-2',
        rootProcessInstanceId: 'inst-2',
        rootProcessId: 'assessment',
      }),
      instance(4, 'greeting', 'ABORTED', { processName: undefined }),
      instance(5, 'greeting', 'COMPLETED', { businessKey: 'BK-5' }),
    ]);
    s.store.putJob({
      id: 'job-1',
      processId: 'greeting',
      processInstanceId: 'inst-2',
      status: 'SCHEDULED',
      expirationTime: T0,
      priority: 5,
      retries: 0,
    });
    s.store.putJob({
      id: 'job-2',
      processId: 'greeting',
      processInstanceId: 'inst-0',
      status: 'EXECUTED',
      expirationTime: T0 - HOUR,
      priority: 1,
      retries: 2,
    });
  });

  afterAll(() => s.close());

  const ids = (body: any, field = 'ProcessInstances') =>
    body.data[field].map((x: any) => x.id);

  it('returns every row when no pagination is given (no default limit)', async () => {
    const { body } = await gql(s, '{ ProcessInstances { id } }');
    expect(ids(body)).toHaveLength(6);
  });

  it('pages with limit and offset over an ordering', async () => {
    const q =
      'query($p: Pagination) { ProcessInstances(orderBy: { start: DESC }, pagination: $p) { id start } }';
    const first = await gql(s, q, { p: { limit: 2, offset: 0 } });
    const second = await gql(s, q, { p: { limit: 2, offset: 2 } });
    expect(ids(first.body)).toEqual(['inst-5', 'inst-4']);
    expect(ids(second.body)).toEqual(['inst-3', 'inst-2']);
    expect(first.body.data.ProcessInstances[0].start).toBe(
      '2025-01-01T05:00:00.000Z',
    );
  });

  it('orders nulls last for ASC and first for DESC, by nested error fields too', async () => {
    const asc = await gql(
      s,
      '{ ProcessInstances(orderBy: { processName: ASC }) { id } }',
    );
    expect(ids(asc.body).at(-1)).toBe('inst-4');
    const desc = await gql(
      s,
      '{ ProcessInstances(orderBy: { processName: DESC }) { id } }',
    );
    expect(ids(desc.body)[0]).toBe('inst-4');
    const byError = await gql(
      s,
      '{ ProcessInstances(orderBy: { error: { message: ASC } }) { id } }',
    );
    expect(ids(byError.body)[0]).toBe('inst-1');
  });

  it('rejects ordering on fields the real OrderBy input lacks', async () => {
    const { body } = await gql(
      s,
      '{ ProcessInstances(orderBy: { id: ASC }) { id } }',
    );
    expect(body.data).toBeUndefined();
    expect(body.errors[0].message).toMatch(
      /"id" is not defined by type "ProcessInstanceOrderBy"/,
    );
  });

  it('filters with StringArgument like (* wildcard), in, equal and isNull', async () => {
    const like = await gql(
      s,
      '{ ProcessInstances(where: { processId: { like: "gree*" } }) { id } }',
    );
    expect(ids(like.body)).toEqual(['inst-0', 'inst-1', 'inst-4', 'inst-5']);
    const inList = await gql(
      s,
      '{ ProcessInstances(where: { id: { in: ["inst-2", "inst-3", "nope"] } }) { id } }',
    );
    expect(ids(inList.body)).toEqual(['inst-2', 'inst-3']);
    const isNull = await gql(
      s,
      '{ ProcessInstances(where: { processName: { isNull: true } }) { id } }',
    );
    expect(ids(isNull.body)).toEqual(['inst-4']);
    const notNull = await gql(
      s,
      '{ ProcessInstances(where: { businessKey: { isNull: false } }) { id } }',
    );
    expect(ids(notNull.body)).toEqual(['inst-5']);
  });

  it('combines and / or / not and state arguments', async () => {
    const q = `{ ProcessInstances(where: { and: [
        { or: [{ state: { equal: ERROR } }, { state: { in: [ACTIVE, ABORTED] } }] },
        { not: { processId: { equal: "assessment" } } }
      ] }) { id } }`;
    const { body } = await gql(s, q);
    expect(ids(body)).toEqual(['inst-1', 'inst-4']);
  });

  it('filters by DateArgument (greaterThanEqual, lessThan, between)', async () => {
    const q = `query($from: DateTime!, $to: DateTime!) {
      ProcessInstances(where: { start: { between: { from: $from, to: $to } } }) { id } }`;
    const { body } = await gql(s, q, {
      from: '2025-01-01T01:00:00Z',
      to: '2025-01-01T03:00:00Z',
    });
    expect(ids(body)).toEqual(['inst-1', 'inst-2', 'inst-3']);
    const gt = await gql(
      s,
      '{ ProcessInstances(where: { lastUpdate: { greaterThan: "2025-01-01T04:00:00.000Z" } }) { id } }',
    );
    expect(ids(gt.body)).toEqual(['inst-4', 'inst-5']);
  });

  it('filters on the variables JSON (workflowdata, initiatorEntity, targetEntity)', async () => {
    const q =
      'query($v: JSON) { ProcessInstances(where: { variables: $v }) { id } }';
    const initiator = await gql(s, q, {
      v: { initiatorEntity: { equal: 'user:default/alice' } },
    });
    expect(ids(initiator.body)).toEqual(['inst-0', 'inst-1', 'inst-2']);
    const nested = await gql(s, q, {
      v: {
        workflowdata: { language: { equal: 'Spanish' } },
        targetEntity: { like: '*app-0' },
      },
    });
    expect(ids(nested.body)).toEqual(['inst-3']);
    const numeric = await gql(s, q, {
      v: { workflowdata: { count: { greaterThanEqual: 4 } } },
    });
    expect(ids(numeric.body)).toEqual(['inst-4', 'inst-5']);
    const literal = await gql(
      s,
      '{ ProcessInstances(where: { variables: { targetEntity: { in: ["component:default/app-1"] } } }) { id } }',
    );
    expect(ids(literal.body)).toEqual(['inst-1', 'inst-4']);
  });

  it('filters on error, nodes, ids of parents and the definition', async () => {
    const err = await gql(
      s,
      '{ ProcessInstances(where: { error: { message: { like: "bo*" } } }) { id error { nodeDefinitionId message } } }',
    );
    expect(err.body.data.ProcessInstances).toEqual([
      {
        id: 'inst-1',
        error: { nodeDefinitionId: '_jbpm-unique-3', message: 'boom' },
      },
    ]);
    const parent = await gql(
      s,
      '{ ProcessInstances(where: { parentProcessInstanceId: { equal: "inst-2" } }) { id parentProcessInstance { id } rootProcessInstanceId } }',
    );
    expect(parent.body.data.ProcessInstances).toEqual([
      {
        id: 'inst-3',
        parentProcessInstance: { id: 'inst-2' },
        rootProcessInstanceId: 'inst-2',
      },
    ]);
    const nodes = await gql(
      s,
      '{ ProcessInstances(where: { nodes: { enter: { greaterThanEqual: "2025-01-01T05:00:00Z" } } }) { id } }',
    );
    expect(ids(nodes.body)).toEqual(['inst-5']);
    const def = await gql(
      s,
      '{ ProcessInstances(where: { definition: { annotations: { contains: "workflow-type/assessment" } } }) { id } }',
    );
    expect(ids(def.body)).toEqual(['inst-2', 'inst-3']);
  });

  it('counts instances and definitions with the same where', async () => {
    const { body } = await gql(
      s,
      `{
      all: CountProcessInstances
      errors: CountProcessInstances(where: { state: { equal: ERROR } })
      defs: CountProcessDefinitions(where: { annotations: { containsAny: ["workflow-type/assessment"] } })
      jobs: CountJobs(where: { status: { equal: SCHEDULED } })
    }`,
    );
    expect(body.data).toEqual({ all: 6, errors: 1, defs: 1, jobs: 1 });
  });

  it('serves definitions with serviceUrl, endpoint, metadata, annotations, description, source', async () => {
    const { body } = await gql(
      s,
      `{ ProcessDefinitions(where: { metadata: { owner: { equal: "team-a" } } }, orderBy: { id: ASC }) {
      id name version serviceUrl endpoint metadata annotations description source } }`,
    );
    expect(body.data.ProcessDefinitions).toEqual([
      {
        id: 'greeting',
        name: 'Greeting',
        version: '1.0',
        serviceUrl: 'http://svc',
        endpoint: 'http://svc/greeting',
        metadata: { owner: 'team-a' },
        annotations: ['workflow-type/infrastructure'],
        description: 'Says hello',
        source: 'id: greeting',
      },
    ]);
    const ordered = await gql(
      s,
      '{ ProcessDefinitions(orderBy: { version: DESC }, pagination: { limit: 1 }) { id } }',
    );
    expect(ids(ordered.body, 'ProcessDefinitions')).toEqual(['assessment']);
  });

  it('answers several aliased root fields in one round-trip and counts it once', async () => {
    const before = s.stats.snapshot().graphqlRequests;
    const { body } = await gql(
      s,
      `{
      g: ProcessInstances(where: { processId: { equal: "greeting" } }, orderBy: { start: DESC }, pagination: { limit: 1 }) { id }
      a: ProcessInstances(where: { processId: { equal: "assessment" } }, orderBy: { start: DESC }, pagination: { limit: 1 }) { id }
    }`,
    );
    expect(body.data).toEqual({ g: [{ id: 'inst-5' }], a: [{ id: 'inst-3' }] });
    expect(s.stats.snapshot().graphqlRequests).toBe(before + 1);
  });

  it('lists jobs with filters and ordering', async () => {
    const { body } = await gql(
      s,
      '{ Jobs(where: { processId: { equal: "greeting" } }, orderBy: { priority: DESC }) { id status expirationTime retries } }',
    );
    expect(body.data.Jobs).toEqual([
      {
        id: 'job-1',
        status: 'SCHEDULED',
        expirationTime: '2025-01-01T00:00:00.000Z',
        retries: 0,
      },
      {
        id: 'job-2',
        status: 'EXECUTED',
        expirationTime: '2024-12-31T23:00:00.000Z',
        retries: 2,
      },
    ]);
  });

  describe('fault switches', () => {
    afterEach(() => s.faults.reset());

    it('answers 503 when the Data Index is unavailable', async () => {
      s.setFaults({ dataIndex: 'unavailable' });
      const res = await fetch(`${s.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query":"{ CountProcessInstances }"}',
      });
      expect(res.status).toBe(503);
    });

    it('drops the connection when the Data Index is down', async () => {
      s.setFaults({ dataIndex: 'down' });
      await expect(gql(s, '{ CountProcessInstances }')).rejects.toThrow();
    });

    it('adds a DataFetchingException next to the data for partial errors', async () => {
      s.setFaults({ partialErrors: true });
      const { body } = await gql(s, '{ CountProcessInstances }');
      expect(body.data.CountProcessInstances).toBe(6);
      expect(body.errors[0].extensions.classification).toBe(
        'DataFetchingException',
      );
    });

    it('adds latency and is switchable over HTTP', async () => {
      const res = await fetch(`${s.url}/__standin/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ dataIndexLatencyMs: 150 }),
      });
      expect(res.status).toBe(200);
      const t = Date.now();
      await gql(s, '{ CountProcessInstances }');
      expect(Date.now() - t).toBeGreaterThanOrEqual(140);
      const bad = await fetch(`${s.url}/__standin/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ dataIndex: 'sideways' }),
      });
      expect(bad.status).toBe(400);
    });
  });
});

describe('pinnedProcessIds', () => {
  it('finds the workflows a filter pins the scan to, at the top level or in an and', () => {
    expect(pinnedProcessIds({ processId: { equal: 'greeting' } })).toEqual([
      'greeting',
    ]);
    expect(pinnedProcessIds({ processId: { in: ['a', 'b'] } })).toEqual([
      'a',
      'b',
    ]);
    expect(
      pinnedProcessIds({
        and: [{ state: { equal: 'ERROR' } }, { processId: { equal: 'a' } }],
      }),
    ).toEqual(['a']);
  });

  it('does not pin through or/not, where the workflow is not a condition of every row', () => {
    expect(
      pinnedProcessIds({ or: [{ processId: { equal: 'a' } }] }),
    ).toBeUndefined();
    expect(
      pinnedProcessIds({ not: { processId: { equal: 'a' } } }),
    ).toBeUndefined();
    expect(pinnedProcessIds({ processId: { like: 'a*' } })).toBeUndefined();
    expect(pinnedProcessIds(undefined)).toBeUndefined();
  });
});
