// The run index: overview round-trips, median/p95 latency and backend CPU per call, index lag
// (a change in the Data Index -> visible in the overview) and backfill time, at
// 10/100/1000 workflows x 10^4/10^5 runs on the stand-in, with the index on SQLite in memory.
//
// Usage: node bench/run-index.mjs [--runs=30] [--workflows=10,100,1000] [--instances=10000,100000]
//          [--page-size=500] [--pause-ms=100]   (the backfill's, defaults as in config.d.ts)
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';

const require = createRequire(import.meta.url);
require('@backstage/cli/config/nodeTransform.cjs');
const knexFactory = require('knex');
const { startStandin } = require('../packages/sonataflow-standin/src/index.ts');
const B = '../plugins/orchestrator-backend/src';
const { DefaultDataIndexClient } = require(`${B}/dataIndex/DataIndexClient.ts`);
const { DefaultDefinitionCache } = require(`${B}/services/DefinitionCache.ts`);
const { DefaultWorkflowService } = require(`${B}/services/WorkflowService.ts`);
const { DefaultInstanceAccess } = require(`${B}/services/InstanceAccess.ts`);
const {
  DefaultAvailabilityService,
} = require(`${B}/services/AvailabilityService.ts`);
const {
  DefaultWorkflowRuntimeClient,
} = require(`${B}/runtime/WorkflowRuntimeClient.ts`);
const { migrateKnex } = require(`${B}/database/migrations.ts`);
const { DatabaseRunStore } = require(`${B}/runStore/RunStore.ts`);
const { DefaultRunIndex } = require(`${B}/runIndex/RunIndex.ts`);
const {
  DatabaseRunIndexStateStore,
} = require(`${B}/runIndex/RunIndexState.ts`);
const { DefaultRunIndexSync } = require(`${B}/runIndex/RunIndexSync.ts`);
const {
  DefaultIndexedOverviewService,
} = require(`${B}/runIndex/IndexedOverviewService.ts`);
const { DefaultInstanceWatcher } = require(`${B}/watcher/InstanceWatcher.ts`);
const {
  DatabaseWatcherCursorStore,
} = require(`${B}/watcher/WatcherCursorStore.ts`);

const args = Object.fromEntries(
  process.argv.slice(2).map(a => a.replace(/^--/, '').split('=')),
);
const RUNS = Number(args.runs ?? 30);
const WORKFLOWS = (args.workflows ?? '10,100,1000').split(',').map(Number);
const INSTANCES = (args.instances ?? '10000,100000').split(',').map(Number);
const PAGE_SIZE = Number(args['page-size'] ?? 500);
const PAUSE_MS = Number(args['pause-ms'] ?? 100);
const DAY = 86_400_000;
const WATCHER_INTERVAL_MS = 5000;

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
const q = (xs, p) =>
  [...xs].sort((a, b) => a - b)[
    Math.min(xs.length - 1, Math.floor(p * xs.length))
  ];

async function stack(url) {
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
  await migrateKnex(knex);
  const dataIndex = DefaultDataIndexClient.create({
    url,
    logger: silent,
    timeoutMs: 600_000,
  });
  const definitions = DefaultDefinitionCache.create({
    dataIndex,
    ttlSeconds: 3600,
  });
  const runStore = DatabaseRunStore.create({ knex });
  const index = DefaultRunIndex.create({ knex });
  const state = DatabaseRunIndexStateStore.create({ knex });
  // 90 days: the seed spreads runs over 90 days, so the backfill reads every one of them.
  const windowMs = 90 * DAY;
  const sync = DefaultRunIndexSync.create({
    dataIndex,
    index,
    state,
    definitions,
    logger: silent,
    windowMs,
    pageSize: PAGE_SIZE,
    pauseMs: PAUSE_MS,
    reconcileMs: 3600_000,
    pruneMs: 3600_000,
  });
  const watcher = DefaultInstanceWatcher.create({
    dataIndex,
    runStore,
    definitions,
    logger: silent,
    cursorStore: DatabaseWatcherCursorStore.create({ knex }),
    signals: { publish: async () => {} },
    notifications: { send: async () => {} },
    batchSize: 500,
    initialLookbackMs: 60_000,
    runIndex: sync,
  });
  const runtime = DefaultWorkflowRuntimeClient.create({ probeTimeoutMs: 2000 });
  const availability = DefaultAvailabilityService.create({
    runtime,
    cacheSeconds: 3600,
    maxBackoffSeconds: 3600,
  });
  const workflows = DefaultWorkflowService.create({
    validator: {},
    dataIndex,
    definitions,
    runtime,
    runStore,
    authorizer: admin,
    access: DefaultInstanceAccess.create({
      dataIndex,
      runStore,
      authorizer: admin,
    }),
    availability,
    durationSampleSize: 50,
    // The plugin's default (availability.listWaitMs).
    availabilityListWaitMs: 1000,
    indexedStats: DefaultIndexedOverviewService.create({
      index,
      state,
      windowMs,
    }),
  });
  return { knex, sync, watcher, workflows, definitions, availability };
}

// The workflows' services: each answers the availability probe, so the overview's
// availability comes from its cache as with healthy services (not 1000 failing probes).
const services = createServer((_req, res) => {
  res.setHeader('content-type', 'application/json');
  res.end('{}');
});
await new Promise(resolve => services.listen(0, '127.0.0.1', resolve));
const servicesUrl = `http://127.0.0.1:${services.address().port}`;
const load = () =>
  loadavg()
    .map(l => l.toFixed(1))
    .join(' ');

console.log(
  `Run index overview (${RUNS} calls each, warm caches, SQLite in memory; watcher interval ${WATCHER_INTERVAL_MS} ms; backfill pages of ${PAGE_SIZE}, ${PAUSE_MS} ms apart)`,
);
console.log(
  'workflows      runs | backfill        | overview round-trips | median ms |  p95 ms | CPU ms/call | after a tick: median / p95 / CPU ms | lag ms (tick + overview)    | load 1/5/15 min',
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
          serviceUrl: servicesUrl,
          endpoint: `${servicesUrl}/${id}`,
          nodes: [],
        });
      }
      await fetch(`${standin.url}/__standin/seed`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ count: instanceCount, seed: 7 }),
      });
      const s = await stack(standin.url);
      const t0 = performance.now();
      const backfill = await s.sync.run();
      const backfillMs = performance.now() - t0;
      await s.watcher.tick();
      const caller = { credentials: {}, initiator: 'user:default/bench' };
      // Warm: every workflow's availability known, as after the first minute of a running backend.
      const deployed = [...(await s.definitions.getAll()).values()];
      await s.availability.getMany(deployed, 600_000);
      const first = await s.workflows.listOverviews(caller, {});
      if (first.statistics?.source !== 'index')
        throw new Error('index not used');
      const times = [];
      let roundTrips = 0;
      const cpu0 = process.cpuUsage();
      for (let i = 0; i < RUNS; i++) {
        standin.stats.reset();
        const t = performance.now();
        await s.workflows.listOverviews(caller, {});
        times.push(performance.now() - t);
        roundTrips = Math.max(
          roundTrips,
          standin.stats.snapshot().graphqlRequests,
        );
      }
      const cpu = process.cpuUsage(cpu0);
      // In-process stand-in: its CPU for any Data Index request is included.
      const cpuPerCall = (cpu.user + cpu.system) / 1000 / RUNS;

      // Right after a watcher tick (the index's state row changed): the figures are counted
      // again in SQL. This is the first overview of every watcher interval.
      const afterTick = [];
      let cpuAfterTick = 0;
      for (let i = 0; i < RUNS; i++) {
        await s.sync.onChanges([]);
        const c = process.cpuUsage();
        const t = performance.now();
        await s.workflows.listOverviews(caller, {});
        afterTick.push(performance.now() - t);
        const used = process.cpuUsage(c);
        cpuAfterTick += (used.user + used.system) / 1000 / RUNS;
      }

      // Lag: a run completes in the Data Index; the next watcher tick makes it visible.
      const target = 'wf-0000';
      const before = (
        await s.workflows.listOverviews(caller, {})
      ).overviews.find(o => o.workflowId === target).stats.runsLastMonth;
      standin.store.putInstance({
        id: `lag-${workflowCount}-${instanceCount}`,
        processId: target,
        processName: target,
        version: '1.0',
        state: 'COMPLETED',
        serviceUrl: standin.url,
        endpoint: `${standin.url}/${target}`,
        nodes: [],
        variables: {},
        start: Date.now() - 10,
        end: Date.now(),
        lastUpdate: Date.now(),
        executionSummary: [],
      });
      const l0 = performance.now();
      await s.watcher.tick();
      const after = (
        await s.workflows.listOverviews(caller, {})
      ).overviews.find(o => o.workflowId === target).stats.runsLastMonth;
      const lagMs = performance.now() - l0;
      if (after !== before + 1)
        throw new Error(`lag check: ${before} -> ${after}`);
      console.log(
        `${String(workflowCount).padStart(9)} ${String(instanceCount).padStart(
          9,
        )} | ${(backfillMs / 1000).toFixed(1).padStart(6)} s ${String(
          backfill.scanned,
        ).padStart(6)} rows | ${String(roundTrips).padStart(20)} | ${q(
          times,
          0.5,
        )
          .toFixed(1)
          .padStart(9)} | ${q(times, 0.95)
          .toFixed(1)
          .padStart(7)} | ${cpuPerCall.toFixed(1).padStart(11)} | ${[
          q(afterTick, 0.5),
          q(afterTick, 0.95),
          cpuAfterTick,
        ]
          .map(v => v.toFixed(1))
          .join(' / ')
          .padStart(35)} | ${lagMs
          .toFixed(0)
          .padStart(5)} (+ up to one interval) | ${load()}`,
      );
      await s.knex.destroy();
    } finally {
      await standin.close();
    }
  }
}
services.close();
