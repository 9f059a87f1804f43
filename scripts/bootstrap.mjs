#!/usr/bin/env node
// `npm start` / `npm test` (also `yarn start` / `yarn test`): the two commands of the README.
// Brings what the command needs when it is missing, then runs it:
//   1. Node 22 and Yarn 4 into .tools/ (scripts/env.sh), so only Node 20+ and npm are required;
//   2. `yarn install` when node_modules is missing or older than yarn.lock / package.json;
//   3. for `test`: Debian's chromium and postgresql (apt when root, else it names the packages),
//      and a throwaway PostgreSQL (scripts/postgres.sh), stopped again if this script started it.
// Runs on the system Node (20 is enough): it only spawns; everything else runs on Node 22.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [command, ...args] = process.argv.slice(2);
const COMMANDS = {
  start: ['node', 'scripts/start.mjs'],
  test: ['node', 'scripts/test-all.mjs'],
};
if (!COMMANDS[command]) {
  console.error(
    `usage: bootstrap.mjs ${Object.keys(COMMANDS).join('|')} [args]`,
  );
  process.exit(2);
}

const started = Date.now();
const log = message =>
  console.log(
    `[bootstrap ${((Date.now() - started) / 1000).toFixed(0)} s] ${message}`,
  );

function sh(script, env = process.env) {
  const result = spawnSync('bash', ['-c', script], {
    cwd: root,
    stdio: 'inherit',
    env,
  });
  if (result.status !== 0) {
    throw new Error(`\`${script}\` failed with exit code ${result.status}`);
  }
}

/** The environment scripts/env.sh sets up (Node 22 first on PATH, corepack's yarn). */
function toolchainEnv() {
  const result = spawnSync(
    'bash',
    [
      '-c',
      'source scripts/env.sh >&2 && node -e "process.stdout.write(JSON.stringify(process.env))"',
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error('scripts/env.sh failed');
  return JSON.parse(result.stdout);
}

function mtime(file) {
  return existsSync(file) ? statSync(file).mtimeMs : 0;
}

/** Yarn rewrites .yarn-state.yml on every install; older than the manifests means stale. */
function installIsStale() {
  const state = mtime(path.join(root, 'node_modules/.yarn-state.yml'));
  return (
    state === 0 ||
    state < mtime(path.join(root, 'yarn.lock')) ||
    state < mtime(path.join(root, 'package.json'))
  );
}

function missingDebianPackages() {
  const missing = [];
  if (spawnSync('bash', ['-c', 'command -v chromium']).status !== 0)
    missing.push('chromium');
  if (
    spawnSync('bash', ['-c', 'ls /usr/lib/postgresql/*/bin/postgres'])
      .status !== 0
  )
    missing.push('postgresql');
  return missing;
}

function ensureDebianPackages() {
  const missing = missingDebianPackages();
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    console.error(
      `The tests need Debian packages that are not installed: ${missing.join(
        ' ',
      )}.\n` + `Install them as root: apt-get install -y ${missing.join(' ')}`,
    );
    process.exit(1);
  }
  log(`apt-get install ${missing.join(' ')}`);
  sh(
    `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(
      ' ',
    )} >/dev/null`,
  );
}

/** Starts PostgreSQL unless it runs; returns its env and whether this script started it. */
function ensurePostgres(env) {
  const wasRunning =
    spawnSync('bash', ['scripts/postgres.sh', 'running'], { cwd: root })
      .status === 0;
  const out = spawnSync('bash', ['scripts/postgres.sh', 'start'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const match = /^export (\w+)=(\S+)$/m.exec(out.stdout ?? '');
  if (!match) {
    log('PostgreSQL did not start: its tests will say they skipped');
    return { env, startedHere: false };
  }
  return { env: { ...env, [match[1]]: match[2] }, startedHere: !wasRunning };
}

function main() {
  let env = toolchainEnv();
  const node = spawnSync('node', ['--version'], { env, encoding: 'utf8' });
  log(`node ${node.stdout?.trim()}, yarn from ${env.PATH.split(':')[0]}`);
  if (installIsStale()) {
    log('yarn install (node_modules missing or older than yarn.lock)');
    sh('yarn install', env);
    log('yarn install done');
  }
  let stopPostgres = false;
  if (command === 'test') {
    ensureDebianPackages();
    const pg = ensurePostgres(env);
    env = pg.env;
    stopPostgres = pg.startedHere;
  }
  const [bin, ...rest] = COMMANDS[command];
  log(`${[bin, ...rest, ...args].join(' ')}`);
  const result = spawnSync(bin, [...rest, ...args], {
    cwd: root,
    stdio: 'inherit',
    env,
  });
  if (stopPostgres) sh('scripts/postgres.sh stop', env);
  process.exit(result.status ?? 1);
}

main();
