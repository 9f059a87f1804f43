import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { AddressInfo } from 'node:net';
import { startStandin, RunningStandin } from '../startStandin';
import { postJson } from '../testing/http';

const SPEC = `openapi: 3.0.3
info: { title: test, version: "1" }
paths:
  /items/{itemId}:
    get:
      operationId: getItem
      parameters:
        - { in: path, name: itemId, required: true, schema: { type: string } }
        - { in: query, name: verbose, schema: { type: string } }
      responses: { "200": { description: ok } }
  /items:
    post:
      operationId: createItem
      requestBody: { content: { application/json: { schema: { type: object } } } }
      responses: { "200": { description: ok } }
`;

const WORKFLOWS: Record<string, string> = {
  'rest.sw.yaml': `
id: rest-call
specVersion: "0.8"
start: Fetch
functions:
  - { name: getItem, operation: specs/items.yaml#getItem }
  - { name: createItem, type: rest, operation: specs/items.yaml#createItem }
states:
  - name: Fetch
    type: operation
    actions:
      - name: fetch
        functionRef: { refName: getItem, arguments: { itemId: .id, verbose: "yes" } }
        actionDataFilter: { results: .item, toStateData: .fetched }
      - name: create
        functionRef: { refName: createItem, arguments: { name: '.fetched.name + "-copy"', kind: Task } }
        actionDataFilter: { toStateData: "\${ .created }" }
    end: true
`,
  'errors.sw.yaml': `
id: error-handling
specVersion: "0.8"
start: Call
errors:
  - { name: notFound, code: "404" }
functions:
  - { name: getItem, operation: specs/items.yaml#getItem }
states:
  - name: Call
    type: operation
    actions:
      - functionRef: { refName: getItem, arguments: { itemId: missing } }
    onErrors:
      - { errorRef: notFound, transition: Recover }
    end: true
  - name: Recover
    type: inject
    data: { recovered: true }
    end: true
`,
  'foreach.sw.yaml': `
id: foreach-filters
specVersion: "0.8"
start: Loop
functions:
  - { name: double, type: expression, operation: "{ doubled: (.n * 2) }" }
states:
  - name: Loop
    type: foreach
    inputCollection: \${ .numbers }
    iterationParam: n
    outputCollection: \${ .results }
    actions:
      - functionRef: { refName: double }
        actionDataFilter: { results: .doubled }
      - name: skipped
        condition: .n > 100
        functionRef: { refName: double }
    stateDataFilter:
      input: "{ numbers: .numbers }"
      output: "{ total: (.results | add), results }"
    end: true
`,
  'unsupported.sw.yaml': `
id: unsupported
specVersion: "0.8"
start: Fork
states:
  - name: Fork
    type: event
    exclusive: false
    onEvents: []
    end: true
`,
  'event-start.sw.yaml': `
id: event-start
specVersion: "0.8"
start: Receive
events:
  - { name: orderPlaced, type: order.placed, source: shop, kind: consumed }
states:
  - name: Receive
    type: event
    onEvents:
      - eventRefs: [orderPlaced]
        eventDataFilter: { toStateData: .order }
    end: true
`,
};

describe('runtime constructs', () => {
  let dir: string;
  let s: RunningStandin;
  let api: http.Server;
  const calls: string[] = [];

  beforeAll(async () => {
    api = http.createServer((req, res) => {
      let body = '';
      req.on('data', c => (body += c));
      req.on('end', () => {
        calls.push(`${req.method} ${req.url} ${body}`);
        if (req.url?.startsWith('/items/missing')) {
          res.writeHead(404).end('{"message":"no such item"}');
        } else if (req.method === 'GET') {
          res
            .writeHead(200, { 'content-type': 'application/json' })
            .end('{"item":{"name":"lamp"}}');
        } else {
          res
            .writeHead(200, { 'content-type': 'application/json' })
            .end(JSON.stringify({ id: 7, echo: JSON.parse(body) }));
        }
      });
    });
    await new Promise<void>(r => api.listen(0, '127.0.0.1', () => r()));
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'standin-constructs-'));
    fs.mkdirSync(path.join(dir, 'specs'));
    fs.writeFileSync(path.join(dir, 'specs', 'items.yaml'), SPEC);
    for (const [file, text] of Object.entries(WORKFLOWS))
      fs.writeFileSync(path.join(dir, file), text);
    s = await startStandin({
      workflowsDir: dir,
      restBaseUrls: {
        'items.yaml': `http://127.0.0.1:${(api.address() as AddressInfo).port}`,
      },
    });
  });

  afterAll(async () => {
    await s.close();
    api.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const run = async (id: string, input: object) => {
    const { id: instanceId } = await s.runtime.start(id, {
      workflowdata: input,
    });
    return s.runtime.whenSettled(instanceId);
  };

  it('calls OpenAPI operations with path, query and body arguments and filters the results', async () => {
    const done = await run('rest-call', { id: 'a1' });
    expect(done.state).toBe('COMPLETED');
    expect(calls).toContain('GET /items/a1?verbose=yes ');
    expect(done.variables.workflowdata).toEqual({
      id: 'a1',
      fetched: { name: 'lamp' },
      created: { id: 7, echo: { name: 'lamp-copy', kind: 'Task' } },
    });
  });

  it('routes a matching error code through onErrors', async () => {
    const done = await run('error-handling', {});
    expect(done.state).toBe('COMPLETED');
    expect(done.variables.workflowdata).toEqual({ recovered: true });
    expect(done.nodes.map(n => n.name)).toEqual([
      'Start',
      'Call',
      'getItem',
      'Recover',
      'End',
    ]);
  });

  it('runs foreach with iteration params, action conditions and state data filters', async () => {
    const done = await run('foreach-filters', {
      numbers: [1, 2, 3],
      noise: true,
    });
    expect(done.state).toBe('COMPLETED');
    expect(done.variables.workflowdata).toEqual({
      total: 12,
      results: [2, 4, 6],
    });
  });

  it('fails the instance naming an unsupported construct', async () => {
    const done = await run('unsupported', {});
    expect(done.state).toBe('ERROR');
    expect(done.error!.message).toBe(
      "Unsupported construct: event state with exclusive: false (state 'Fork')",
    );
    expect(done.error!.nodeDefinitionId).toBe(
      s.runtime.getWorkflow('unsupported')!.nodes.state('Fork').uniqueId,
    );
  });

  it('starts a workflow whose first state is an event state from a binary-mode CloudEvent', async () => {
    const res = await fetch(`${s.url}/`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'ce-specversion': '1.0',
        'ce-type': 'order.placed',
        'ce-source': 'shop',
        'ce-id': '1',
      },
      body: JSON.stringify({ orderId: 42 }),
    });
    expect(res.status).toBe(202);
    const [id] = ((await res.json()) as { instances: string[] }).instances;
    const done = await s.runtime.whenSettled(id);
    expect(done.variables.workflowdata).toEqual({ order: { orderId: 42 } });
    const bad = await postJson(`${s.url}/`, { hello: 'not an event' });
    expect(bad.status).toBe(400);
  });

  it('answers 404 for unknown workflows and 409 for retrigger outside ERROR', async () => {
    expect((await postJson(`${s.url}/nope`, {})).status).toBe(404);
    const done = await run('foreach-filters', { numbers: [] });
    const res = await postJson(
      `${s.url}/management/processes/foreach-filters/instances/${done.id}/retrigger`,
      {},
    );
    expect(res.status).toBe(409);
  });

  it('applies workflow-service faults per workflow', async () => {
    s.setFaults({ workflowService: 'error', workflowIds: ['rest-call'] });
    try {
      expect((await postJson(`${s.url}/rest-call`, { id: 'x' })).status).toBe(
        503,
      );
      expect(
        (await fetch(`${s.url}/management/processes/foreach-filters`)).status,
      ).toBe(200);
      s.setFaults({ workflowService: 'hang', workflowIds: [] });
      await expect(
        fetch(`${s.url}/management/processes/foreach-filters`, {
          signal: AbortSignal.timeout(300),
        }),
      ).rejects.toThrow();
    } finally {
      s.faults.reset();
    }
  });
});
