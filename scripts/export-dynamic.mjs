#!/usr/bin/env node
// `yarn export:dynamic`: every runtime plugin as an RHDH dynamic plugin, ready to install.
//   1. `yarn tsc` (backend exports read dist-types);
//   2. the RHDH CLI (`plugin export`, pinned below) in each plugin folder, embedding our
//      unpublished packages into the backend ones (the CLI's frontend export bundles them);
//   3. peerDependencies widened to the RHDH 1.8 line it is tested on (dynamic-peer-ranges.mjs),
//      `npm pack` of each export into dynamic-plugins/dist/ (git-ignored), its sha512 integrity;
//   4. dynamic-plugins/dist/dynamic-plugins.generated.yaml: `package:` + `integrity:` +
//      `pluginConfig` (taken from the root dynamic-plugins.yaml), and a table on stdout.
// `--only <dir>[,<dir>]` exports some plugins; `--skip-tsc` reuses existing dist-types;
// `--pack-only` re-packs the existing dist-dynamic folders without running the CLI again.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import { widenPeerRanges } from './dynamic-peer-ranges.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'dynamic-plugins/dist');
const RHDH_CLI = '@red-hat-developer-hub/cli@1.9.1';
const COMMON = '@orchestrator-suite/backstage-plugin-orchestrator-common';
const NODE = '@orchestrator-suite/backstage-plugin-orchestrator-node';

/**
 * The runtime plugins, in the order they are exported two at a time (each backend next to a
 * frontend). `embed` are our workspace packages a backend export must carry inside
 * (they are not on any registry). Form widgets are included once the package has an entry.
 */
const PLUGINS = [
  { dir: 'plugins/orchestrator-backend', embed: [COMMON] },
  { dir: 'plugins/orchestrator', embed: [] },
  {
    dir: 'plugins/orchestrator-form-widgets',
    embed: [],
    when: () =>
      fs.existsSync(
        path.join(root, 'plugins/orchestrator-form-widgets/src/index.ts'),
      ),
  },
  { dir: 'plugins/scaffolder-backend-module-orchestrator', embed: [COMMON] },
  // Its extension point comes from orchestrator-node; RHDH matches it by id, so the embedded
  // copy reaches the backend plugin's registration.
  { dir: 'plugins/orchestrator-backend-module-loki', embed: [COMMON, NODE] },
];

const args = process.argv.slice(2);
const only = args.includes('--only')
  ? args[args.indexOf('--only') + 1].split(',')
  : undefined;

function run(cmd, cmdArgs, cwd) {
  const started = Date.now();
  const result = spawnSync(cmd, cmdArgs, {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    throw new Error(
      `${cmd} ${cmdArgs.join(' ')} failed in ${
        path.relative(root, cwd) || '.'
      }`,
    );
  }
  return { stdout: result.stdout, seconds: (Date.now() - started) / 1000 };
}

/** `run` without blocking, so two exports can overlap (one installs while the other bundles). */
function runAsync(cmd, cmdArgs, cwd) {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, cmdArgs, {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', d => (output += d));
    child.stderr.on('data', d => (output += d));
    child.on('error', reject);
    child.on('close', status => {
      if (status === 0) {
        resolve({ seconds: (Date.now() - started) / 1000 });
        return;
      }
      process.stderr.write(output);
      reject(
        new Error(
          `${cmd} ${cmdArgs.join(' ')} failed in ${
            path.relative(root, cwd) || '.'
          }`,
        ),
      );
    });
  });
}

/** Runs `task` over `items`, at most `limit` at a time, keeping the items' order in the answer. */
async function mapBounded(items, limit, task) {
  const results = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]);
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, lane),
  );
  return results;
}

function integrityOf(file) {
  return `sha512-${createHash('sha512')
    .update(fs.readFileSync(file))
    .digest('base64')}`;
}

/** The root dynamic-plugins.yaml entries by the package folder name they refer to. */
function rootEntries() {
  const doc = yaml.load(
    fs.readFileSync(path.join(root, 'dynamic-plugins.yaml'), 'utf8'),
  );
  return new Map(doc.plugins.map(p => [path.basename(p.package), p]));
}

/** npm's tarball name for a package name: `@scope/name` → `scope-name`. */
const folderName = name => name.replace(/^@/, '').replace('/', '-');

async function exportPlugin(plugin) {
  const cwd = path.join(root, plugin.dir);
  const embed = plugin.embed.flatMap(p => ['--embed-package', p]);
  const exported = args.includes('--pack-only')
    ? { seconds: 0 }
    : await runAsync(
        'npx',
        ['-y', RHDH_CLI, 'plugin', 'export', '--clean', ...embed],
        cwd,
      );
  const dist = path.join(cwd, 'dist-dynamic');
  const manifestFile = path.join(dist, 'package.json');
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  if (Object.keys(widenPeerRanges(manifest)).length)
    fs.writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  const packed = run(
    'npm',
    ['pack', '--json', '--pack-destination', outDir, dist],
    root,
  );
  const [{ filename }] = JSON.parse(packed.stdout);
  const tarball = path.join(outDir, filename);
  return {
    name: manifest.name,
    version: manifest.version,
    tarball,
    size: fs.statSync(tarball).size,
    integrity: integrityOf(tarball),
    seconds: exported.seconds + packed.seconds,
  };
}

/** A plugin's tarball from an earlier export, if its dist-dynamic and tarball are still there. */
function previousTarball(plugin) {
  const manifestFile = path.join(root, plugin.dir, 'dist-dynamic/package.json');
  if (!fs.existsSync(manifestFile)) return undefined;
  const { name, version } = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  const tarball = path.join(outDir, `${folderName(name)}-${version}.tgz`);
  if (!fs.existsSync(tarball)) return undefined;
  return {
    name,
    version,
    tarball,
    size: fs.statSync(tarball).size,
    integrity: integrityOf(tarball),
    seconds: 0,
  };
}

/**
 * Our entries of the root dynamic-plugins.yaml with their tarball and integrity; the entries of
 * plugins RHDH itself ships (notifications, signals) are passed through unchanged.
 */
function writeFragment(results) {
  const entries = rootEntries();
  const ours = new Map(results.map(r => [folderName(r.name), r]));
  const missing = [...ours.keys()].filter(name => !entries.has(name));
  if (missing.length) {
    throw new Error(
      `dynamic-plugins.yaml has no entry for ${missing.join(
        ', ',
      )}: add one (package ./dynamic-plugins/dist/<name>)`,
    );
  }
  const plugins = [...entries.entries()].flatMap(([name, entry]) => {
    const r = ours.get(name);
    if (!r) return entry.package.includes('orchestrator-suite') ? [] : [entry];
    return [
      {
        package: `./${path.basename(r.tarball)}`,
        integrity: r.integrity,
        disabled: false,
        ...(entry.pluginConfig ? { pluginConfig: entry.pluginConfig } : {}),
      },
    ];
  });
  const header =
    '# Generated by `yarn export:dynamic`: the Orchestrator suite as RHDH dynamic plugins.\n' +
    '# `package:` paths are relative to this folder; serve the .tgz files where RHDH can reach\n' +
    '# them (see README, "RHDH dynamic plugins") and put that URL in front of each name.\n';
  const file = path.join(outDir, 'dynamic-plugins.generated.yaml');
  fs.writeFileSync(
    file,
    header + yaml.dump({ plugins }, { lineWidth: 120, noRefs: true }),
  );
  return file;
}

async function main() {
  const started = Date.now();
  fs.mkdirSync(outDir, { recursive: true });
  if (!args.includes('--skip-tsc') && !args.includes('--pack-only')) {
    console.log('yarn tsc ...');
    run('yarn', ['tsc'], root);
  }
  const plugins = PLUGINS.filter(p => !p.when || p.when()).filter(
    p => !only || only.includes(path.basename(p.dir)),
  );
  // One npx fetch of the CLI before two exports would each install it into npx's cache at once.
  if (!args.includes('--pack-only'))
    run('npx', ['-y', RHDH_CLI, '--version'], root);
  // Two at a time: a backend export mostly waits on its dependency install, a frontend one
  // on webpack, so on two cores the pair takes little longer than the slower of them.
  const results = await mapBounded(plugins, 2, async plugin => {
    console.log(`exporting ${plugin.dir} ...`);
    const result = await exportPlugin(plugin);
    console.log(`  ${result.name} in ${result.seconds.toFixed(0)} s`);
    return result;
  });
  // With --only, the fragment still lists the other plugins' earlier tarballs.
  for (const plugin of PLUGINS.filter(p => !plugins.includes(p))) {
    const earlier = previousTarball(plugin);
    if (earlier) results.push(earlier);
  }
  const fragment = writeFragment(results);
  console.log('');
  console.table(
    results.map(r => ({
      package: path.basename(r.tarball),
      size: `${(r.size / 1024).toFixed(0)} kB`,
      integrity: r.integrity,
    })),
  );
  console.log(
    `wrote ${path.relative(root, fragment)} in ${(
      (Date.now() - started) /
      1000
    ).toFixed(0)} s`,
  );
}

await main();
