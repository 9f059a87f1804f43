import { writeFileSync } from 'node:fs';
import {
  apiAsGuest,
  assertNoHorizontalOverflow,
  openAsGuest,
  waitForStatus,
} from '../lib/helpers.mjs';

/**
 * Issue 12's look at the pages as a new user sees them: a looping run, the
 * Workflows tab, the entity tab and All runs at 1440 and 800 px in light and
 * dark theme (screenshots for a person to look at), the Workflows tab
 * updating live, and runs filters kept in the URL across reload and Back.
 */

const WIDTHS = [1440, 800];
const THEMES = ['light', 'dark'];

async function waitForRun(baseUrl, id, ms = 90_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const run = await apiAsGuest(
      baseUrl,
      'GET',
      `/v2/workflows/instances/${encodeURIComponent(id)}`,
    );
    if (run.state && run.state !== 'ACTIVE') return run;
    if (Date.now() > deadline) throw new Error(`run ${id} did not finish`);
    await new Promise(r => setTimeout(r, 1000));
  }
}

/** Backstage's theme picker keeps the choice in localStorage under `theme`. */
async function useTheme(page, baseUrl, theme) {
  await page.goto(`${baseUrl}/settings`);
  await page.evaluate(t => window.localStorage.setItem('theme', t), theme);
}

/** Fails when the text of any of the elements wraps onto a second line. */
async function assertOneLine(locator, what) {
  const lines = await locator.evaluateAll(elements =>
    elements.map(el => {
      // one client rect per line box of the text; an icon beside it sits on the same line
      const range = document.createRange();
      range.selectNodeContents(el);
      const tops = [...range.getClientRects()]
        .filter(r => r.width > 0 && r.height > 0)
        .map(r => r.top)
        .sort((a, b) => a - b);
      let count = tops.length ? 1 : 0;
      for (let i = 1; i < tops.length; i++) {
        if (tops[i] - tops[i - 1] > 10) count += 1;
      }
      return { text: el.innerText.trim(), lines: count };
    }),
  );
  const wrapped = lines.filter(l => l.text && l.lines > 1);
  if (wrapped.length > 0)
    throw new Error(`${what} wraps: ${JSON.stringify(wrapped)}`);
}

/** The height of the page's content: Backstage scrolls inside its Page, not the document. */
function contentHeight(page) {
  return page.evaluate(() =>
    Math.max(
      ...[...document.querySelectorAll('main, article, body')].map(
        el => el.scrollHeight,
      ),
    ),
  );
}

/** A screenshot of the whole content: the window is made as tall as the content first. */
async function fullShot(page, path) {
  const viewport = page.viewportSize();
  const height = Math.min(await contentHeight(page), 8000);
  await page.setViewportSize({
    width: viewport.width,
    height: Math.max(height, viewport.height),
  });
  await page.screenshot({ path });
  await page.setViewportSize(viewport);
}

export default async function ({ page, baseUrl, artifacts }) {
  const figures = {};
  // A looping run: DoStep, its two actions, Pause and CheckDone once per step.
  const { id: loopId } = await apiAsGuest(
    baseUrl,
    'POST',
    '/v2/workflows/long-running/execute',
    { inputData: { steps: 5 } },
  );
  const loopRun = await waitForRun(baseUrl, loopId);
  figures.loopRunNodes = loopRun.nodes?.length ?? 0;
  if (figures.loopRunNodes < 28)
    throw new Error(`the looping run has ${figures.loopRunNodes} nodes`);

  await openAsGuest(page, `${baseUrl}/orchestrator`);
  for (const theme of THEMES) {
    await useTheme(page, baseUrl, theme);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 1000 });
      const shot = name => `${artifacts}/12-${name}-${theme}-${width}.png`;

      await page.goto(
        `${baseUrl}/orchestrator/instances/${encodeURIComponent(loopId)}`,
      );
      await waitForStatus(page, 'Completed');
      // one row per node name (5 states, 2 actions, start and end), not per node instance
      const rows = await page.getByTestId('progress-node').count();
      const names = new Set(loopRun.nodes.map(n => n.name)).size;
      if (rows > names)
        throw new Error(`${rows} progress rows for ${names} node names`);
      await page.getByTestId('workflow-diagram').waitFor();
      // the switch state of the loop is coloured on the run's diagram too
      const checkDone = page.locator(
        '[data-testid="diagram-node"][data-node="CheckDone"]',
      );
      if ((await checkDone.getAttribute('data-status')) !== 'done')
        throw new Error('the switch state CheckDone is not shown as done');
      await assertNoHorizontalOverflow(page);
      figures[`runPageHeight-${theme}-${width}`] = await contentHeight(page);
      await fullShot(page, shot('loop-run'));

      await page.goto(`${baseUrl}/orchestrator`);
      await page.getByTestId('workflows-table-row').first().waitFor();
      await assertNoHorizontalOverflow(page);
      if (width >= 1280) {
        await assertOneLine(
          page.locator(
            '[data-testid="workflows-table"] th, [data-testid="availability"], [data-testid^="run-workflow-"]',
          ),
          'a Workflows table label or button',
        );
      }
      await fullShot(page, shot('workflows'));

      await page.goto(
        `${baseUrl}/catalog/default/component/payments-api/workflows`,
      );
      await page.getByTestId('entity-workflow-row').first().waitFor();
      await assertNoHorizontalOverflow(page);
      if (width >= 1280) {
        await assertOneLine(
          page.locator(
            '[data-testid="entity-workflows"] th, [data-testid="availability"], [data-testid^="run-workflow-"]',
          ),
          'an entity Workflows tab label or button',
        );
      }
      await fullShot(page, shot('entity-tab'));

      await page.goto(`${baseUrl}/orchestrator?tab=runs`);
      await page.getByTestId('runs-table-row').first().waitFor();
      await assertNoHorizontalOverflow(page);
      await fullShot(page, shot('runs'));
    }
  }

  // The Workflows tab follows a run that finishes, with no reload.
  await useTheme(page, baseUrl, 'light');
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto(`${baseUrl}/orchestrator`);
  const row = page.locator(
    '[data-testid="workflows-table-row"][data-row-id="long-running"]',
  );
  await row.waitFor();
  const before = await row.innerText();
  const navigations = [];
  page.on(
    'framenavigated',
    frame => frame === page.mainFrame() && navigations.push(frame.url()),
  );
  const liveStarted = Date.now();
  const { id: liveId } = await apiAsGuest(
    baseUrl,
    'POST',
    '/v2/workflows/long-running/execute',
    { inputData: { steps: 1 } },
  );
  await waitForRun(baseUrl, liveId);
  await page.waitForFunction(
    ([selector, text]) => {
      const el = document.querySelector(selector);
      return el && el.innerText !== text && el.innerText.includes('Completed');
    },
    ['[data-testid="workflows-table-row"][data-row-id="long-running"]', before],
    { timeout: 30_000 },
  );
  figures.workflowsTabLiveMs = Date.now() - liveStarted;
  if (navigations.length > 0)
    throw new Error(`the Workflows tab reloaded: ${navigations.join(', ')}`);
  await page.screenshot({ path: `${artifacts}/12-workflows-live.png` });

  // All runs: catalog-backed Run by, a date preset and a status, kept in the URL.
  await page.goto(`${baseUrl}/orchestrator?tab=runs`);
  await page.getByTestId('runs-table-row').first().waitFor();
  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Completed', exact: true }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('combobox', { name: 'Started' }).click();
  await page.getByRole('option', { name: 'Last 7 days' }).click();
  const runBy = page.getByRole('combobox', { name: 'Run by' });
  await runBy.click();
  await runBy.fill('gues');
  await page.getByRole('option', { name: /user:default\/guest/ }).click();
  await page.waitForURL(
    url =>
      url.searchParams.get('runBy') === 'user:default/guest' &&
      url.searchParams.get('started') === '7d' &&
      url.searchParams.get('status') === 'COMPLETED',
  );
  await page.getByTestId('runs-table-row').first().waitFor();
  // the search finds a run by its whole id
  const search = page.getByRole('textbox', { name: 'Search runs' });
  await search.fill(liveId);
  await page.waitForURL(url => url.searchParams.get('q') === liveId);
  await page
    .getByTestId('run-link')
    .filter({ hasText: liveId })
    .first()
    .waitFor();
  await search.fill('');
  await page.waitForURL(url => !url.searchParams.get('q'));
  const filtered = page.url();

  await page.reload();
  await page.getByTestId('runs-table-row').first().waitFor();
  const expectFilters = async when => {
    const checks = {
      status: await page.getByRole('combobox', { name: 'Status' }).innerText(),
      started: await page
        .getByRole('combobox', { name: 'Started' })
        .innerText(),
      runBy: await runBy.inputValue(),
    };
    if (
      !checks.status.includes('Completed') ||
      !checks.started.includes('Last 7 days') ||
      checks.runBy !== 'user:default/guest'
    )
      throw new Error(`filters lost ${when}: ${JSON.stringify(checks)}`);
  };
  await expectFilters('after reload');
  await page.screenshot({ path: `${artifacts}/12-runs-filtered-reloaded.png` });

  await page.getByTestId('run-link').first().click();
  await page.waitForURL(/\/orchestrator\/instances\//);
  await page.goBack();
  await page.waitForURL(url => url.href === filtered);
  await page.getByTestId('runs-table-row').first().waitFor();
  await expectFilters('after Back');

  // "Run by" opens the guest's catalog page, not "Entity not found".
  await page.getByRole('link', { name: /guest/ }).first().click();
  await page.waitForURL(/\/catalog\/default\/user\/guest/);
  await page.getByRole('heading', { name: 'guest' }).first().waitFor();
  await page.getByText('About', { exact: true }).first().waitFor();

  // Time to first content of the Orchestrator page in this production build, in a fresh tab.
  const fresh = await page.context().newPage();
  // records when the first workflow row is in the DOM, without a round trip to the test
  await fresh.addInitScript(() => {
    new MutationObserver((_m, observer) => {
      if (document.querySelector('[data-testid="workflows-table-row"]')) {
        window.__firstRowMs = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await fresh.goto(`${baseUrl}/orchestrator`);
  await fresh.getByTestId('workflows-table-row').first().waitFor();
  figures.orchestratorPage = await fresh.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const fcp = performance
      .getEntriesByType('paint')
      .find(p => p.name === 'first-contentful-paint');
    return {
      firstContentfulPaintMs: Math.round(fcp?.startTime ?? -1),
      domContentLoadedMs: Math.round(nav.domContentLoadedEventEnd),
      loadMs: Math.round(nav.loadEventEnd),
      firstWorkflowRowMs: Math.round(window.__firstRowMs ?? -1),
    };
  });
  await fresh.close();
  writeFileSync(
    `${artifacts}/12-figures.json`,
    `${JSON.stringify(figures, null, 2)}\n`,
  );
}
