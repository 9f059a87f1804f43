#!/usr/bin/env node
// Browser journeys against the whole suite: the SonataFlow stand-in with the sample workflows,
// the backend (serving the production build of the app) and Debian's Chromium driven by
// playwright-core. Usage: node e2e/run.mjs [--report=file.json] [--no-build] [journey-name-filter]
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  backendUrl,
  chromiumPath,
  launchFreshBrowser,
  standinUrl,
  startSuite,
} from './lib/suite.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const reportFile = argv.find(a => a.startsWith('--report='))?.slice(9);
const filter = argv.find(a => !a.startsWith('--'));
const artifacts = path.join(here, 'artifacts');

const results = { passed: 0, failed: 0, skipped: 0, journeys: [] };
let suite;

function report() {
  if (reportFile) writeFileSync(reportFile, JSON.stringify(results, null, 2));
  console.log(
    `e2e: ${results.passed} passed, ${results.failed} failed, ${results.skipped} skipped`,
  );
}

process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));

async function main() {
  const executablePath = chromiumPath();
  if (!executablePath) {
    results.failed += 1;
    results.journeys.push({
      name: 'setup',
      ok: false,
      error: 'chromium not installed (apt-get install -y chromium)',
    });
    console.error(
      'e2e: chromium is not installed; `.ci/run` installs it (apt-get install -y chromium)',
    );
    return;
  }
  suite = await startSuite({
    build: !argv.includes('--no-build'),
    artifacts,
  });

  const journeyFiles = readdirSync(path.join(here, 'journeys'))
    .filter(f => f.endsWith('.mjs'))
    .filter(f => !filter || f.includes(filter))
    .sort();
  for (const file of journeyFiles) {
    const journey = await import(
      pathToFileURL(path.join(here, 'journeys', file)).href
    );
    const name = file.replace(/\.mjs$/, '');
    const context = await launchFreshBrowser(executablePath);
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(20_000);
    const started = Date.now();
    try {
      await journey.default({
        page,
        baseUrl: backendUrl,
        standinUrl,
        artifacts,
      });
      results.passed += 1;
      results.journeys.push({ name, ok: true, ms: Date.now() - started });
      console.log(`  ✓ ${name} (${Date.now() - started} ms)`);
    } catch (error) {
      results.failed += 1;
      results.journeys.push({
        name,
        ok: false,
        error: String(error?.message ?? error),
      });
      console.log(`  ✗ ${name}: ${error?.message ?? error}`);
      await page
        .screenshot({
          path: path.join(artifacts, `${name}-failure.png`),
          fullPage: true,
        })
        .catch(() => {});
    } finally {
      await context.close();
    }
  }
}

main()
  .catch(error => {
    results.failed += 1;
    results.journeys.push({
      name: 'setup',
      ok: false,
      error: String(error?.message ?? error),
    });
    console.error(`e2e: ${error?.message ?? error}`);
  })
  .finally(() => {
    report();
    suite?.stop();
    process.exit(results.failed > 0 ? 1 : 0);
  });
