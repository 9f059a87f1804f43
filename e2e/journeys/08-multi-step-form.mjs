import {
  apiAsGuest,
  assertNoHorizontalOverflow,
  fillField,
  openAsGuest,
  selectOption,
  submitRun,
  waitForStatus,
} from '../lib/helpers.mjs';

/**
 * The multi-step sample: an invalid step blocks Next, conditional fields come and go with the
 * answers that govern them, Back keeps what was typed, the review lists every value, and the
 * run starts with exactly those inputs.
 */
export default async function ({ page, baseUrl, artifacts }) {
  await openAsGuest(
    page,
    `${baseUrl}/orchestrator/workflows/multi-step/execute`,
  );
  const form = page.getByTestId('orchestrator-form');
  await form.getByTestId('orchestrator-form-stepper').waitFor();
  const onStep = key =>
    page.getByTestId(`orchestrator-form-step-${key}`).waitFor();
  const next = () => page.getByTestId('orchestrator-form-next').click();

  await onStep('project');
  await fillField(page, 'Name', 'Not Valid!');
  await next();
  // Still on the first step, with the rule explained at the field.
  await onStep('project');
  await page.getByText(/Name/).first().waitFor();
  await page.screenshot({
    path: `${artifacts}/multi-step-invalid-step.png`,
    fullPage: true,
  });
  await fillField(page, 'Name', 'svc-e2e');
  await fillField(page, 'Description', 'Made by the browser journey');
  await next();

  await onStep('deployment');
  const canary = page.getByLabel('Canary traffic', { exact: false }).first();
  if ((await canary.count()) && (await canary.isVisible())) {
    throw new Error(
      'the canary field shows before the canary strategy is chosen',
    );
  }
  await selectOption(page, 'Environment', 'prod');
  await selectOption(page, 'Rollout strategy', 'canary');
  await page.getByLabel('Canary traffic', { exact: false }).first().waitFor();
  await page.getByLabel('Change ticket', { exact: false }).first().waitFor();
  await next();
  // The change ticket is required for prod: Next is refused.
  await onStep('deployment');
  await fillField(page, 'Change ticket', 'CHG-7');

  await page.getByTestId('orchestrator-form-back').click();
  await onStep('project');
  const name = page.getByLabel('Name', { exact: false }).first();
  if ((await name.inputValue()) !== 'svc-e2e') {
    throw new Error(`Back lost the name: '${await name.inputValue()}'`);
  }
  await next();
  await onStep('deployment');
  const ticket = page.getByLabel('Change ticket', { exact: false }).first();
  if ((await ticket.inputValue()) !== 'CHG-7') {
    throw new Error(
      `Back lost the change ticket: '${await ticket.inputValue()}'`,
    );
  }
  await next();

  await onStep('notification');
  await fillField(page, 'Email', 'team@example.com');
  await page.getByLabel('Failure channel', { exact: false }).first().waitFor();
  await next();

  const review = page.getByTestId('orchestrator-form-review-table');
  await review.waitFor();
  for (const value of [
    'svc-e2e',
    'prod',
    'canary',
    'CHG-7',
    'team@example.com',
    '#alerts',
  ]) {
    await review.getByText(value, { exact: true }).first().waitFor();
  }
  await assertNoHorizontalOverflow(page);
  await page.screenshot({
    path: `${artifacts}/multi-step-review.png`,
    fullPage: true,
  });

  const runId = await submitRun(page);
  await waitForStatus(page, 'Completed');
  const run = await apiAsGuest(
    baseUrl,
    'GET',
    `/v2/workflows/instances/${encodeURIComponent(runId)}`,
  );
  const expected = {
    project: {
      name: 'svc-e2e',
      owner: 'group:default/team-a',
      description: 'Made by the browser journey',
    },
    deployment: {
      environment: 'prod',
      replicas: 1,
      strategy: 'canary',
      canaryPercent: 10,
      changeTicket: 'CHG-7',
    },
    notification: {
      email: 'team@example.com',
      notifyOnFailure: true,
      failureChannel: '#alerts',
    },
  };
  const inputs = run.instance?.inputData ?? run.inputData;
  if (JSON.stringify(sortKeys(inputs)) !== JSON.stringify(sortKeys(expected))) {
    throw new Error(
      `the run started with other inputs: ${JSON.stringify(inputs)}`,
    );
  }
  await page.getByTestId('result-outputs').getByText('CHG-7').first().waitFor();
  await page.screenshot({
    path: `${artifacts}/multi-step-completed.png`,
    fullPage: true,
  });
}

function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map(k => [k, sortKeys(value[k])]),
    );
  }
  return value;
}
