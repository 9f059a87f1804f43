import {
  openAsGuest,
  selectOption,
  submitRun,
  waitForStatus,
} from '../lib/helpers.mjs';

/**
 * The provision-environment sample (parallel branches, retries, an event wait, compensation,
 * every external call mocked by the stand-in): a run told to fail at the DNS branch ends
 * Failed, and its progress shows the retried branch and the compensation that rolled it back.
 */
export default async function ({ page, baseUrl, artifacts }) {
  await openAsGuest(
    page,
    `${baseUrl}/orchestrator/workflows/provision-environment/execute`,
  );
  await page.getByTestId('orchestrator-form').waitFor();
  await page
    .getByLabel('Environment name', { exact: false })
    .first()
    .fill('e2e-env');
  await selectOption(page, 'Simulate a failure', 'dns');
  await submitRun(page);
  await waitForStatus(page, 'Failed', 90_000);

  const progress = page.getByTestId('instance-progress');
  await progress.waitFor();
  for (const node of [
    'CreateNamespace',
    'ProvisionResources',
    'createDnsRecord',
  ]) {
    await progress.getByText(node, { exact: false }).first().waitFor();
  }
  // The namespace created before the failure was released again.
  await progress
    .getByText('deleteNamespace', { exact: false })
    .first()
    .waitFor();
  await page.screenshot({
    path: `${artifacts}/compensated-failure.png`,
    fullPage: true,
  });
}
