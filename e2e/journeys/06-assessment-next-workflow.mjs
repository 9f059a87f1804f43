import {
  fillField,
  openAsGuest,
  submitRun,
  waitForStatus,
} from '../lib/helpers.mjs';

/** An assessment suggests next workflows; following one opens a form prefilled from the run. */
export default async function ({ page, baseUrl, artifacts }) {
  await openAsGuest(
    page,
    `${baseUrl}/orchestrator/workflows/assessment/execute`,
  );
  await fillField(page, 'Project name', 'payments');
  await page.getByLabel('Main language', { exact: false }).first().click();
  await page.getByRole('option', { name: 'java', exact: true }).click();
  const runId = await submitRun(page);
  await waitForStatus(page, 'Completed');

  const suggestions = page.getByTestId('next-workflows');
  await suggestions.first().waitFor();
  await page.screenshot({
    path: `${artifacts}/assessment-completed.png`,
    fullPage: true,
  });
  const next = page.locator('[data-testid^="next-workflow-"]').first();
  const nextId = (await next.getAttribute('data-testid')).replace(
    'next-workflow-',
    '',
  );
  await next.click();
  await page.waitForURL(
    new RegExp(
      `/orchestrator/workflows/${nextId}/execute\\?.*instanceId=${runId}`,
    ),
  );
  await page.getByTestId('prefilled-from').waitFor();
  await page.screenshot({
    path: `${artifacts}/next-workflow-prefilled.png`,
    fullPage: true,
  });
}
