// Starts the whole suite as the browser journeys and the page-load bench use it: the SonataFlow
// stand-in with the sample workflows and the backend serving the production build of the app.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from './chromium.mjs';

export { CHROMIUM_ARGS, chromiumPath } from './chromium.mjs';

const root = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../..',
);
export const backendUrl = 'http://localhost:7007';
export const standinUrl = 'http://localhost:8899';

/** A browser with a fresh profile, so nothing is cached from an earlier visit. */
export function launchFreshBrowser(executablePath, viewport) {
  return chromium.launchPersistentContext(
    mkdtempSync(path.join(tmpdir(), 'e2e-chromium-')),
    {
      executablePath,
      headless: true,
      viewport: viewport ?? { width: 1400, height: 1000 },
      args: CHROMIUM_ARGS,
    },
  );
}

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

/**
 * Builds the app unless `build` is false and a build exists, starts the stand-in and the
 * backend (logs in `artifacts`) and waits until both answer. `stop()` ends them; it also runs
 * when the process exits.
 */
export async function startSuite({ build = true, artifacts }) {
  mkdirSync(artifacts, { recursive: true });
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
  if (build || !existsSync(path.join(root, 'packages/app/dist/index.html'))) {
    console.log('building the app (log in e2e/artifacts/app-build.log)');
    const result = spawnSync(
      'bash',
      ['-c', `yarn workspace app build > "${artifacts}/app-build.log" 2>&1`],
      { cwd: root },
    );
    if (result.status !== 0)
      throw new Error('app build failed, see e2e/artifacts/app-build.log');
  }
  const processes = [];
  const start = (name, args) => {
    const log = path.join(artifacts, `${name}.log`);
    processes.push(
      spawn('bash', ['-c', `exec yarn ${args.join(' ')} > "${log}" 2>&1`], {
        cwd: root,
        detached: true,
        env: process.env,
      }),
    );
  };
  const stop = () => {
    for (const child of processes.splice(0)) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  };
  process.on('exit', stop);
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
  return { stop };
}
