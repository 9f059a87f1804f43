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
  // The greeting is one of the suggestions; its form takes the project name the run handed on.
  await page.getByTestId('next-workflow-greeting').first().click();
  await page.waitForURL(
    new RegExp(
      `/orchestrator/workflows/greeting/execute\\?.*instanceId=${runId}`,
    ),
  );
  await page.getByTestId('prefilled-from').waitFor();
  const name = page.getByLabel('Your name', { exact: false }).first();
  await name.waitFor();
  if ((await name.inputValue()) !== 'payments') {
    throw new Error(
      `the form was not prefilled from the run: name is '${await name.inputValue()}'`,
    );
  }
  await page.screenshot({
    path: `${artifacts}/next-workflow-prefilled.png`,
    fullPage: true,
  });
}
