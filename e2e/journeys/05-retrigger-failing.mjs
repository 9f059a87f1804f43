import {
  confirmAction,
  openAsGuest,
  submitRun,
  waitForStatus,
} from '../lib/helpers.mjs';

/** The failing workflow fails at its known node; retrigger makes it complete. */
export default async function ({ page, baseUrl, artifacts }) {
  await openAsGuest(page, `${baseUrl}/orchestrator/workflows/failing/execute`);
  const runId = await submitRun(page);
  await waitForStatus(page, 'Failed');
  await page.getByTestId('failed-node-message').first().waitFor();
  await page.screenshot({
    path: `${artifacts}/failing-failed.png`,
    fullPage: true,
  });

  await confirmAction(page, 'retrigger');
  await waitForStatus(page, 'Completed', 60_000);
  if (!page.url().includes(encodeURIComponent(runId))) {
    throw new Error('retrigger should keep the same run');
  }
  await page.screenshot({
    path: `${artifacts}/failing-retriggered.png`,
    fullPage: true,
  });
}
