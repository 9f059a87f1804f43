import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openAsGuest } from '../lib/helpers.mjs';

// A second stand-in whose workflows folder holds a workflow it refuses to load; the backend
// reads load problems from it (orchestrator.loadProblems.url in e2e/app-config.e2e.yaml).
const PROBLEMS_URL = 'http://localhost:8898';

const BROKEN = `id: provision-db
specVersion: "0.8"
version: "1.0"
start: Work
states:
  - name: Work
    type: inject
    data: {}
    compensatedBy: Undo
    end: true
  - name: Undo
    type: inject
    data: {}
    end: true
`;

async function untilUp(url, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const ok = await fetch(url).then(
      r => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise(r => setTimeout(r, 300));
  }
  throw new Error(`${url} did not come up`);
}

/**
 * An admin (the guest: the host's policy allows everything) sees which deployed workflow failed
 * to load and why: a notice on the Orchestrator page, and on the workflow's own page the reason
 * instead of a bare not-found.
 */
export default async function ({ page, baseUrl, artifacts }) {
  const dir = mkdtempSync(path.join(tmpdir(), 'e2e-load-problems-'));
  writeFileSync(path.join(dir, 'provision-db.sw.yaml'), BROKEN);
  const standin = spawn(
    'bash',
    [
      '-c',
      `exec yarn workspace @orchestrator-suite/sonataflow-standin start --port 8898 --workflows "${dir}" > "${artifacts}/standin-load-problems.log" 2>&1`,
    ],
    { detached: true, env: process.env },
  );
  try {
    await untilUp(`${PROBLEMS_URL}/__standin/problems`, 60_000);

    await openAsGuest(page, `${baseUrl}/orchestrator`);
    const notice = page.getByTestId('load-problems');
    // The backend reuses an answer for a second; a page opened before that shows it on reload.
    for (let i = 0; i < 10 && !(await notice.isVisible()); i++) {
      await page.waitForTimeout(1000);
      await page.reload();
    }
    await notice.waitFor();
    await notice.getByText('Workflows that failed to load (1)').waitFor();
    await notice
      .getByText("state 'Undo' compensates 'Work'", { exact: false })
      .waitFor();
    await page.screenshot({ path: `${artifacts}/load-problems-notice.png` });

    await page.goto(`${baseUrl}/orchestrator/workflows/provision-db`);
    const alert = page.getByTestId('workflow-load-problem');
    await alert
      .getByText('Workflow provision-db failed to load:', { exact: false })
      .waitFor();
    await page.screenshot({ path: `${artifacts}/workflow-load-problem.png` });
  } finally {
    try {
      process.kill(-standin.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    rmSync(dir, { recursive: true, force: true });
  }
}
