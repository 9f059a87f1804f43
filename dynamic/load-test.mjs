#!/usr/bin/env node
// `yarn test:dynamic`: the exported dynamic plugins (dynamic-plugins/dist/, from
// `yarn export:dynamic`) loaded by throwaway Backstage hosts through dynamicPluginsFeatureLoader,
// as RHDH loads them: one host pinned to RHDH 1.8's Backstage line (1.42.x), one on the
// workspace's current versions (dynamic/hosts/*/package.json + package-lock.json). The hosts
// are installed outside the repository, under Yarn's cache folder (readiness.mjs), with `npm ci`
// and an npm cache kept next to them, and re-used while their lock file is unchanged.
// Checks per host: the plugins loaded, /api/orchestrator/health, the workflows overview against
// the stand-in, a run started through the dynamically loaded backend and seen COMPLETED, its log
// lines through the dynamically loaded Loki module (the stand-in as Loki), both scaffolder
// actions listed, a scaffolder dry run of examples/templates/run-greeting.
// Frontend, per host: the exported scalprum bundles of the Orchestrator and form-widgets plugins
// rendered in Chromium by a host app sharing its modules with them (dynamic/frontend/), against
// that host's backend: OrchestratorPage, the entity Workflows tab and the run form's widgets.
// The RHDH 1.8 host's page shares RHDH 1.8's frontend packages (dynamic/hosts/rhdh-1.8-app),
// the current host's page the workspace's.
// Also checks that the generated dynamic-plugins fragment matches the root dynamic-plugins.yaml.
// Ends with a plain `N passed, N failed` line. `--host rhdh-1.8|current` runs one host;
// `--report <file>` also writes {passed, failed, skipped} as JSON; `--if-ready` skips (one
// skipped test) unless the hosts are installed and the export is up to date (readiness.mjs).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import { frontendChecks } from './frontend/check.mjs';
import {
  APP_HOST,
  dist,
  hostInstalled,
  hostsDir,
  npmCacheDir,
  lockHash,
  notReadyReason,
  stampFile,
} from './readiness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const args = process.argv.slice(2);
const onlyHost = args.includes('--host')
  ? args[args.indexOf('--host') + 1]
  : undefined;
const HOSTS = ['rhdh-1.8', 'current'].filter(h => !onlyHost || h === onlyHost);
const reportFile = args.includes('--report')
  ? path.resolve(args[args.indexOf('--report') + 1])
  : undefined;
const STANDIN_PORT = 18899;
const TOKEN = randomBytes(24).toString('base64url');
const results = [];
const started = Date.now();

const secs = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
function check(name, ok, detail = '') {
  results.push({ name, ok });
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''}`);
}
async function attempt(name, fn) {
  try {
    const detail = await fn();
    check(name, true, detail);
  } catch (error) {
    check(name, false, error.message);
  }
}
const sleep = ms => new Promise(r => setTimeout(r, ms));

function sh(cmd, cmdArgs, options = {}) {
  const r = spawnSync(cmd, cmdArgs, {
    stdio: 'inherit',
    ...options,
  });
  if (r.status !== 0)
    throw new Error(`${cmd} ${cmdArgs.join(' ')} exited ${r.status}`);
  return r;
}

function startProcess(name, cmd, cmdArgs, options) {
  const log = fs.openSync(path.join(options.logDir, `${name}.log`), 'w');
  const child = spawn(cmd, cmdArgs, {
    ...options,
    detached: true,
    stdio: ['ignore', log, log],
  });
  child.logFile = path.join(options.logDir, `${name}.log`);
  return child;
}
function stopProcess(child) {
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

async function waitFor(url, timeoutMs, child) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child?.exitCode !== null && child?.exitCode !== undefined) {
      throw new Error(`exited with ${child.exitCode}`);
    }
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not yet listening
    }
    await sleep(500);
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/** The generated fragment lists the root file's entries with the same config. */
function checkFragment() {
  const fragment = yaml.load(
    fs.readFileSync(path.join(dist, 'dynamic-plugins.generated.yaml'), 'utf8'),
  );
  const rootDoc = yaml.load(
    fs.readFileSync(path.join(root, 'dynamic-plugins.yaml'), 'utf8'),
  );
  const key = p => path.basename(p.package).replace(/-\d+\.\d+\.\d+\.tgz$/, '');
  const generated = new Map(fragment.plugins.map(p => [key(p), p]));
  const problems = [];
  for (const entry of rootDoc.plugins) {
    const g = generated.get(key(entry));
    if (!g) problems.push(`${key(entry)} missing`);
    else if (
      JSON.stringify(g.pluginConfig ?? null) !==
      JSON.stringify(entry.pluginConfig ?? null)
    )
      problems.push(`${key(entry)} pluginConfig differs`);
    else if (g.package.endsWith('.tgz') && !/^sha512-/.test(g.integrity))
      problems.push(`${key(entry)} has no sha512 integrity`);
  }
  if (generated.size !== rootDoc.plugins.length)
    problems.push(
      `${generated.size} generated entries vs ${rootDoc.plugins.length}`,
    );
  if (problems.length) throw new Error(problems.join('; '));
  return `${rootDoc.plugins.length} entries, ${
    fragment.plugins.filter(p => p.integrity).length
  } with integrity`;
}

/**
 * The frontend export as RHDH's app reads it: a scalprum manifest under our scalprum name that
 * exposes PluginRoot, and the remote entry it points at. (Static; rendering OrchestratorPage
 * from it in a browser is not part of this test yet.)
 */
function checkFrontendBundle() {
  const tgz = fs
    .readdirSync(dist)
    .find(f =>
      /^orchestrator-suite-backstage-plugin-orchestrator-dynamic-\d/.test(f),
    );
  if (!tgz) throw new Error('no frontend tarball in dynamic-plugins/dist');
  const list = spawnSync('tar', ['tzf', path.join(dist, tgz)], {
    encoding: 'utf8',
  }).stdout.split('\n');
  const manifestPath = list.find(f =>
    f.endsWith('dist-scalprum/plugin-manifest.json'),
  );
  if (!manifestPath)
    throw new Error(`${tgz} has no dist-scalprum/plugin-manifest.json`);
  const manifest = JSON.parse(
    spawnSync('tar', ['xzOf', path.join(dist, tgz), manifestPath], {
      encoding: 'utf8',
    }).stdout,
  );
  if (manifest.name !== 'orchestrator-suite.backstage-plugin-orchestrator')
    throw new Error(`scalprum name ${manifest.name}`);
  const entry = manifest.loadScripts?.[0];
  const entryPath = list.find(f => f.endsWith(`dist-scalprum/${entry}`));
  if (!entry || !entryPath) throw new Error(`remote entry ${entry} missing`);
  // The container's module map names what it exposes (the manifest itself does not).
  const code = spawnSync('tar', ['xzOf', path.join(dist, tgz), entryPath], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  }).stdout;
  if (!code.includes('PluginRoot'))
    throw new Error(`remote entry ${entry} does not expose PluginRoot`);
  return `${manifest.name}, remote entry ${entry} exposes PluginRoot`;
}

/** `npm ci` into the host folder unless the same lock file is installed there. */
function installHost(name) {
  if (hostInstalled(name)) return 'already installed';
  const src = path.join(here, 'hosts', name);
  const dir = path.join(hostsDir, name);
  fs.mkdirSync(dir, { recursive: true });
  for (const f of ['package.json', 'package-lock.json', '.npmrc']) {
    if (fs.existsSync(path.join(src, f)))
      fs.copyFileSync(path.join(src, f), path.join(dir, f));
  }
  fs.rmSync(path.join(dir, 'node_modules'), { recursive: true, force: true });
  const t = Date.now();
  sh('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: dir,
    env: { ...process.env, npm_config_cache: npmCacheDir },
  });
  fs.writeFileSync(stampFile(name), lockHash(name));
  return `npm ci in ${((Date.now() - t) / 1000).toFixed(0)} s`;
}

/** Unpacks every exported tarball into the host's dynamic plugins root, as RHDH's installer does. */
function installPlugins(dir) {
  const pluginsRoot = path.join(dir, 'dynamic-plugins-root');
  fs.rmSync(pluginsRoot, { recursive: true, force: true });
  fs.mkdirSync(pluginsRoot);
  const tarballs = fs.readdirSync(dist).filter(f => f.endsWith('.tgz'));
  for (const tgz of tarballs) {
    const target = path.join(pluginsRoot, tgz.replace(/\.tgz$/, ''));
    fs.mkdirSync(target);
    sh('tar', [
      'xzf',
      path.join(dist, tgz),
      '-C',
      target,
      '--strip-components=1',
    ]);
  }
  return tarballs;
}

function writeConfig(dir, port, database) {
  const config = {
    app: { baseUrl: 'http://localhost:3000' },
    backend: {
      baseUrl: `http://localhost:${port}`,
      listen: { port },
      database,
      auth: {
        externalAccess: [
          { type: 'static', options: { token: TOKEN, subject: 'load-test' } },
        ],
      },
    },
    dynamicPlugins: { rootDirectory: 'dynamic-plugins-root' },
    permission: { enabled: true },
    orchestrator: {
      dataIndexService: { url: `http://localhost:${STANDIN_PORT}` },
      // The stand-in answers Loki's query_range with its runs' lines.
      workflowLogProvider: {
        loki: { baseUrl: `http://localhost:${STANDIN_PORT}` },
      },
    },
  };
  fs.writeFileSync(path.join(dir, 'app-config.yaml'), yaml.dump(config));
}

async function api(port, method, p, body) {
  const res = await fetch(`http://localhost:${port}${p}`, {
    method,
    headers: {
      Authorization: `Bearer ${TOKEN}`,
      ...(body ? { 'Content-Type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  if (!res.ok)
    throw new Error(
      `${method} ${p} answered ${res.status}: ${text.slice(0, 300)}`,
    );
  return json;
}

/** The name the stand-in gives the greeting workflow, which the pages must show. */
async function greetingName(port) {
  try {
    const body = await api(
      port,
      'POST',
      '/api/orchestrator/v2/workflows/overview',
      {},
    );
    return (
      body.overviews.find(o => o.workflowId === 'greeting')?.name ?? 'greeting'
    );
  } catch {
    return 'greeting';
  }
}

async function runChecks(name, port, child) {
  const label = s => `[${name}] ${s}`;
  await attempt(label('backend starts with the dynamic plugins'), async () => {
    await waitFor(
      `http://localhost:${port}/.backstage/health/v1/readiness`,
      240_000,
      child,
    );
    const log = fs.readFileSync(child.logFile, 'utf8');
    const loaded = [
      ...log.matchAll(/loaded dynamic backend plugin '([^']+)'/g),
    ].map(m => m[1]);
    const want = [
      '@orchestrator-suite/backstage-plugin-orchestrator-backend-dynamic',
      '@orchestrator-suite/backstage-plugin-scaffolder-backend-module-orchestrator-dynamic',
      '@orchestrator-suite/backstage-plugin-orchestrator-backend-module-loki-dynamic',
    ];
    const missing = want.filter(w => !loaded.includes(w));
    if (missing.length) throw new Error(`not loaded: ${missing.join(', ')}`);
    return `ready after ${secs()}, loaded ${loaded.length} backend plugins`;
  });
  await attempt(label('GET /api/orchestrator/health'), async () => {
    const res = await fetch(`http://localhost:${port}/api/orchestrator/health`);
    if (res.status !== 200) throw new Error(`status ${res.status}`);
  });
  await attempt(label('workflows overview from the stand-in'), async () => {
    const body = await api(
      port,
      'POST',
      '/api/orchestrator/v2/workflows/overview',
      {},
    );
    const ids = body.overviews.map(o => o.workflowId);
    if (!ids.includes('greeting')) throw new Error(`got ${ids.join(', ')}`);
    return `${ids.length} workflows`;
  });
  let completedRun;
  await attempt(label('a run started and seen COMPLETED'), async () => {
    const { id } = await api(
      port,
      'POST',
      '/api/orchestrator/v2/workflows/greeting/execute',
      { inputData: { name: 'Dynamic', language: 'English' } },
    );
    const deadline = Date.now() + 60_000;
    let state;
    while (Date.now() < deadline) {
      const body = await api(
        port,
        'GET',
        `/api/orchestrator/v2/workflows/instances/${id}`,
      );
      state = body.instance?.state ?? body.state;
      if (state === 'COMPLETED') {
        completedRun = id;
        return `run ${id}`;
      }
      if (state === 'ERROR' || state === 'ABORTED')
        throw new Error(`run ${id} ended ${state}`);
      await sleep(500);
    }
    throw new Error(`run ${id} still ${state} after 60 s`);
  });
  await attempt(
    label('run logs through the dynamically loaded Loki module'),
    async () => {
      if (!completedRun) throw new Error('no completed run to read');
      const body = await api(
        port,
        'GET',
        `/api/orchestrator/v2/workflows/instances/${completedRun}/logs`,
      );
      const last = body.logs?.[body.logs.length - 1]?.log ?? '';
      if (body.provider !== 'loki' || !/is COMPLETED$/.test(last))
        throw new Error(`got ${JSON.stringify(body).slice(0, 300)}`);
      return `${body.logs.length} lines`;
    },
  );
  await attempt(
    label('scaffolder lists both orchestrator actions'),
    async () => {
      const actions = await api(port, 'GET', '/api/scaffolder/v2/actions');
      const ids = actions.map(a => a.id);
      const want = [
        'orchestrator:workflow:run',
        'orchestrator:workflow:get_params',
      ];
      const missing = want.filter(w => !ids.includes(w));
      if (missing.length) throw new Error(`missing ${missing.join(', ')}`);
    },
  );
  await attempt(
    label('scaffolder dry run of examples/templates/run-greeting'),
    async () => {
      const dir = path.join(root, 'examples/templates/run-greeting');
      const file = fs.readdirSync(dir).find(f => /\.ya?ml$/.test(f));
      const template = yaml.load(fs.readFileSync(path.join(dir, file), 'utf8'));
      const body = await api(port, 'POST', '/api/scaffolder/v2/dry-run', {
        template,
        values: {
          name: 'Dynamic',
          language: 'English',
          component: 'component:default/example',
        },
        secrets: {},
        directoryContents: [],
      });
      const step = body.steps?.find(s => s.id === 'greet');
      if (!step)
        throw new Error(
          `no greet step in ${JSON.stringify(body).slice(0, 300)}`,
        );
      const failed = (body.log ?? []).find(l => l.body?.status === 'failed');
      if (failed) throw new Error(`step failed: ${failed.body.message}`);
      return `${body.log?.length ?? 0} log lines`;
    },
  );
}

async function main() {
  if (args.includes('--if-ready')) {
    const reason = notReadyReason();
    if (reason) {
      console.log(
        `dynamic load test SKIPPED: ${reason} (\`yarn export:dynamic && yarn test:dynamic\` exports, installs the hosts and tests)`,
      );
      console.log('0 passed, 0 failed, 1 skipped');
      if (reportFile)
        fs.writeFileSync(
          reportFile,
          JSON.stringify({ passed: 0, failed: 0, skipped: 1 }),
        );
      return;
    }
  }
  const logDir = path.join(hostsDir, 'logs');
  fs.mkdirSync(logDir, { recursive: true });
  if (
    !fs.existsSync(dist) ||
    !fs.readdirSync(dist).some(f => f.endsWith('.tgz'))
  ) {
    console.log('no export yet: yarn export:dynamic');
    sh('node', [path.join(root, 'scripts/export-dynamic.mjs')], { cwd: root });
  } else {
    const reason = notReadyReason() ?? '';
    if (/export is older/.test(reason))
      console.log(
        `NOTE: ${reason}; testing it anyway (\`yarn export:dynamic\` first to test the current code)`,
      );
  }
  await attempt('generated fragment matches dynamic-plugins.yaml', async () =>
    checkFragment(),
  );
  await attempt('frontend tarball holds the scalprum bundle', async () =>
    checkFrontendBundle(),
  );

  const pg = spawnSync(
    'bash',
    [path.join(root, 'scripts/postgres.sh'), 'start'],
    {
      encoding: 'utf8',
    },
  );
  const conn = /=(postgresql:\/\/\S+)/.exec(pg.stdout ?? '')?.[1];
  if (!conn) throw new Error('PostgreSQL did not start (scripts/postgres.sh)');

  const standin = startProcess(
    'standin',
    'yarn',
    [
      'workspace',
      '@orchestrator-suite/sonataflow-standin',
      'start',
      '--port',
      String(STANDIN_PORT),
    ],
    { cwd: root, logDir, env: process.env },
  );
  try {
    await waitFor(
      `http://localhost:${STANDIN_PORT}/graphql?query=%7B__typename%7D`,
      120_000,
      standin,
    ).catch(async () =>
      waitFor(`http://localhost:${STANDIN_PORT}/`, 5_000, standin),
    );
    let port = 17107;
    for (const name of HOSTS) {
      const dir = path.join(hostsDir, name);
      await attempt(
        `[${name}] host installed from its pinned manifest`,
        async () =>
          [name, APP_HOST[name]]
            .filter(Boolean)
            .map(h => `${h}: ${installHost(h)}`)
            .join(', '),
      );
      const tarballs = installPlugins(dir);
      fs.copyFileSync(
        path.join(here, 'host-backend.cjs'),
        path.join(dir, 'host-backend.cjs'),
      );
      const prefix = `dyn_${name.replace(/\W/g, '')}_${Date.now()}_`;
      writeConfig(dir, port, {
        client: 'pg',
        connection: conn,
        prefix,
      });
      const host = startProcess(
        name,
        process.execPath,
        // As RHDH's image runs it: the scaffolder's isolated-vm sandbox (template rendering,
        // dry runs) refuses to work on Node 20+ with V8's startup snapshot.
        [
          '--no-node-snapshot',
          path.join(dir, 'host-backend.cjs'),
          '--config',
          'app-config.yaml',
        ],
        { cwd: dir, logDir, env: process.env },
      );
      console.log(
        `[${name}] ${tarballs.length} plugins, host log ${host.logFile}`,
      );
      try {
        await runChecks(name, port, host);
        const artifactsDir = path.join(logDir, name);
        fs.mkdirSync(artifactsDir, { recursive: true });
        await frontendChecks({
          attempt,
          label: s => `[${name}] ${s}`,
          pluginsRoot: path.join(dir, 'dynamic-plugins-root'),
          backendPort: port,
          standinPort: STANDIN_PORT,
          serverPort: port + 100,
          token: TOKEN,
          artifactsDir,
          workflowName: await greetingName(port),
          appModulesRoot: APP_HOST[name] && path.join(hostsDir, APP_HOST[name]),
        });
      } finally {
        stopProcess(host);
      }
      port += 1;
    }
  } finally {
    stopProcess(standin);
  }
  const passed = results.filter(r => r.ok).length;
  const failed = results.length - passed;
  console.log(`dynamic load test took ${secs()}`);
  console.log(`${passed} passed, ${failed} failed`);
  if (reportFile)
    fs.writeFileSync(
      reportFile,
      JSON.stringify({ passed, failed, skipped: 0 }),
    );
  process.exit(failed ? 1 : 0);
}

main().catch(error => {
  console.error(error);
  const passed = results.filter(r => r.ok).length;
  const failed = results.filter(r => !r.ok).length + 1;
  console.log(`${passed} passed, ${failed} failed`);
  if (reportFile)
    fs.writeFileSync(
      reportFile,
      JSON.stringify({ passed, failed, skipped: 0 }),
    );
  process.exit(1);
});
