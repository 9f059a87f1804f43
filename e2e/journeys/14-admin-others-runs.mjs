import { writeFileSync } from 'node:fs';
import { openAsGuest } from '../lib/helpers.mjs';

/**
 * An instance admin's pages follow runs that are not theirs. Signals go only to a run's owner,
 * so a run started straight at the workflow service (no Backstage user: no one is signalled)
 * reaches the guest, an admin under the e2e policy, only through the admin pages' polling:
 * the Workflows tab's last run and then All runs show it within the 15 s interval, in the
 * same document.
 */
export default async function ({ page, baseUrl, standinUrl, artifacts }) {
  await openAsGuest(page, `${baseUrl}/orchestrator`);
  const row = page.locator(
    '[data-testid="workflows-table-row"][data-row-id="greeting"]',
  );
  await row.waitFor();
  await page.evaluate(() => {
    window.__sameDocument = true;
  });

  const res = await fetch(`${standinUrl}/greeting`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Nobody', language: 'English' }),
  });
  if (!res.ok) throw new Error(`start at the workflow service: ${res.status}`);
  const { id } = await res.json();
  const started = Date.now();

  const lastRun = row.locator(
    `a[href$="/instances/${encodeURIComponent(id)}"]`,
  );
  await lastRun.waitFor({ timeout: 30_000 });
  const workflowsTabMs = Date.now() - started;

  await page.getByRole('tab', { name: 'All runs' }).click();
  await page
    .getByTestId('runs-table-row')
    .filter({
      has: page.locator(`a[href$="/instances/${encodeURIComponent(id)}"]`),
    })
    .first()
    .waitFor({ timeout: 30_000 });

  if (!(await page.evaluate(() => window.__sameDocument === true)))
    throw new Error('the page reloaded');
  await page.screenshot({ path: `${artifacts}/14-admin-others-run.png` });
  writeFileSync(
    `${artifacts}/14-figures.json`,
    JSON.stringify({ workflowsTabMs }, null, 2),
  );
}
