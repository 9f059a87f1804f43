import {
  fillField,
  openAsGuest,
  submitRun,
  waitForStatus,
} from '../lib/helpers.mjs';

/** An entity's Workflows tab lists its workflows; a run started there carries the entity. */
export default async function ({ page, baseUrl, artifacts }) {
  await openAsGuest(
    page,
    `${baseUrl}/catalog/default/component/payments-api/workflows`,
  );
  await page.getByTestId('orchestrator-catalog-tab').waitFor();
  await page.getByTestId('entity-workflow-row').first().waitFor();
  await page.screenshot({
    path: `${artifacts}/entity-workflows-tab.png`,
    fullPage: true,
  });

  await page.getByTestId('run-workflow-greeting').click();
  await page.waitForURL(/targetEntity=component%3Adefault%2Fpayments-api/);
  await page.getByTestId('target-entity').waitFor();
  await fillField(page, 'Your name', 'Payments team');
  const runId = await submitRun(page);
  await waitForStatus(page, 'Completed');
  await page.getByText('component:default/payments-api').first().waitFor();

  await page.goto(
    `${baseUrl}/catalog/default/component/payments-api/workflows`,
  );
  // This run, not just any run, is now in the entity's history on its tab.
  await page
    .getByTestId('run-link')
    .filter({ hasText: runId })
    .first()
    .waitFor();
}
