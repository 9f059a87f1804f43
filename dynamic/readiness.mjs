// Where the load test's hosts live, whether they are installed from their current lock files, and
// whether the export in dynamic-plugins/dist/ is newer than every plugin source. `npm test`
// re-exports only when it is not, and `npm ci` runs only for a host whose lock changed.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
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

/** Yarn's global cache folder: the one folder a CI machine keeps between clean clones. */
function yarnCacheFolder() {
  const out = spawnSync('yarn', ['config', 'get', 'cacheFolder'], {
    cwd: root,
    encoding: 'utf8',
  });
  const folder = out.status === 0 ? out.stdout.trim() : '';
  return folder && path.isAbsolute(folder) && !folder.startsWith(root)
    ? folder
    : path.join(os.homedir(), '.cache');
}

// Under Yarn's cache, so the installed hosts (the RHDH 1.8 one compiles isolated-vm for minutes)
// and npm's downloads are kept wherever the workspace's packages are; outside the repository on
// purpose, so a module missing from a host can never resolve from the workspace's node_modules.
const cacheRoot =
  process.env.DYNAMIC_HOSTS_DIR === undefined
    ? path.join(yarnCacheFolder(), 'orchestrator-suite')
    : undefined;
export const hostsDir =
  process.env.DYNAMIC_HOSTS_DIR ?? path.join(cacheRoot, 'dynamic-hosts');
/** npm's cache for the host installs, next to the hosts. */
export const npmCacheDir = path.join(
  cacheRoot ?? path.dirname(hostsDir),
  'npm-cache',
);

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

/** Why the export in dynamic-plugins/dist/ is not current, or undefined when it is. */
export function exportStaleReason() {
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

/** The reason the load test cannot run quickly now, or undefined when it can. */
export function notReadyReason() {
  const missing = HOST_NAMES.filter(h => !hostInstalled(h));
  if (missing.length)
    return `host ${missing.join(', ')} not installed in ${hostsDir}`;
  return exportStaleReason();
}
