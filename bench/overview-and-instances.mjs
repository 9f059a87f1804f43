// Data Index round-trips and median latency of the workflows overview and of an
// instances page, at 10/100/1000 workflows and 10^3/10^5 instances on the
// SonataFlow stand-in, for the backend's services and for a naive per-row client
// (one request per workflow / per row, as upstream did) measured in the same run.
//
// Usage: yarn bench [--runs=3] [--naive-runs=3] [--workflows=10,100,1000] [--instances=1000,100000]
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
require('@backstage/cli/config/nodeTransform.cjs');
const { startStandin } = require('../packages/sonataflow-standin/src/index.ts');
const {
  DefaultDataIndexClient,
} = require('../plugins/orchestrator-backend/src/dataIndex/DataIndexClient.ts');
const {
  DefaultDefinitionCache,
} = require('../plugins/orchestrator-backend/src/services/DefinitionCache.ts');
const {
  DefaultWorkflowService,
} = require('../plugins/orchestrator-backend/src/services/WorkflowService.ts');
const {
  DefaultInstanceService,
} = require('../plugins/orchestrator-backend/src/services/InstanceService.ts');
const {
  DefaultInstanceAccess,
} = require('../plugins/orchestrator-backend/src/services/InstanceAccess.ts');
const {
  DefaultAvailabilityService,
} = require('../plugins/orchestrator-backend/src/services/AvailabilityService.ts');
const {
  DefaultWorkflowRuntimeClient,
} = require('../plugins/orchestrator-backend/src/runtime/WorkflowRuntimeClient.ts');

const args = Object.fromEntries(
  process.argv.slice(2).map(a => a.replace(/^--/, '').split('=')),
);
const RUNS = Number(args.runs ?? 3);
const NAIVE_RUNS = Number(args['naive-runs'] ?? 3);
const WORKFLOWS = (args.workflows ?? '10,100,1000').split(',').map(Number);
const INSTANCES = (args.instances ?? '1000,100000').split(',').map(Number);
const PAGE_SIZE = 20;
const MONTH = 30 * 24 * 3600 * 1000;

const silent = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  child: () => silent,
};
const admin = {
  scope: async () => ({ kind: 'all' }),
  assertWorkflow: async () => {},
  isInstanceAdmin: async () => true,
  isWorkflowAdmin: async () => true,
};
const noRuns = {
  record: async () => {},
  get: async () => undefined,
  getMany: async () => new Map(),
  listInstanceIdsByInitiator: async () => [],
  listInstanceIdsByEntity: async () => [],
};

function backend(url, maxRequestBytes) {
  const dataIndex = DefaultDataIndexClient.create({
    url,
    logger: silent,
    timeoutMs: 600_000,
    maxRequestBytes,
  });
  const definitions = DefaultDefinitionCache.create({
    dataIndex,
    ttlSeconds: 3600,
  });
  const runtime = DefaultWorkflowRuntimeClient.create({ probeTimeoutMs: 2000 });
  const availability = DefaultAvailabilityService.create({
    runtime,
    cacheSeconds: 3600,
    maxBackoffSeconds: 3600,
  });
  const access = DefaultInstanceAccess.create({
    dataIndex,
    runStore: noRuns,
    authorizer: admin,
  });
  const common = {
    dataIndex,
    definitions,
    runStore: noRuns,
    authorizer: admin,
    access,
  };
  return {
    workflows: DefaultWorkflowService.create({
      ...common,
      runtime,
      availability,
      durationSampleSize: 50,
      availabilityListWaitMs: 60_000,
    }),
    instances: DefaultInstanceService.create(common),
  };
}

/** The naive client: the same answers, one Data Index request per workflow or per row. */
function naive(url) {
  const gql = async (query, variables = {}) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()).data;
  };
  const PER_WORKFLOW = `query($id: String!, $since: DateTime!) {
    last: ProcessInstances(where: {processId: {equal: $id}}, orderBy: {start: DESC}, pagination: {limit: 1, offset: 0}) { id state start }
    runs: CountProcessInstances(where: {processId: {equal: $id}, start: {greaterThanEqual: $since}})
    ok: CountProcessInstances(where: {processId: {equal: $id}, start: {greaterThanEqual: $since}, state: {equal: COMPLETED}})
    err: CountProcessInstances(where: {processId: {equal: $id}, start: {greaterThanEqual: $since}, state: {equal: ERROR}})
    done: ProcessInstances(where: {processId: {equal: $id}, start: {greaterThanEqual: $since}, state: {equal: COMPLETED}}, orderBy: {end: DESC}, pagination: {limit: 50, offset: 0}) { start end }
  }`;
  return {
    async overview() {
      const { ProcessDefinitions: defs } = await gql(
        '{ ProcessDefinitions { id name version type endpoint serviceUrl description annotations metadata source } }',
      );
      const since = new Date(Date.now() - MONTH).toISOString();
      return inBatches(defs, async d => ({
        ...d,
        figures: await gql(PER_WORKFLOW, { id: d.id, since }),
      }));
    },
    async instancesPage() {
      const page = await gql(
        `query($p: Pagination) { ProcessInstances(orderBy: {start: DESC}, pagination: $p) { id processId processName state start end lastUpdate } }`,
        { p: { limit: PAGE_SIZE, offset: 0 } },
      );
      await gql('{ CountProcessInstances }');
      return Promise.all(
        page.ProcessInstances.map(async i => ({
          ...i,
          definition: await gql(
            'query($id: String!) { ProcessDefinitions(where: {id: {equal: $id}}) { id name description source } }',
            { id: i.processId },
          ),
        })),
      );
    },
  };
}

/** Ten requests in flight at a time: a browser-like fan-out that does not exhaust sockets. */
async function inBatches(items, fn, width = 10) {
  const out = [];
  for (let i = 0; i < items.length; i += width) {
    out.push(...(await Promise.all(items.slice(i, i + width).map(fn))));
  }
  return out;
}

const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function measure(standin, runs, fn) {
  const times = [];
  let roundTrips = 0;
  for (let i = 0; i < runs; i++) {
    standin.stats.reset();
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
    roundTrips = standin.stats.snapshot().graphqlRequests;
  }
  return { roundTrips, median: median(times) };
}

const fmt = m =>
  `${String(m.roundTrips).padStart(5)} round-trips  ${m.median
    .toFixed(1)
    .padStart(9)} ms`;

console.log(
  `Data Index round-trips and median latency (ours: ${RUNS} runs, naive: ${NAIVE_RUNS} runs, 1 above 10^7 workflow x instances; warm caches)`,
);
console.log(
  'workflows  instances  | operation           | ours                             | naive per-row',
);
for (const instanceCount of INSTANCES) {
  for (const workflowCount of WORKFLOWS) {
    const standin = await startStandin({ port: 0 });
    try {
      for (let i = 0; i < workflowCount; i++) {
        const id = `wf-${String(i).padStart(4, '0')}`;
        standin.store.putDefinition({
          id,
          name: `Workflow ${i}`,
          version: '1.0',
          description: `Benchmark workflow ${i}`,
          serviceUrl: standin.url,
          endpoint: `${standin.url}/${id}`,
          source: `id: ${id}\nname: Workflow ${i}\nstates: []\n`,
          nodes: [],
        });
      }
      await fetch(`${standin.url}/__standin/seed`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ count: instanceCount, seed: 7 }),
      });
      let ours = backend(standin.url);
      let note = '';
      const theirs = naive(standin.url);
      const caller = { credentials: {}, initiator: 'user:default/bench' };
      // Warm-up: fills the definition cache and the availability cache, like a running backend.
      try {
        await ours.workflows.listOverviews(caller, {});
      } catch (error) {
        if (!/HTTP 413/.test(error.message)) throw error;
        // The stand-in parses bodies with a 100 kB limit before its own 10 MB one;
        // split the overview document to fit, and say so.
        ours = backend(standin.url, 95_000);
        note =
          '  (overview document split: the stand-in refuses bodies over 100 kB)';
        await ours.workflows.listOverviews(caller, {});
      }
      await ours.instances.list(caller, {});

      const rows = [
        [
          'overview',
          () => ours.workflows.listOverviews(caller, {}),
          () => theirs.overview(),
        ],
        [
          'instances page',
          () =>
            ours.instances.list(caller, {
              paginationInfo: { pageSize: PAGE_SIZE },
            }),
          () => theirs.instancesPage(),
        ],
      ];
      for (const [name, mine, other] of rows) {
        const a = await measure(standin, RUNS, mine);
        // The naive overview at 1000 workflows x 10^5 instances takes minutes on the stand-in.
        const b = await measure(
          standin,
          workflowCount * instanceCount > 10_000_000 ? 1 : NAIVE_RUNS,
          other,
        );
        console.log(
          `${String(workflowCount).padStart(9)}  ${String(
            instanceCount,
          ).padStart(9)}  | ${name.padEnd(19)} | ${fmt(a)} | ${fmt(b)}${
            name === 'overview' ? note : ''
          }`,
        );
      }
    } finally {
      await standin.close();
    }
  }
}
