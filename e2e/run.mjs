#!/usr/bin/env node
// Browser journeys against the whole suite: the SonataFlow stand-in with the sample workflows,
// the backend (serving the production build of the app) and Debian's Chromium driven by
// playwright-core. Usage: node e2e/run.mjs [--report=file.json] [--no-build] [journey-name-filter]
import { spawn, spawnSync, execSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  writeFileSync,
  mkdtempSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const argv = process.argv.slice(2);
const reportFile = argv.find(a => a.startsWith('--report='))?.slice(9);
const filter = argv.find(a => !a.startsWith('--'));
const backendUrl = 'http://localhost:7007';
const standinUrl = 'http://localhost:8899';
const artifacts = path.join(here, 'artifacts');
mkdirSync(artifacts, { recursive: true });

const results = { passed: 0, failed: 0, skipped: 0, journeys: [] };
const processes = [];

function report() {
  if (reportFile) writeFileSync(reportFile, JSON.stringify(results, null, 2));
  console.log(
    `e2e: ${results.passed} passed, ${results.failed} failed, ${results.skipped} skipped`,
  );
}

function start(name, args, env = {}) {
  const log = path.join(artifacts, `${name}.log`);
  const child = spawn(
    'bash',
    ['-c', `exec yarn ${args.join(' ')} > "${log}" 2>&1`],
    {
      cwd: root,
      detached: true,
      env: { ...process.env, ...env },
    },
  );
  processes.push(child);
  return child;
}

function stopAll() {
  for (const child of processes) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}
process.on('exit', stopAll);
process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));

async function waitFor(url, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise(r => setTimeout(r, 500));
  }
  throw new Error(
    `${url} did not come up within ${ms / 1000}s (logs in e2e/artifacts)`,
  );
}

function chromiumPath() {
  try {
    return execSync('command -v chromium', { shell: '/bin/bash' })
      .toString()
      .trim();
  } catch {
    return undefined;
  }
}

async function main() {
  const executablePath = chromiumPath();
  if (!executablePath) {
    results.failed += 1;
    results.journeys.push({
      name: 'setup',
      ok: false,
      error: 'chromium not installed (apt-get install -y chromium)',
    });
    console.error(
      'e2e: chromium is not installed; `.ci/run` installs it (apt-get install -y chromium)',
    );
    return;
  }
  for (const url of [backendUrl, standinUrl]) {
    const busy = await fetch(url).then(
      () => true,
      () => false,
    );
    if (busy)
      throw new Error(
        `${url} is already in use; stop \`yarn start\` before running the browser journeys`,
      );
  }
  if (
    !argv.includes('--no-build') ||
    !existsSync(path.join(root, 'packages/app/dist/index.html'))
  ) {
    console.log('e2e: building the app (log in e2e/artifacts/app-build.log)');
    const build = spawnSync(
      'bash',
      ['-c', `yarn workspace app build > "${artifacts}/app-build.log" 2>&1`],
      { cwd: root },
    );
    if (build.status !== 0)
      throw new Error('app build failed, see e2e/artifacts/app-build.log');
  }
  start('standin', ['start:standin']);
  // `serve` runs the backend once, without the dev watcher that restarts it on file changes.
  start('backend', [
    'workspace',
    'backend',
    'serve',
    '--config',
    '../../app-config.yaml',
    '--config',
    '../../e2e/app-config.e2e.yaml',
  ]);
  await waitFor(`${standinUrl}/graphql`, 60_000);
  await waitFor(`${backendUrl}/.backstage/health/v1/readiness`, 120_000);
  await waitFor(`${backendUrl}/api/orchestrator/health`, 30_000);

  const journeyFiles = readdirSync(path.join(here, 'journeys'))
    .filter(f => f.endsWith('.mjs'))
    .filter(f => !filter || f.includes(filter))
    .sort();
  for (const file of journeyFiles) {
    const journey = await import(
      pathToFileURL(path.join(here, 'journeys', file)).href
    );
    const name = file.replace(/\.mjs$/, '');
    const context = await chromium.launchPersistentContext(
      mkdtempSync(path.join(tmpdir(), 'e2e-chromium-')),
      {
        executablePath,
        headless: true,
        viewport: { width: 1400, height: 1000 },
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      },
    );
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(20_000);
    const started = Date.now();
    try {
      await journey.default({
        page,
        baseUrl: backendUrl,
        standinUrl,
        artifacts,
      });
      results.passed += 1;
      results.journeys.push({ name, ok: true, ms: Date.now() - started });
      console.log(`  ✓ ${name} (${Date.now() - started} ms)`);
    } catch (error) {
      results.failed += 1;
      results.journeys.push({
        name,
        ok: false,
        error: String(error?.message ?? error),
      });
      console.log(`  ✗ ${name}: ${error?.message ?? error}`);
      await page
        .screenshot({
          path: path.join(artifacts, `${name}-failure.png`),
          fullPage: true,
        })
        .catch(() => {});
    } finally {
      await context.close();
    }
  }
}

main()
  .catch(error => {
    results.failed += 1;
    results.journeys.push({
      name: 'setup',
      ok: false,
      error: String(error?.message ?? error),
    });
    console.error(`e2e: ${error?.message ?? error}`);
  })
  .finally(() => {
    report();
    stopAll();
    process.exit(results.failed > 0 ? 1 : 0);
  });
