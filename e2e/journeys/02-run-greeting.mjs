import {
  assertNoHorizontalOverflow,
  fillField,
  openAsGuest,
  submitRun,
  waitForStatus,
} from '../lib/helpers.mjs';

/**
 * Run the greeting from the Orchestrator page and see it complete with its outputs; the
 * completion notification reaches the guest.
 */
export default async function ({ page, baseUrl, artifacts }) {
  await openAsGuest(page, `${baseUrl}/orchestrator`);
  await page.getByTestId('run-workflow-greeting').click();
  await page.waitForURL(/\/orchestrator\/workflows\/greeting\/execute/);
  await fillField(page, 'Your name', 'Ada');
  const runId = await submitRun(page);

  await waitForStatus(page, 'Completed');
  const outputs = page.getByTestId('result-outputs');
  await outputs.getByText('Hello, Ada!').first().waitFor();
  await outputs.getByText('Documentation').first().waitFor();
  await page.getByTestId('result-message').getByText('Hello, Ada!').waitFor();
  await assertNoHorizontalOverflow(page);
  await page.screenshot({
    path: `${artifacts}/run-greeting-completed.png`,
    fullPage: true,
  });

  await page.goto(`${baseUrl}/notifications`);
  const link = page
    .locator(`a[href*="/orchestrator/instances/${runId}"]`)
    .first();
  await link.waitFor({ timeout: 30_000 });
  await page.screenshot({ path: `${artifacts}/notifications.png` });
}
