import {
  apiAsGuest,
  fillField,
  openAsGuest,
  selectOption,
  submitRun,
  waitForStatus,
} from '../lib/helpers.mjs';

/**
 * The widget sample, fed by the stand-in's demo service through the Backstage proxy:
 * dropdown options fetched, a fetched default and autocomplete, a mandatory chip, a
 * SchemaUpdater adding a field, a remote validation error, then Run.
 */
export default async function ({ page, baseUrl, artifacts }) {
  const proxied = [];
  page.on('request', request => {
    const url = request.url();
    if (url.includes('/demo-data/')) proxied.push(url);
  });
  await openAsGuest(
    page,
    `${baseUrl}/orchestrator/workflows/project-setup/execute`,
  );
  await page.getByTestId('orchestrator-form').waitFor();

  // Dropdown: options come from /demo-data/teams.
  await selectOption(page, 'Team', 'Search');
  // ActiveText reads the chosen team's lead.
  await page.getByText('grace@example.com').first().waitFor();

  // Fetched default for the language (Search → Rust), unless the user typed.
  const language = page.getByLabel('Main language', { exact: false }).first();
  await waitForValue(language, 'Rust');

  // Multi-select: no mandatory region for Search; Payments makes eu-west mandatory.
  await selectOption(page, 'Team', 'Payments');
  await page.getByText('ada@example.com').first().waitFor();
  await waitForValue(language, 'Go');
  // A mandatory chip has no delete button: it is found by its text.
  await page.getByText('eu-west', { exact: true }).first().waitFor();

  // SchemaUpdater: choosing PostgreSQL brings its settings field.
  await selectOption(page, 'Database', 'postgres');
  await page
    .getByLabel('PostgreSQL version', { exact: false })
    .first()
    .waitFor();

  // Remote validation: a taken name is refused at the field.
  await fillField(page, 'Project name', 'checkout');
  await page.getByLabel('Project name', { exact: false }).first().blur();
  await page
    .getByText("The name 'checkout' is already taken")
    .first()
    .waitFor();
  await page.screenshot({
    path: `${artifacts}/widgets-validation-error.png`,
    fullPage: true,
  });
  await fillField(page, 'Project name', 'ledger-e2e');
  await page.getByLabel('Project name', { exact: false }).first().blur();
  await page
    .getByText("The name 'checkout' is already taken")
    .first()
    .waitFor({ state: 'detached' });

  // Single-step forms go through the review too.
  const reviewNext = page.getByTestId('orchestrator-form-next');
  if (await reviewNext.count()) await reviewNext.click();
  await page.getByTestId('orchestrator-form-review-table').waitFor();
  await page.screenshot({
    path: `${artifacts}/widgets-review.png`,
    fullPage: true,
  });
  const runId = await submitRun(page);
  await waitForStatus(page, 'Completed');
  const run = await apiAsGuest(
    baseUrl,
    'GET',
    `/v2/workflows/instances/${encodeURIComponent(runId)}`,
  );
  const inputs = run.instance?.inputData ?? run.inputData;
  const problems = [];
  if (inputs.team !== 'payments') problems.push(`team ${inputs.team}`);
  if (inputs.name !== 'ledger-e2e') problems.push(`name ${inputs.name}`);
  if (inputs.language !== 'Go') problems.push(`language ${inputs.language}`);
  if (!inputs.regions?.includes('eu-west'))
    problems.push(`regions ${inputs.regions}`);
  if (inputs.databaseSettings?.version !== '16') {
    problems.push(
      `databaseSettings ${JSON.stringify(inputs.databaseSettings)}`,
    );
  }
  if ('databaseUpdater' in inputs || 'teamInfo' in inputs) {
    problems.push('display-only fields were sent');
  }
  if (problems.length) throw new Error(`wrong inputs: ${problems.join('; ')}`);
  if (
    !proxied.every(url => url.startsWith(`${baseUrl}/api/proxy/demo-data/`))
  ) {
    throw new Error(
      `a widget fetched outside the proxy: ${proxied.join(', ')}`,
    );
  }
  await page.screenshot({
    path: `${artifacts}/widgets-completed.png`,
    fullPage: true,
  });
}

async function waitForValue(locator, value, timeout = 15_000) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if ((await locator.inputValue()) === value) return;
    await new Promise(r => setTimeout(r, 200));
  }
  throw new Error(`expected '${value}', found '${await locator.inputValue()}'`);
}
