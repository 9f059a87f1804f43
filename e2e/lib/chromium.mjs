// Debian's Chromium as every browser check here drives it (journeys, benches, the RHDH
// frontend load check); no dependencies, so any harness can import it.
import { execSync } from 'node:child_process';

/** Chromium's flags for this sandbox (no GPU, no sandbox, no background traffic). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Debian's chromium, or undefined when it is not installed. */
export function chromiumPath() {
  try {
    return execSync('command -v chromium', { shell: '/bin/bash' })
      .toString()
      .trim();
  } catch {
    return undefined;
  }
}
