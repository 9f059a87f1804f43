// Time to first content of the Orchestrator page in the production build: the backend serves
// the built app (as in the browser journeys), Debian's Chromium opens /orchestrator, and the
// page's own clock gives first contentful paint and the moment the first workflow row shows.
// Two ways, `--runs` times each:
// - new visitor: a fresh profile, so nothing is cached and the guest signs in on the way;
// - returning, cache emptied: signed in already, but every script fetched again.
// Also prints the JS the browser fetched for the page (bytes on the wire and unpacked).
//
// Usage: node bench/page-load.mjs [--runs=5] [--no-build]
// Needs ports 7007 and 8899 free (stop `yarn start` first).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  backendUrl,
  chromiumPath,
  launchFreshBrowser,
  startSuite,
} from '../e2e/lib/suite.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = Object.fromEntries(
  process.argv.slice(2).map(a => a.replace(/^--/, '').split('=')),
);
const RUNS = Number(args.runs ?? 5);
const PAGE = `${backendUrl}/orchestrator`;
const VIEWPORT = { width: 1440, height: 900 };
const FAILURE_SHOT = path.join(
  here,
  '..',
  'e2e',
  'artifacts',
  'page-load-failure.png',
);

/** Waits for the first workflow row and reads the page's timings off its own clock. */
async function timings(page) {
  await page.waitForFunction(
    () =>
      document.querySelector(
        '[data-testid="workflows-table-row"][data-row-id="greeting"]',
      ),
    undefined,
    { polling: 'raf', timeout: 60_000 },
  );
  return page.evaluate(() => {
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    const scripts = performance
      .getEntriesByType('resource')
      .filter(r => r.initiatorType === 'script' || r.name.endsWith('.js'));
    return {
      fcp: paint ? paint.startTime : NaN,
      firstRow: performance.now(),
      jsWire: scripts.reduce((sum, r) => sum + r.transferSize, 0),
      jsUnpacked: scripts.reduce((sum, r) => sum + r.decodedBodySize, 0),
      scripts: scripts.length,
    };
  });
}

/** A new visitor: fresh profile, the guest signs in from the sign-in page. */
async function newVisitor(executablePath) {
  const browser = await launchFreshBrowser(executablePath, VIEWPORT);
  try {
    const page = browser.pages()[0] ?? (await browser.newPage());
    await page.goto(PAGE);
    const enter = page.getByRole('button', { name: /enter/i });
    // Clicked as soon as it shows, like a person who came to run a workflow.
    enter
      .waitFor({ state: 'visible', timeout: 60_000 })
      .then(() => enter.click())
      .catch(() => {});
    return await timings(page).catch(async error => {
      await page.screenshot({ path: FAILURE_SHOT }).catch(() => {});
      throw error;
    });
  } finally {
    await browser.close();
  }
}

/** A returning visitor whose browser cache is empty: signed in, every script fetched again. */
async function returningEmptyCache(executablePath) {
  const browser = await launchFreshBrowser(executablePath, VIEWPORT);
  try {
    const page = browser.pages()[0] ?? (await browser.newPage());
    await page.goto(PAGE);
    await page.getByRole('button', { name: /enter/i }).click();
    await timings(page);
    const cdp = await browser.newCDPSession(page);
    await cdp.send('Network.clearBrowserCache');
    await page.goto(PAGE);
    return await timings(page);
  } finally {
    await browser.close();
  }
}

const median = values => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const ms = v => `${Math.round(v)} ms`;
const kB = v => `${(v / 1000).toFixed(0)} kB`;

function print(label, samples) {
  const pick = key => samples.map(s => s[key]);
  const range = key =>
    `${ms(median(pick(key)))} (${ms(Math.min(...pick(key)))}–${ms(
      Math.max(...pick(key)),
    )})`;
  console.log(
    `${label.padEnd(28)} first contentful paint ${range(
      'fcp',
    )}, first workflow row ${range('firstRow')}, JS ${kB(
      median(pick('jsWire')),
    )} on the wire / ${kB(median(pick('jsUnpacked')))} unpacked in ${median(
      pick('scripts'),
    )} files`,
  );
}

async function main() {
  const executablePath = chromiumPath();
  if (!executablePath)
    throw new Error('chromium is not installed (apt-get install -y chromium)');
  const suite = await startSuite({
    build: !('no-build' in args),
    artifacts: path.join(here, '..', 'e2e', 'artifacts'),
  });
  try {
    // One visit first, so the backend's caches and the stand-in are warm for every sample.
    await newVisitor(executablePath);
    const fresh = [];
    const returning = [];
    for (let i = 0; i < RUNS; i++) {
      fresh.push(await newVisitor(executablePath));
      returning.push(await returningEmptyCache(executablePath));
    }
    console.log(
      `Orchestrator page, production build, ${RUNS} runs each, ${VIEWPORT.width}×${VIEWPORT.height}, median (min–max):`,
    );
    print('new visitor (signs in)', fresh);
    print('returning, empty cache', returning);
  } finally {
    suite.stop();
  }
}

main().catch(error => {
  console.error(`page-load: ${error?.message ?? error}`);
  process.exit(1);
});
