#!/usr/bin/env node
// `yarn test`: every test in the repository: the Jest suites of all packages
// (`backstage-cli repo test`), then the browser journeys in e2e/ against the running suite,
// then the RHDH dynamic-plugin load test (dynamic/load-test.mjs): the plugins are exported
// again when a source is newer than the last export, and the two hosts are installed (under
// Yarn's cache, kept between clones) when their lock changed.
// Ends with one plain `N passed, N failed, N skipped` line totalled over both, because CI
// reads that line and not Jest's own summary. Exit code is non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const skipE2e = args.includes('--no-e2e') || process.env.SKIP_E2E === '1';
const skipDynamic =
  args.includes('--no-dynamic') || process.env.SKIP_DYNAMIC === '1';
const out = mkdtempSync(path.join(tmpdir(), 'orchestrator-tests-'));
const totals = { passed: 0, failed: 0, skipped: 0 };

function add(name, counts) {
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  console.log(
    `${name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`,
  );
}

function runJest() {
  const file = path.join(out, 'jest.json');
  const result = spawnSync(
    'yarn',
    ['backstage-cli', 'repo', 'test', '--json', `--outputFile=${file}`],
    { cwd: root, stdio: 'inherit', env: { ...process.env, CI: 'true' } },
  );
  if (!existsSync(file)) {
    console.error(`jest did not write a report (exit ${result.status})`);
    return { passed: 0, failed: 1, skipped: 0 };
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  // A suite that fails to load has no test results: count it as a failure.
  const brokenSuites = report.testResults.filter(
    s => s.status === 'failed' && s.assertionResults.length === 0,
  ).length;
  let failed = report.numFailedTests + brokenSuites;
  // Jest can fail without a failing test (an error outside any test): still a failure.
  if (result.status !== 0 && failed === 0) failed = 1;
  return {
    passed: report.numPassedTests,
    failed,
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

function runE2e() {
  const file = path.join(out, 'e2e.json');
  const result = spawnSync('node', ['e2e/run.mjs', `--report=${file}`], {
    cwd: root,
    stdio: 'inherit',
    env: process.env,
  });
  if (!existsSync(file)) {
    console.error(`e2e did not write a report (exit ${result.status})`);
    return { passed: 0, failed: 1, skipped: 0 };
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Re-exports the dynamic plugins when a plugin source is newer than the last export. */
async function exportDynamic() {
  const { exportStaleReason } = await import('../dynamic/readiness.mjs');
  const reason = exportStaleReason();
  if (!reason) return true;
  console.log(`yarn export:dynamic (${reason})`);
  const result = spawnSync('node', ['scripts/export-dynamic.mjs'], {
    cwd: root,
    stdio: 'inherit',
    env: process.env,
  });
  return result.status === 0;
}

async function runDynamic() {
  if (!(await exportDynamic())) {
    console.error('the dynamic-plugin export failed: no load test');
    return { passed: 0, failed: 1, skipped: 0 };
  }
  const file = path.join(out, 'dynamic.json');
  const result = spawnSync(
    'node',
    ['dynamic/load-test.mjs', '--report', file],
    { cwd: root, stdio: 'inherit', env: process.env },
  );
  if (!existsSync(file)) {
    console.error(
      `the dynamic load test wrote no report (exit ${result.status})`,
    );
    return { passed: 0, failed: 1, skipped: 0 };
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}

add('unit', runJest());
if (!skipE2e) add('e2e', runE2e());
if (!skipDynamic) add('dynamic', await runDynamic());
console.log(
  `${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`,
);
process.exit(totals.failed > 0 ? 1 : 0);
