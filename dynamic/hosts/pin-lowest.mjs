#!/usr/bin/env node
// Writes the `overrides` of dynamic/hosts/<host>/package.json: every @backstage package in the
// host's tree pinned to the LOWEST registry version its dependents accept. Starting from the
// direct dependencies of RHDH 1.8's line (Backstage 1.42.x), that keeps the whole tree on that
// line instead of npm's newest-in-range, which would quietly test today's packages. Also works
// around a partial registry: a version that is missing is skipped for the next one in range.
// Usage: node dynamic/hosts/pin-lowest.mjs rhdh-1.8   (then npm install --package-lock-only)
// Reads package metadata through npm (`npm view --prefer-offline`), one call per package.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const semver = require('semver');
const here = path.dirname(fileURLToPath(import.meta.url));
const host = process.argv[2] ?? 'rhdh-1.8';
const file = path.join(here, host, 'package.json');
const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));

const packuments = new Map();
function versionsOf(name) {
  if (!packuments.has(name)) {
    const out = execFileSync(
      'npm',
      ['view', name, 'versions', 'dependencies', '--json', '--prefer-offline'],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    );
    packuments.set(name, JSON.parse(out));
  }
  return packuments.get(name);
}
function dependenciesOf(name, version) {
  const out = execFileSync(
    'npm',
    [
      'view',
      `${name}@${version}`,
      'dependencies',
      '--json',
      '--prefer-offline',
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
  );
  return out.trim() ? JSON.parse(out) : {};
}

// The direct dependencies are the line's own versions: they are never raised.
const pins = new Map(Object.entries(manifest.dependencies));
const direct = new Set(pins.keys());
const queue = Object.entries(manifest.dependencies).flatMap(([name, version]) =>
  Object.entries(dependenciesOf(name, version)),
);
while (queue.length) {
  const [name, range] = queue.shift();
  if (!name.startsWith('@backstage/')) continue;
  const { versions } = versionsOf(name);
  const list = (Array.isArray(versions) ? versions : [versions]).filter(
    v => !semver.prerelease(v),
  );
  const pinned = pins.get(name);
  if (pinned && (direct.has(name) || semver.satisfies(pinned, range))) continue;
  const lowest = list
    .filter(v => semver.satisfies(v, range))
    .sort(semver.compare)[0];
  if (!lowest) {
    console.warn(`no version of ${name} satisfies ${range}`);
    continue;
  }
  // Two dependents wanting different lines: keep the higher one, npm nests the other.
  if (pinned && semver.gt(pinned, lowest)) continue;
  pins.set(name, lowest);
  for (const [dep, depRange] of Object.entries(dependenciesOf(name, lowest))) {
    queue.push([dep, depRange]);
  }
}

manifest.overrides = Object.fromEntries(
  [...pins.entries()].sort(([a], [b]) => a.localeCompare(b)),
);
fs.writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
console.log(
  `pinned ${pins.size} @backstage packages in ${path.relative(
    process.cwd(),
    file,
  )}`,
);
