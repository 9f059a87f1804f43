// Seeds the SonataFlow stand-in with N historic instances and times GraphQL
// page queries over them, the way the backend asks (one round-trip per page).
// Usage: node bench/standin-seed.mjs [N=100000] [runs=20]
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
require('@backstage/cli/config/nodeTransform.cjs');
const { startStandin } = require('../packages/sonataflow-standin/src/index.ts');

const N = Number(process.argv[2] ?? 100_000);
const RUNS = Number(process.argv[3] ?? 20);
const workflowsDir = new URL('../workflows', import.meta.url).pathname;

const LIST = `query Page($where: ProcessInstanceArgument, $orderBy: ProcessInstanceOrderBy, $pagination: Pagination) {
  ProcessInstances(where: $where, orderBy: $orderBy, pagination: $pagination) {
    id processId processName state start end lastUpdate businessKey
  }
  CountProcessInstances(where: $where)
}`;

const CASES = {
  'page 1, newest first': {
    orderBy: { start: 'DESC' },
    pagination: { limit: 20, offset: 0 },
  },
  'page 50, newest first': {
    orderBy: { start: 'DESC' },
    pagination: { limit: 20, offset: 980 },
  },
  'one workflow + state IN': {
    where: {
      and: [
        { processId: { equal: 'greeting' } },
        { state: { in: ['ERROR', 'ACTIVE'] } },
      ],
    },
    orderBy: { lastUpdate: 'DESC' },
    pagination: { limit: 20, offset: 0 },
  },
  'variables.initiatorEntity (owner filter)': {
    where: { variables: { initiatorEntity: { equal: 'user:default/user-3' } } },
    orderBy: { start: 'DESC' },
    pagination: { limit: 20, offset: 0 },
  },
};

function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const q = p => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return `median ${q(0.5).toFixed(1)} ms, p95 ${q(0.95).toFixed(1)} ms`;
}

const standin = await startStandin({ port: 0, workflowsDir });
try {
  const t0 = performance.now();
  const res = await fetch(`${standin.url}/__standin/seed`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ count: N }),
  });
  const seeded = await res.json();
  const seedMs = performance.now() - t0;
  console.log(
    `seed: ${seeded.created} instances in ${
      seeded.ms
    } ms inside the server (${seedMs.toFixed(0)} ms incl. HTTP)`,
  );

  for (const [name, variables] of Object.entries(CASES)) {
    const samples = [];
    let total;
    let rows;
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      const r = await fetch(`${standin.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: LIST, variables }),
      });
      const body = await r.json();
      samples.push(performance.now() - t);
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      total = body.data.CountProcessInstances;
      rows = body.data.ProcessInstances.length;
    }
    console.log(
      `query ${name}: ${rows} rows of ${total}, page + count in 1 round-trip: ${stats(
        samples,
      )} over ${RUNS} runs`,
    );
  }
  const s = standin.stats.snapshot();
  console.log(
    `GraphQL round-trips: ${s.graphqlRequests} (fields: ${JSON.stringify(
      s.graphqlFields,
    )})`,
  );
} finally {
  await standin.close();
}
