import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startStandin, RunningStandin } from '../startStandin';

/**
 * Every construct the stand-in does not run (README, "Not supported"): the workflow loads, as
 * SonataFlow would build it, and the run fails naming the construct, on the node that uses it
 * (the action for a function, the state otherwise), instead of silently doing something else.
 */
type Case = {
  construct: string;
  message: string;
  /** Name of the node the error is on. */
  node: string;
  functions?: object[];
  retries?: unknown;
  states: object[];
};

const callOf = (fn: string, extra: object = {}) => ({
  name: 'Call',
  type: 'operation',
  actions: [{ functionRef: { refName: fn, ...extra } }],
  end: true,
});

const functionType = (type: string): Case => ({
  construct: `function type ${type}`,
  message: `Unsupported construct: function type '${type}' (function 'f')`,
  node: 'f',
  functions: [{ name: 'f', type, operation: 'api.yaml#op' }],
  states: [callOf('f')],
});

const CASES: Case[] = [
  {
    construct: 'functionRef invoke: async',
    message:
      "Unsupported construct: functionRef invoke: async (function 'log')",
    node: 'log',
    functions: [{ name: 'log', type: 'custom', operation: 'sysout' }],
    states: [callOf('log', { invoke: 'async' })],
  },
  functionType('asyncapi'),
  functionType('rpc'),
  functionType('graphql'),
  functionType('odata'),
  {
    construct: 'custom operation other than sysout',
    message:
      "Unsupported construct: custom function operation 'service:java:com.example.Svc::run' (function 'svc'); only sysout is supported",
    node: 'svc',
    functions: [
      {
        name: 'svc',
        type: 'custom',
        operation: 'service:java:com.example.Svc::run',
      },
    ],
    states: [callOf('svc')],
  },
  {
    construct: 'rest operation without #operationId',
    message:
      "Unsupported construct: rest function operation 'specs/api.yaml' without '#operationId'",
    node: 'api',
    functions: [{ name: 'api', type: 'rest', operation: 'specs/api.yaml' }],
    states: [callOf('api')],
  },
  {
    construct: 'retries as a URI',
    message:
      "Unsupported construct: retries as a URI ('retries.json'); define them inline",
    node: 'log',
    functions: [{ name: 'log', type: 'custom', operation: 'sysout' }],
    retries: 'retries.json',
    states: [
      {
        ...callOf('log'),
        actions: [{ functionRef: 'log', retryRef: 'twice' }],
      },
    ],
  },
  {
    construct: 'end.continueAs',
    message: "Unsupported construct: end.continueAs (state 'Next')",
    node: 'Next',
    states: [
      { name: 'Next', type: 'inject', data: {}, end: { continueAs: 'x' } },
    ],
  },
  {
    construct: 'event state with exclusive: false',
    message:
      "Unsupported construct: event state with exclusive: false (state 'Wait')",
    node: 'Wait',
    states: [
      { name: 'First', type: 'inject', data: {}, transition: 'Wait' },
      {
        name: 'Wait',
        type: 'event',
        exclusive: false,
        onEvents: [{ eventRefs: ['a', 'b'] }],
        end: true,
      },
    ],
  },
];

const idOf = (c: Case) => c.construct.replace(/[^a-z0-9]+/gi, '-');

describe('unsupported constructs', () => {
  let s: RunningStandin;
  let dir: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unsupported-'));
    for (const c of CASES) {
      const wf = {
        id: idOf(c),
        specVersion: '0.8',
        version: '1.0',
        start: (c.states[0] as { name: string }).name,
        events: [
          { name: 'a', type: 'a', source: 'test' },
          { name: 'b', type: 'b', source: 'test' },
        ],
        ...(c.functions ? { functions: c.functions } : {}),
        ...(c.retries ? { retries: c.retries } : {}),
        states: c.states,
      };
      fs.writeFileSync(
        path.join(dir, `${idOf(c)}.sw.json`),
        JSON.stringify(wf, null, 2),
      );
    }
    s = await startStandin({ workflowsDir: dir });
  });
  afterAll(async () => {
    await s?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('loads every such workflow (SonataFlow would build them)', () => {
    expect(s.problems).toEqual([]);
    expect(s.runtime.listWorkflows()).toHaveLength(CASES.length);
  });

  it.each(CASES.map(c => [c.construct, c] as const))(
    '%s fails the run naming it',
    async (_name, c) => {
      const { id } = await s.runtime.start(idOf(c), { workflowdata: {} }, 0);
      const done = await s.runtime.whenSettled(id);
      expect(done.state).toBe('ERROR');
      expect(done.error!.message).toBe(c.message);
      const failing = done.nodes.find(
        n => n.definitionId === done.error!.nodeDefinitionId,
      );
      expect(failing?.name).toBe(c.node);
    },
  );
});
