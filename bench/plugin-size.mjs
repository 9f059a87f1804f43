// Gzipped JS of the frontend plugin's own code, now and at an earlier commit, measured the
// same way for both: esbuild bundles the plugin's two exposed modules (`src/index.ts`, the
// legacy exports, and `src/alpha.tsx`, the new frontend system) minified, with every package
// import left external, as a host app's bundler sees the plugin. Prints each output file's
// gzipped size, the total, and the share of the translation modules (English, German, Spanish
// messages), because issue 12 allows the plugin to grow by its translations and no more.
//
// Usage: node bench/plugin-size.mjs [--base=<git rev>] [--plugin=plugins/orchestrator]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = Object.fromEntries(
  process.argv.slice(2).map(a => a.replace(/^--/, '').split('=')),
);
// The parent of the commit that moved the plugin to MUI v5 and translations.
const BASE = args.base ?? '539e7bd^';
const PLUGIN = args.plugin ?? 'plugins/orchestrator';
const ENTRIES = ['src/index.ts', 'src/alpha.tsx'];

const gz = bytes => gzipSync(bytes, { level: 9 }).length;
const kB = n => `${(n / 1000).toFixed(1)} kB`;

/** The plugin's sources at `rev`, unpacked into a temporary folder. */
function checkout(rev) {
  const dir = mkdtempSync(path.join(tmpdir(), 'plugin-size-'));
  const tar = execFileSync('git', ['archive', rev, PLUGIN], {
    cwd: root,
    maxBuffer: 1 << 28,
  });
  execFileSync('tar', ['-x', '-C', dir], { input: tar });
  return dir;
}

async function measure(pluginDir) {
  const outdir = mkdtempSync(path.join(tmpdir(), 'plugin-size-out-'));
  const entryPoints = ENTRIES.map(e => path.join(pluginDir, e)).filter(e =>
    existsSync(e),
  );
  const result = await build({
    entryPoints,
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    packages: 'external',
    jsx: 'automatic',
    target: 'es2022',
    outdir,
    metafile: true,
    write: true,
    logLevel: 'error',
    loader: { '.svg': 'dataurl', '.png': 'dataurl' },
  });
  let total = 0;
  let translations = 0;
  const files = [];
  const sizes = new Map();
  for (const [file, output] of Object.entries(result.metafile.outputs)) {
    if (!file.endsWith('.js')) continue;
    const size = gz(readFileSync(file));
    total += size;
    // The messages' share of each file, by their minified bytes in it, gzipped at the file's ratio.
    const raw = output.bytes || 1;
    const messageBytes = Object.entries(output.inputs)
      .filter(([input]) =>
        /\/src\/(translation\.ts|translations\/)/.test(input),
      )
      .reduce((sum, [, i]) => sum + i.bytesInOutput, 0);
    translations += Math.round((size * messageBytes) / raw);
    files.push({ file: path.relative(outdir, file), size });
    sizes.set(file, size);
  }
  const firstPage = firstPageSize(result.metafile, sizes);
  rmSync(outdir, { recursive: true, force: true });
  return { total, translations, files, firstPage };
}

/**
 * What a visit to the Orchestrator page fetches of the plugin: the legacy entry, the router
 * chunk it imports on demand, the Orchestrator page's chunk if that is split off too, and
 * everything those import statically. Translation chunks load only for their language.
 */
function firstPageSize(metafile, sizes) {
  const outputs = metafile.outputs;
  const byEntry = new Map(
    Object.entries(outputs)
      .filter(([, o]) => o.entryPoint)
      .map(([file, o]) => [o.entryPoint, file]),
  );
  const pick = suffix =>
    [...byEntry.entries()].find(([entry]) => entry.endsWith(suffix))?.[1];
  const start = [
    pick('src/index.ts'),
    pick('components/Router/index.ts'),
    pick('components/Router/Router.tsx'),
    pick('OrchestratorPage/OrchestratorPage.tsx'),
  ].filter(Boolean);
  const seen = new Set();
  const visit = file => {
    if (seen.has(file) || !outputs[file]) return;
    seen.add(file);
    for (const i of outputs[file].imports)
      if (i.kind === 'import-statement' && !i.external) visit(i.path);
  };
  start.forEach(visit);
  return [...seen].reduce((sum, file) => sum + (sizes.get(file) ?? 0), 0);
}

function print(label, m) {
  console.log(`\n${label}`);
  for (const f of m.files.sort((a, b) => b.size - a.size))
    console.log(`  ${f.file.padEnd(32)} ${kB(f.size)}`);
  console.log(
    `  total ${kB(m.total)}, of it translations ${kB(
      m.translations,
    )}, code ${kB(m.total - m.translations)}`,
  );
  console.log(`  the Orchestrator page loads ${kB(m.firstPage)} of it`);
}

const baseDir = checkout(BASE);
try {
  const before = await measure(path.join(baseDir, PLUGIN));
  const after = await measure(path.join(root, PLUGIN));
  const rev = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
    cwd: root,
  })
    .toString()
    .trim();
  print(`${PLUGIN} at ${BASE} (gzipped, minified, packages external)`, before);
  print(`${PLUGIN} at ${rev} + working tree`, after);
  const growth = after.total - before.total;
  const allowed = after.translations - before.translations;
  console.log(
    `\ngrowth ${kB(growth)}; translations ${kB(
      allowed,
    )}; code beyond translations ${kB(
      growth - allowed,
    )}; the Orchestrator page's share ${kB(before.firstPage)} -> ${kB(
      after.firstPage,
    )}`,
  );
} finally {
  rmSync(baseDir, { recursive: true, force: true });
}
