import { assertNoHorizontalOverflow, openAsGuest } from '../lib/helpers.mjs';

/** The Orchestrator page lists the sample workflows loaded into the stand-in. */
export default async function ({ page, baseUrl, artifacts }) {
  await openAsGuest(page, `${baseUrl}/orchestrator`);
  await page.getByText('greeting', { exact: false }).first().waitFor();
  await assertNoHorizontalOverflow(page);
  await page.screenshot({ path: `${artifacts}/orchestrator-page.png` });
}
