// The peerDependencies an exported backend plugin declares. The RHDH CLI copies each shared
// @backstage dependency's workspace range (`^1.10.1`), which RHDH 1.8's versions (Backstage 1.42:
// backend-plugin-api 1.4.2, scaffolder-node 0.11.0, ...) do not satisfy although the plugin loads
// and runs there (`yarn test:dynamic`). Each range is widened down to the version the RHDH 1.8
// load-test host resolves (dynamic/hosts/rhdh-1.8/package-lock.json), keeping the workspace
// range's upper bound: `>=1.4.2 <2.0.0`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OLDEST_HOST_LOCK = path.join(
  root,
  'dynamic/hosts/rhdh-1.8/package-lock.json',
);

const parse = v => v.split('.').map(n => parseInt(n, 10));
const lower = (a, b) => {
  const [x, y] = [parse(a), parse(b)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] < y[i];
  return false;
};

/** `^A.B.C` → its exclusive upper bound, as npm reads a caret range. */
function caretUpper(range) {
  const m = /^\^(\d+)\.(\d+)\.(\d+)$/.exec(range);
  if (!m) return undefined;
  const [major, minor] = [Number(m[1]), Number(m[2])];
  return major > 0 ? `${major + 1}.0.0` : `0.${minor + 1}.0`;
}

/** Rewrites `manifest.peerDependencies` in place; returns the ranges it changed. */
export function widenPeerRanges(manifest) {
  const lock = JSON.parse(fs.readFileSync(OLDEST_HOST_LOCK, 'utf8'));
  const changed = {};
  for (const [name, range] of Object.entries(manifest.peerDependencies ?? {})) {
    const oldest = lock.packages?.[`node_modules/${name}`]?.version;
    const upper = caretUpper(range);
    if (!oldest || !upper || !lower(oldest, range.slice(1))) continue;
    manifest.peerDependencies[name] = `>=${oldest} <${upper}`;
    changed[name] = manifest.peerDependencies[name];
  }
  return changed;
}
