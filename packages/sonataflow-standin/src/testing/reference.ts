/* eslint-disable jest/no-export, jest/valid-title, jest/valid-describe-callback, no-restricted-syntax --
   a shared test helper: it exports, takes the suite title and body from its callers,
   and finds the repo root from its own location. */
import fs from 'node:fs';
import path from 'node:path';

/** `<repo root>/../shared/reference`, where the real Data Index schema and sample workflows live. */
export const REPO_ROOT = path.resolve(__dirname, '../../../..');
export const REFERENCE_DIR = path.resolve(REPO_ROOT, '../shared/reference');
export const hasReference = fs.existsSync(REFERENCE_DIR);

/** `describe` that logs a clear skip message and passes when the reference folder is absent. */
export function describeIfReference(name: string, fn: () => void) {
  if (hasReference) {
    describe(name, fn);
  } else {
    describe(name, () => {
      it('is skipped', () => {
        // eslint-disable-next-line no-console
        console.log(
          `skipped: ../shared/reference not found (${REFERENCE_DIR})`,
        );
      });
    });
  }
}
