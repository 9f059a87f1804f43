/*
 * Copyright The Orchestrator Suite Authors
 *
 * Licensed under the Apache License, Version 2.0.
 */
import fs from 'node:fs';

// The generator is a plain CommonJS script so `yarn generate` needs no build step.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
const { generate } = require('../../scripts/generate-openapi.cjs');

describe('generated OpenAPI files', () => {
  it('are up to date with src/schema/openapi.yaml (run `yarn generate` if not)', async () => {
    const files: Record<string, { path: string; content: string }> =
      await generate();
    for (const file of Object.values(files)) {
      expect({
        path: file.path,
        content: fs.readFileSync(file.path, 'utf8'),
      }).toEqual({ path: file.path, content: file.content });
    }
  }, 60_000);
});
