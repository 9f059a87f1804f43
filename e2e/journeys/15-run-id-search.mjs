import { writeFileSync } from 'node:fs';
import { apiAsGuest, openAsGuest } from '../lib/helpers.mjs';

/**
 * Issue 12: All runs finds a run by the first 8 characters of its id, as seen in a log or a
 * notification. One run is started through the portal (the run store knows it), one straight
 * at the workflow service (only the run index knows it, once the watcher has seen it); typing
 * either prefix leaves that run's row, and only rows whose id starts so.
 */
const PREFIX = 8;

async function waitUntilSearchFinds(baseUrl, id, ms = 30_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const { items } = await apiAsGuest(
      baseUrl,
      'POST',
      '/v2/workflows/instances',
      { search: id.slice(0, PREFIX) },
    );
    if (items.some(i => i.id === id)) return;
    if (Date.now() > deadline)
      throw new Error(`the backend search never found ${id} by its prefix`);
    await new Promise(r => setTimeout(r, 500));
  }
}

/** The run ids the table's rows link to. */
async function shownRunIds(page) {
  const hrefs = await page
    .getByTestId('runs-table-row')
    .locator('a[href*="/orchestrator/instances/"]')
    .evaluateAll(links => links.map(a => a.getAttribute('href')));
  return [
    ...new Set(
      hrefs.map(h => decodeURIComponent(h.split('/instances/')[1] ?? '')),
    ),
  ];
}

/**
 * Types the prefix and waits for the answer to it: the run shown and every other row gone
 * (the newest runs, this one among them, are on the page before the search answers).
 */
async function searchInTheBrowser(page, id, ms = 15_000) {
  const prefix = id.slice(0, PREFIX);
  await page.getByTestId('search-input').fill(prefix);
  const started = Date.now();
  for (;;) {
    const shown = await shownRunIds(page);
    const others = shown.filter(runId => !runId.startsWith(prefix));
    if (shown.includes(id) && others.length === 0) return Date.now() - started;
    if (Date.now() - started > ms)
      throw new Error(
        `searching ${prefix} shows ${
          shown.join(', ') || 'no run'
        }, not only ${id}`,
      );
    await page.waitForTimeout(200);
  }
}

export default async function ({ page, baseUrl, standinUrl, artifacts }) {
  const { id: portalRun } = await apiAsGuest(
    baseUrl,
    'POST',
    '/v2/workflows/greeting/execute',
    { inputData: { name: 'Prefix', language: 'English' } },
  );
  const res = await fetch(`${standinUrl}/greeting`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Elsewhere', language: 'English' }),
  });
  if (!res.ok) throw new Error(`start at the workflow service: ${res.status}`);
  const { id: outsideRun } = await res.json();
  // The watcher feeds the run index every second here; the browser step is not about that wait.
  await waitUntilSearchFinds(baseUrl, outsideRun);

  await openAsGuest(page, `${baseUrl}/orchestrator?tab=runs`);
  await page.getByTestId('runs-table-row').first().waitFor();
  const placeholder = await page
    .getByTestId('search-input')
    .getAttribute('placeholder');
  if (!/run id/.test(placeholder ?? ''))
    throw new Error(`the search field's hint says '${placeholder}'`);
  await page.getByTestId('search-input').focus(); // the hint shows while focused and empty
  await page.screenshot({ path: `${artifacts}/15-search-hint.png` });

  const figures = {
    portalRunMs: await searchInTheBrowser(page, portalRun),
    outsideRunMs: await searchInTheBrowser(page, outsideRun),
  };
  await page.screenshot({ path: `${artifacts}/15-run-id-search.png` });
  writeFileSync(
    `${artifacts}/15-figures.json`,
    JSON.stringify(figures, null, 2),
  );
}
