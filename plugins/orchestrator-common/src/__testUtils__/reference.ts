/*
 * Copyright The Orchestrator Suite Authors
 *
 * Licensed under the Apache License, Version 2.0.
 */
/* eslint-disable jest/no-export, jest/valid-title, jest/valid-describe-callback */
// A helper for tests, not a test: it exports and wraps `describe`.
import fs from 'node:fs';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '../../../..');

/** /work/shared/reference, located from the repository root as the team agreed. */
export const referenceDir = path.resolve(repoRoot, '../shared/reference');

/** `describe` when ../shared/reference exists, else one passing test that says it skipped. */
export function describeIfReference(name: string, fn: () => void) {
  if (fs.existsSync(referenceDir)) {
    describe(name, fn);
    return;
  }
  describe(name, () => {
    it('is skipped', () => {
      // eslint-disable-next-line no-console
      console.log(`skipped: ../shared/reference not found (${referenceDir})`);
      expect(fs.existsSync(referenceDir)).toBe(false);
    });
  });
}

/** A loader reading files under `dir` (what backends pass to resolveSchemaRefs). */
export function fileLoader(dir: string) {
  return async (location: string) =>
    fs.promises.readFile(path.resolve(dir, location), 'utf8');
}

/** Every file under `dir` whose name matches `pattern`, sorted. */
export function findFiles(dir: string, pattern: RegExp): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter(file => pattern.test(file))
    .map(file => path.join(dir, file))
    .sort();
}
