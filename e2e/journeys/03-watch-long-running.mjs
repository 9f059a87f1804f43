import { apiAsGuest, openAsGuest, waitForStatus } from '../lib/helpers.mjs';

/** The long-running workflow's progress grows on its run page without a reload. */
export default async function ({ page, baseUrl, artifacts }) {
  const { id } = await apiAsGuest(
    baseUrl,
    'POST',
    '/v2/workflows/long-running/execute',
    {
      inputData: { steps: 4 },
    },
  );
  await openAsGuest(
    page,
    `${baseUrl}/orchestrator/instances/${encodeURIComponent(id)}`,
  );
  await waitForStatus(page, 'Running');
  const nodes = page.getByTestId('progress-node');
  await nodes.first().waitFor();
  const seenAtFirst = await nodes.count();
  const navigations = [];
  page.on(
    'framenavigated',
    frame => frame === page.mainFrame() && navigations.push(frame.url()),
  );

  await waitForStatus(page, 'Completed', 90_000);
  const seenAtEnd = await nodes.count();
  if (seenAtEnd <= seenAtFirst) {
    throw new Error(
      `progress did not grow: ${seenAtFirst} nodes at first, ${seenAtEnd} at the end`,
    );
  }
  if (navigations.length > 0)
    throw new Error(`the page reloaded: ${navigations.join(', ')}`);
  await page.screenshot({
    path: `${artifacts}/long-running-completed.png`,
    fullPage: true,
  });
}
