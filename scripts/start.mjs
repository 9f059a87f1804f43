#!/usr/bin/env node
// `yarn start`: the SonataFlow stand-in (sample workflows loaded) plus the Backstage app and backend.
// Each child gets its own process group so Ctrl-C (or a test harness's SIGTERM) stops the whole tree.
// The stand-in is a helper: when it exits it is restarted with backoff (and reported), while
// Backstage keeps running; its pages show "Data Index unavailable" meanwhile. Backstage exiting
// ends everything. `yarn start:standin` / `yarn start:backstage` run either part alone.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const children = new Map();
let stopping = false;

/** A stand-in that stayed up this long is healthy again: the backoff starts over. */
const HEALTHY_AFTER_MS = 30_000;
const MAX_BACKOFF_MS = 30_000;
const MAX_QUICK_RESTARTS = 8;

function forward(out, prefix) {
  return chunk =>
    out.write(
      chunk
        .toString()
        .split('\n')
        .filter(Boolean)
        .map(line => prefix + line)
        .join('\n') + '\n',
    );
}

function run(name, args, onExit) {
  const child = spawn('yarn', args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    env: process.env,
  });
  const prefix = `[${name}] `;
  child.stdout.on('data', forward(process.stdout, prefix));
  child.stderr.on('data', forward(process.stderr, prefix));
  const startedAt = Date.now();
  child.on('exit', (code, signal) => {
    children.delete(name);
    if (stopping) return;
    console.log(`${prefix}exited with ${signal ?? code}`);
    onExit(code, Date.now() - startedAt);
  });
  children.set(name, child);
}

function runStandin(quickRestarts = 0) {
  run('standin', ['start:standin'], (_code, uptimeMs) => {
    const quick = uptimeMs < HEALTHY_AFTER_MS ? quickRestarts + 1 : 1;
    if (quick > MAX_QUICK_RESTARTS) {
      console.log(
        `[standin] keeps exiting (${MAX_QUICK_RESTARTS} times within ${
          HEALTHY_AFTER_MS / 1000
        } s of starting); not restarting it. Backstage keeps running; fix it and run \`yarn start:standin\` in another shell.`,
      );
      return;
    }
    const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (quick - 1));
    console.log(`[standin] restarting in ${delay / 1000} s`);
    setTimeout(() => !stopping && runStandin(quick), delay);
  });
}

function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children.values()) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  setTimeout(() => process.exit(code), 500);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

runStandin();
run('backstage', ['start:backstage'], code => stop(code ?? 1));
