// Load: N concurrent clients for a bounded time against a real backend process (started here,
// default plugin timeouts) on the stand-in (also started here, seeded), each looping over a
// realistic mix: workflow overview, run lists with filters, one run, starts, aborts. Prints
// requests, errors by status, p50/p95/p99 per route, and CPU and RSS of both processes.
// Exits 1 when any request failed. Not part of CI.
//
// Usage: node bench/load.mjs [--clients=50] [--seconds=120] [--seed=2000]
//          [--backend-port=7107] [--standin-port=8999]
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = Object.fromEntries(
  process.argv.slice(2).map(a => a.replace(/^--/, '').split('=')),
);
const CLIENTS = Number(args.clients ?? 50);
const SECONDS = Number(args.seconds ?? 120);
const SEED = Number(args.seed ?? 2000);
const BACKEND_PORT = Number(args['backend-port'] ?? 7107);
const STANDIN_PORT = Number(args['standin-port'] ?? 8999);
const backendUrl = `http://localhost:${BACKEND_PORT}`;
const standinUrl = `http://localhost:${STANDIN_PORT}`;
const api = `${backendUrl}/api/orchestrator`;
const TICKS = 100; // clock ticks per second of /proc/<pid>/stat (USER_HZ on Linux)

const work = mkdtempSync(path.join(tmpdir(), 'orchestrator-load-'));
const children = [];

function start(name, script, scriptArgs, cwd) {
  const log = path.join(work, `${name}.log`);
  const child = spawn(
    'bash',
    [
      '-c',
      `exec node -r @backstage/cli/config/nodeTransform.cjs ${script} ${scriptArgs.join(
        ' ',
      )} > "${log}" 2>&1`,
    ],
    { cwd, detached: true, env: { ...process.env, NODE_ENV: 'production' } },
  );
  children.push(child);
  return { child, log };
}
function stopAll() {
  for (const child of children) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}
process.on('exit', stopAll);
process.on('SIGINT', () => process.exit(130));

async function waitFor(url, ms, log) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise(r => setTimeout(r, 500));
  }
  throw new Error(`${url} did not come up; see ${log}`);
}

/** CPU seconds (user + system) and RSS in MB of one process. */
function usage(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const cpu = (Number(fields[11]) + Number(fields[12])) / TICKS;
  const rss = Number(
    /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1],
  );
  return { cpu, rssMb: rss / 1024 };
}

const config = path.join(work, 'app-config.load.yaml');
writeFileSync(
  config,
  [
    'app:',
    `  baseUrl: ${backendUrl}`,
    'backend:',
    `  baseUrl: ${backendUrl}`,
    '  listen:',
    `    port: ${BACKEND_PORT}`,
    '  cors:',
    `    origin: ${backendUrl}`,
    'orchestrator:',
    '  dataIndexService:',
    `    url: ${standinUrl}`,
    '',
  ].join('\n'),
);

const standin = start(
  'standin',
  'src/main.ts',
  ['--port', STANDIN_PORT, '--seed', SEED],
  path.join(root, 'packages/sonataflow-standin'),
);
const backend = start(
  'backend',
  'src/index.ts',
  ['--config', path.join(root, 'app-config.yaml'), '--config', config],
  path.join(root, 'packages/backend'),
);
await waitFor(`${standinUrl}/graphql`, 120_000, standin.log);
await waitFor(`${api}/health`, 240_000, backend.log);

const { backstageIdentity } = await (
  await fetch(`${backendUrl}/api/auth/guest/refresh`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  })
).json();
const headers = {
  authorization: `Bearer ${backstageIdentity.token}`,
  'content-type': 'application/json',
};

// Per route: latencies (ms) and answers by status.
const routes = new Map();
function record(route, ms, status) {
  let r = routes.get(route);
  if (!r) {
    r = { ms: [], statuses: new Map() };
    routes.set(route, r);
  }
  r.ms.push(ms);
  r.statuses.set(status, (r.statuses.get(status) ?? 0) + 1);
}
async function call(route, method, url, body) {
  const t0 = performance.now();
  let status;
  let json;
  try {
    const res = await fetch(url, {
      method,
      headers,
      body: body ? JSON.stringify(body) : undefined,
    });
    status = res.status;
    json = await res.json().catch(() => undefined);
  } catch (error) {
    status = `network (${error.cause?.code ?? error.message})`;
  }
  record(route, performance.now() - t0, status);
  return { status, json };
}

const pick = xs => xs[Math.floor(Math.random() * xs.length)];
const STATES = ['ACTIVE', 'COMPLETED', 'ERROR', 'ABORTED', 'PENDING'];
const seenRuns = [];
const myActiveRuns = [];

// A user's session: mostly reads (lists dominate, as on the All runs page), some starts, and
// aborts of runs this client started (long-running ones, still active when aborted).
async function step() {
  const r = Math.random();
  if (r < 0.2) {
    await call('POST overview', 'POST', `${api}/v2/workflows/overview`, {
      paginationInfo: { pageSize: 20, offset: 0, orderBy: 'name' },
    });
  } else if (r < 0.55) {
    const filters = pick([
      undefined,
      { field: 'state', operator: 'IN', value: [pick(STATES), pick(STATES)] },
      {
        field: 'processId',
        operator: 'EQ',
        value: pick(['greeting', 'long-running', 'failing']),
      },
      {
        operator: 'AND',
        filters: [
          { field: 'state', operator: 'EQ', value: pick(STATES) },
          {
            field: 'start',
            operator: 'GTE',
            value: new Date(Date.now() - 7 * 86_400_000).toISOString(),
          },
        ],
      },
    ]);
    const { json } = await call(
      'POST instances',
      'POST',
      `${api}/v2/workflows/instances`,
      {
        paginationInfo: {
          pageSize: 20,
          offset: pick([0, 0, 0, 20, 40, 100]),
          orderBy: 'start',
          orderDirection: 'DESC',
        },
        ...(filters ? { filters } : {}),
      },
    );
    for (const item of json?.items?.slice(0, 3) ?? []) {
      if (seenRuns.length < 2000) seenRuns.push(item.id);
      else seenRuns[Math.floor(Math.random() * seenRuns.length)] = item.id;
    }
  } else if (r < 0.8) {
    if (seenRuns.length === 0) return;
    await call(
      'GET instance',
      'GET',
      `${api}/v2/workflows/instances/${encodeURIComponent(pick(seenRuns))}`,
    );
  } else if (r < 0.95) {
    const long = Math.random() < 0.4;
    const { json, status } = await call(
      'POST execute',
      'POST',
      `${api}/v2/workflows/${long ? 'long-running' : 'greeting'}/execute`,
      {
        inputData: long
          ? { steps: 60 }
          : { name: 'Load', language: pick(['English', 'Spanish']) },
        idempotencyKey: `load-${crypto.randomUUID()}`,
      },
    );
    if (long && status === 200 && json?.id) myActiveRuns.push(json.id);
  } else {
    const id = myActiveRuns.shift();
    if (!id) return;
    await call(
      'DELETE abort',
      'DELETE',
      `${api}/v2/workflows/instances/${encodeURIComponent(id)}/abort`,
    );
  }
}

async function client(until) {
  while (Date.now() < until) {
    await step();
    // A person reads before the next click; short, so 50 clients keep the backend busy.
    await new Promise(r => setTimeout(r, 50 + Math.random() * 150));
  }
}

const q = (xs, p) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))];
const before = {
  backend: usage(backend.child.pid),
  standin: usage(standin.child.pid),
};
// bash exec'd into node, so the spawned pid is the node process itself.
const load0 = loadavg()
  .map(l => l.toFixed(2))
  .join(' ');
const t0 = Date.now();
let peak = { backend: 0, standin: 0 };
const sampler = setInterval(() => {
  peak = {
    backend: Math.max(peak.backend, usage(backend.child.pid).rssMb),
    standin: Math.max(peak.standin, usage(standin.child.pid).rssMb),
  };
}, 1000);
await Promise.all(
  Array.from({ length: CLIENTS }, () => client(t0 + SECONDS * 1000)),
);
clearInterval(sampler);
const elapsed = (Date.now() - t0) / 1000;
const after = {
  backend: usage(backend.child.pid),
  standin: usage(standin.child.pid),
};

let total = 0;
const errors = new Map();
console.log(
  `Load: ${CLIENTS} clients x ${SECONDS} s against ${backendUrl} (default plugin timeouts) on the stand-in seeded with ${SEED} runs`,
);
console.log(
  `load average at start ${load0}, at end ${loadavg()
    .map(l => l.toFixed(2))
    .join(' ')} (${cpus().length} cores)`,
);
console.log('route            requests   p50 ms   p95 ms   p99 ms   statuses');
for (const [route, r] of [...routes].sort()) {
  const ms = r.ms.sort((a, b) => a - b);
  total += ms.length;
  for (const [status, n] of r.statuses) {
    if (status !== 200 && status !== 201)
      errors.set(
        `${route} ${status}`,
        (errors.get(`${route} ${status}`) ?? 0) + n,
      );
  }
  console.log(
    `${route.padEnd(16)} ${String(ms.length).padStart(8)} ${q(ms, 0.5)
      .toFixed(0)
      .padStart(8)} ${q(ms, 0.95).toFixed(0).padStart(8)} ${q(ms, 0.99)
      .toFixed(0)
      .padStart(8)}   ${[...r.statuses]
      .map(([s, n]) => `${s}: ${n}`)
      .join(', ')}`,
  );
}
const errorCount = [...errors.values()].reduce((a, b) => a + b, 0);
console.log(
  `total ${total} requests in ${elapsed.toFixed(0)} s (${(
    total / elapsed
  ).toFixed(0)}/s), ${errorCount} errors${
    errorCount
      ? `: ${[...errors].map(([k, n]) => `${k} x${n}`).join(', ')}`
      : ''
  }`,
);
for (const name of ['backend', 'standin']) {
  const cpu = after[name].cpu - before[name].cpu;
  console.log(
    `${name.padEnd(8)} CPU ${cpu.toFixed(1)} s (${(
      (cpu / elapsed) *
      100
    ).toFixed(0)}% of one core), RSS ${after[name].rssMb.toFixed(
      0,
    )} MB at end, peak ${peak[name].toFixed(0)} MB`,
  );
}
console.log(`logs: ${work}`);
stopAll();
process.exit(errorCount ? 1 : 0);
