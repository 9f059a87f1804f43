// Shared steps of the browser journeys.

/** Opens a page of the app as the guest user (signs in when the sign-in page shows). */
export async function openAsGuest(page, url) {
  await page.goto(url);
  const enter = page.getByRole('button', { name: /enter/i });
  const signedIn = page.getByText('Orchestrator', { exact: false }).first();
  await Promise.race([
    enter.waitFor({ state: 'visible' }).then(() => enter.click()),
    signedIn.waitFor({ state: 'visible' }),
  ]);
}

/** Calls the backend API with the guest's token, for set-up steps a journey is not about. */
export async function apiAsGuest(baseUrl, method, apiPath, body) {
  const { backstageIdentity } = await (
    await fetch(`${baseUrl}/api/auth/guest/refresh`, {
      headers: { 'x-requested-with': 'XMLHttpRequest' },
    })
  ).json();
  const res = await fetch(`${baseUrl}/api/orchestrator${apiPath}`, {
    method,
    headers: {
      authorization: `Bearer ${backstageIdentity.token}`,
      'content-type': 'application/json',
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok)
    throw new Error(`${method} ${apiPath}: ${res.status} ${await res.text()}`);
  return res.headers.get('content-type')?.includes('json')
    ? res.json()
    : res.text();
}

/** Waits until the run page's status chip says `label` (Running, Completed, Failed, Aborted…). */
export async function waitForStatus(page, label, timeout = 60_000) {
  await page
    .getByTestId('instance-details')
    .or(page.locator('body'))
    .getByTestId('run-status')
    .filter({ hasText: label })
    .first()
    .waitFor({ timeout });
}

/** Fills the run form's text field with the given label. */
export async function fillField(page, label, value) {
  await page.getByLabel(label, { exact: false }).first().fill(value);
}

/** Picks `option` in the select (or autocomplete) labelled `label`. */
export async function selectOption(page, label, option) {
  await page.getByLabel(label, { exact: false }).first().click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/**
 * Submits the run form (through its review step: Next until Run shows) and waits for the run
 * page it navigates to; returns the run id.
 */
export async function submitRun(page) {
  const run = page
    .getByTestId('orchestrator-form-run')
    .or(page.getByTestId('execute-submit'));
  const next = page.getByTestId('orchestrator-form-next');
  for (let step = 0; step < 10; step++) {
    await run.or(next).first().waitFor();
    if (await run.first().isVisible()) break;
    await next.click();
  }
  await run.first().click();
  await page.waitForURL(/\/orchestrator\/instances\/[^/?]+/);
  return decodeURIComponent(new URL(page.url()).pathname.split('/').pop());
}

/** Clicks an action on the run page and accepts its confirmation dialog. */
export async function confirmAction(page, action) {
  await page.getByTestId(`action-${action}`).click();
  // the confirm button is named after the action ("Abort run"), so find it by its role in the dialog
  await page.getByTestId('confirm-button').click();
}

/** Fails when the page is wider than the window (content pushed off screen, a layout bug). */
export async function assertNoHorizontalOverflow(page) {
  const { viewport, content } = await page.evaluate(() => ({
    viewport: document.documentElement.clientWidth,
    content: document.documentElement.scrollWidth,
  }));
  if (content > viewport + 1) {
    throw new Error(`the page is ${content}px wide in a ${viewport}px window`);
  }
}
