// Whether `yarn test:dynamic` can run within CI's budget: both hosts already installed from their
// current lock files (a cold `npm ci` of the two hosts compiles native modules: many minutes on
// 2 cores) and an export in dynamic-plugins/dist/ newer than every plugin source (the RHDH CLI
// export takes well over 10 minutes here). `npm test` runs the load test only then, and counts
// it as skipped otherwise, naming the reason.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
export const dist = path.join(root, 'dynamic-plugins/dist');
// The backend hosts, and the folder of RHDH 1.8's frontend packages its host page shares.
export const HOST_NAMES = ['rhdh-1.8', 'rhdh-1.8-app', 'current'];
/** The app host whose packages a backend host's page shares (default: the workspace's). */
export const APP_HOST = { 'rhdh-1.8': 'rhdh-1.8-app' };
// Outside the repository on purpose: a module missing from a host must not resolve from the
// workspace's node_modules. Kept between runs (and clones) so an unchanged lock is not reinstalled.
export const hostsDir =
  process.env.DYNAMIC_HOSTS_DIR ??
  path.join(os.homedir(), '.cache/orchestrator-suite/dynamic-hosts');

export function lockHash(name) {
  const lock = fs.readFileSync(
    path.join(here, 'hosts', name, 'package-lock.json'),
  );
  return createHash('sha256').update(lock).digest('hex');
}

export const stampFile = name =>
  path.join(hostsDir, name, 'node_modules/.installed-lock-hash');

export function hostInstalled(name) {
  const stamp = stampFile(name);
  return (
    fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === lockHash(name)
  );
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('dist'))
      continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(
      newest,
      entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs,
    );
  }
  return newest;
}

/** The reason the load test cannot run quickly now, or undefined when it can. */
export function notReadyReason() {
  const missing = HOST_NAMES.filter(h => !hostInstalled(h));
  if (missing.length)
    return `host ${missing.join(', ')} not installed in ${hostsDir}`;
  const tarballs = fs.existsSync(dist)
    ? fs.readdirSync(dist).filter(f => f.endsWith('.tgz'))
    : [];
  if (tarballs.length === 0) return 'no export in dynamic-plugins/dist';
  const oldest = Math.min(
    ...tarballs.map(f => fs.statSync(path.join(dist, f)).mtimeMs),
  );
  const plugins = path.join(root, 'plugins');
  const stale = fs
    .readdirSync(plugins)
    .filter(p => newestMtime(path.join(plugins, p)) > oldest);
  if (stale.length)
    return `the export is older than the sources of ${stale.join(', ')}`;
  return undefined;
}
