import {
  apiAsGuest,
  confirmAction,
  openAsGuest,
  waitForStatus,
} from '../lib/helpers.mjs';

/** Abort a running run from its page; it ends Aborted and can no longer be aborted. */
export default async function ({ page, baseUrl, artifacts }) {
  const { id } = await apiAsGuest(
    baseUrl,
    'POST',
    '/v2/workflows/long-running/execute',
    {
      inputData: { steps: 20 },
    },
  );
  await openAsGuest(
    page,
    `${baseUrl}/orchestrator/instances/${encodeURIComponent(id)}`,
  );
  await waitForStatus(page, 'Running');
  await confirmAction(page, 'abort');
  await waitForStatus(page, 'Aborted');
  if (!(await page.getByTestId('action-abort').isDisabled())) {
    throw new Error('Abort is still enabled on an aborted run');
  }
  const instance = await apiAsGuest(
    baseUrl,
    'GET',
    `/v2/workflows/instances/${encodeURIComponent(id)}`,
  );
  if (instance.state !== 'ABORTED')
    throw new Error(`backend says ${instance.state}`);
  await page.screenshot({ path: `${artifacts}/aborted.png`, fullPage: true });
}
