import {
  fillField,
  openAsGuest,
  submitRun,
  waitForStatus,
} from '../lib/helpers.mjs';

/**
 * A finished run's "View logs": the lines the stand-in's runtime wrote, read through the Loki
 * module (app-config points it at the stand-in's query_range), oldest first, then downloaded.
 */
export default async function ({ page, baseUrl, artifacts }) {
  await openAsGuest(page, `${baseUrl}/orchestrator/workflows/greeting/execute`);
  await fillField(page, 'Your name', 'Ada');
  const runId = await submitRun(page);
  await waitForStatus(page, 'Completed');

  await page.getByTestId('action-view-logs').click();
  const dialog = page.getByTestId('workflow-logs-dialog');
  const lines = dialog.getByTestId('logs-lines');
  await lines.waitFor();
  const text = (await lines.innerText()).split('\n').filter(Boolean);
  if (!text[0]?.includes(`Starting workflow 'greeting' instance ${runId}`))
    throw new Error(`first line: ${text[0]}`);
  if (!text.some(l => l.includes('[sysout] Hello, Ada')))
    throw new Error('no line with what the workflow printed');
  if (!/is COMPLETED$/.test(text[text.length - 1]))
    throw new Error(`last line: ${text[text.length - 1]}`);
  if (!text.every(l => l.includes(runId)))
    throw new Error("a line without the run's id");
  await page.screenshot({ path: `${artifacts}/run-logs.png` });

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByTestId('logs-download').click(),
  ]);
  if (download.suggestedFilename() !== `${runId}.log`)
    throw new Error(`downloaded ${download.suggestedFilename()}`);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await dialog.waitFor({ state: 'detached' });
  return `${text.length} lines`;
}
