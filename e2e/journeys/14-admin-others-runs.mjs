import { writeFileSync } from 'node:fs';
import { openAsGuest } from '../lib/helpers.mjs';

/** Well under the 15 s of the fallback poll, and above the watcher's 1 s interval in e2e. */
const LIVE_WITHIN_MS = 8_000;
/** Longer than the fallback poll's interval: a poll would fall into it. */
const QUIET_MS = 16_000;

/**
 * An instance admin's pages follow runs that are not theirs, by signals and without polling.
 * The guest is an admin under the e2e policy; its page requests make the backend count it as
 * a live admin, so the watcher ticks it on `orchestrator:workflows` for runs started straight
 * at the workflow service (no Backstage user owns them). The Workflows tab makes no request
 * for longer than the 15 s poll unless a tick asked for one, then shows such a run's last run
 * within seconds; All runs shows the next such run within seconds too, in the same document.
 */
export default async function ({ page, baseUrl, standinUrl, artifacts }) {
  const lists = [];
  const ticks = [];
  page.on('request', request => {
    if (
      /\/api\/orchestrator\/v2\/workflows\/(overview|instances)/.test(
        request.url(),
      )
    )
      lists.push(Date.now());
  });
  page.on('websocket', ws =>
    ws.on('framereceived', ({ payload }) => {
      if (String(payload).includes('"orchestrator:workflows"'))
        ticks.push(Date.now());
    }),
  );
  const between = (times, from, to) =>
    times.filter(t => t >= from && t < to).length;

  await openAsGuest(page, `${baseUrl}/orchestrator`);
  const row = page.locator(
    '[data-testid="workflows-table-row"][data-row-id="greeting"]',
  );
  await row.waitFor();
  await page.evaluate(() => {
    window.__sameDocument = true;
  });

  const quietFrom = Date.now();
  await page.waitForTimeout(QUIET_MS);
  const quietTo = Date.now();
  const quietLists = between(lists, quietFrom, quietTo);
  const quietTicks = between(ticks, quietFrom, quietTo);
  // each refresh answers a tick (queued refreshes can merge ticks); a poll answers none
  if (quietLists > quietTicks)
    throw new Error(
      `the Workflows tab polled: ${quietLists} list requests for ${quietTicks} ticks in ${QUIET_MS} ms`,
    );

  const first = await startAtWorkflowService(standinUrl, 'Nobody');
  const started = Date.now();
  await row
    .locator(`a[href$="/instances/${encodeURIComponent(first)}"]`)
    .waitFor({ timeout: LIVE_WITHIN_MS });
  const workflowsTabMs = Date.now() - started;
  if (between(ticks, started, Date.now()) === 0)
    throw new Error('the Workflows tab updated without a tick');

  await page.getByRole('tab', { name: 'All runs' }).click();
  await page.getByTestId('runs-table-row').first().waitFor();
  const second = await startAtWorkflowService(standinUrl, 'Nobody else');
  const startedAgain = Date.now();
  await page
    .getByTestId('runs-table-row')
    .filter({
      has: page.locator(`a[href$="/instances/${encodeURIComponent(second)}"]`),
    })
    .first()
    .waitFor({ timeout: LIVE_WITHIN_MS });
  const allRunsMs = Date.now() - startedAgain;

  if (!(await page.evaluate(() => window.__sameDocument === true)))
    throw new Error('the page reloaded');
  await page.screenshot({ path: `${artifacts}/14-admin-others-run.png` });
  writeFileSync(
    `${artifacts}/14-figures.json`,
    JSON.stringify(
      { workflowsTabMs, allRunsMs, quietLists, quietTicks, quietMs: QUIET_MS },
      null,
      2,
    ),
  );
}

/** A run no Backstage user owns: started at the workflow service itself. */
async function startAtWorkflowService(standinUrl, name) {
  const res = await fetch(`${standinUrl}/greeting`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, language: 'English' }),
  });
  if (!res.ok) throw new Error(`start at the workflow service: ${res.status}`);
  return (await res.json()).id;
}
