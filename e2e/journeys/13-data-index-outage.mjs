import { apiAsGuest, openAsGuest } from '../lib/helpers.mjs';

async function setDataIndex(standinUrl, state) {
  const res = await fetch(`${standinUrl}/__standin/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ dataIndex: state }),
  });
  if (!res.ok) throw new Error(`stand-in faults: ${res.status}`);
}

/**
 * The Data Index goes away while the Orchestrator is open: All runs says it is unavailable and
 * that it retries by itself; once the Data Index is back the runs come back in the same page,
 * with no reload (a marker set on the window before the outage is still there). A second outage
 * while rows are shown keeps them, marked as maybe stale, until the page catches up by itself.
 */
export default async function ({ page, baseUrl, standinUrl, artifacts }) {
  await apiAsGuest(baseUrl, 'POST', '/v2/workflows/greeting/execute', {
    inputData: { name: 'Outage', language: 'English' },
  });
  await openAsGuest(page, `${baseUrl}/orchestrator`);
  const allRuns = page.getByRole('tab', { name: 'All runs' });
  const workflows = page.getByRole('tab', { name: 'Workflows' });
  await allRuns.click();
  await page
    .getByRole('link', { name: /greeting/i })
    .first()
    .waitFor();
  await page.evaluate(() => {
    window.__sameDocument = true;
  });

  try {
    await workflows.click();
    await setDataIndex(standinUrl, 'unavailable');
    await allRuns.click();
    const outage = page.getByTestId('data-index-unavailable');
    await outage.waitFor();
    const text = await outage.innerText();
    if (
      !/Data Index is unavailable/.test(text) ||
      !/retries by itself/.test(text)
    ) {
      throw new Error(`outage panel says: ${text}`);
    }
    await page.screenshot({ path: `${artifacts}/data-index-outage.png` });
  } finally {
    await setDataIndex(standinUrl, 'up');
  }

  // Backoff 2, 4, 8, 16 s: the page must come back well within a minute, by itself.
  await page
    .getByTestId('data-index-unavailable')
    .waitFor({ state: 'detached', timeout: 60_000 });
  await page
    .getByRole('link', { name: /greeting/i })
    .first()
    .waitFor();
  if (!(await page.evaluate(() => window.__sameDocument === true))) {
    throw new Error('the page was reloaded');
  }
  await page.screenshot({ path: `${artifacts}/data-index-recovered.png` });

  // Down again while rows are on screen: a new search cannot load, the rows stay and the page
  // says they may be stale, until the Data Index is back and the search answers by itself.
  try {
    await setDataIndex(standinUrl, 'unavailable');
    await page.getByLabel('Search runs').fill('greet');
    await page.getByTestId('stale-data').waitFor();
    await page
      .getByRole('link', { name: /greeting/i })
      .first()
      .waitFor();
    await page.screenshot({ path: `${artifacts}/data-index-stale.png` });
  } finally {
    await setDataIndex(standinUrl, 'up');
  }
  await page
    .getByTestId('stale-data')
    .waitFor({ state: 'detached', timeout: 60_000 });
  if (!(await page.evaluate(() => window.__sameDocument === true))) {
    throw new Error('the page was reloaded');
  }
}
