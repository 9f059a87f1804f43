import {
  apiAsGuest,
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

  // A failed run's logs straight from All runs, beside its status.
  const { id: failedId } = await apiAsGuest(
    baseUrl,
    'POST',
    '/v2/workflows/failing/execute',
    { inputData: { shouldFail: true, failUntilAttempt: 2 } },
  );
  for (let i = 0; ; i++) {
    const run = await apiAsGuest(
      baseUrl,
      'GET',
      `/v2/workflows/instances/${encodeURIComponent(failedId)}`,
    );
    if (run.state === 'ERROR') break;
    if (i > 60) throw new Error(`run ${failedId} did not fail`);
    await new Promise(r => setTimeout(r, 1000));
  }
  await page.goto(
    `${baseUrl}/orchestrator?tab=runs&q=${encodeURIComponent(failedId)}`,
  );
  const row = page
    .getByTestId('runs-table-row')
    .filter({ hasText: failedId })
    .first();
  await row.getByTestId('run-view-logs').waitFor();
  await page.screenshot({ path: `${artifacts}/run-logs-list-row.png` });
  await row.getByTestId('run-view-logs').click();
  const failedLines = page
    .getByTestId('workflow-logs-dialog')
    .getByTestId('logs-lines');
  await failedLines.waitFor();
  const failedText = await failedLines.innerText();
  if (!failedText.includes(failedId) || !/ERROR/.test(failedText))
    throw new Error(`failed run's lines: ${failedText.slice(0, 300)}`);
  // the dialog fades in; the picture is for a person, so it waits for the fade to end
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${artifacts}/run-logs-from-list.png` });
  return `${text.length} lines`;
}
