import fs from 'node:fs';
import path from 'node:path';
import { GraphQLSchema, buildSchema } from 'graphql';

/** `<repo root>/../shared/reference`, as the team brief fixes it. */
export const REFERENCE_DIR = path.resolve(
  __dirname,
  '../../../..',
  '../shared/reference',
);

export const hasReference = fs.existsSync(
  path.join(REFERENCE_DIR, 'data-index'),
);

if (!hasReference) {
  // eslint-disable-next-line no-console
  console.warn(
    'Data Index schema tests skipped: ../shared/reference not found',
  );
}

/** `describe`, or `describe.skip` (with the warning above) when the reference data is absent. */
export const describeIfReference: jest.Describe = hasReference
  ? describe
  : describe.skip;

/**
 * The Data Index schema as the service merges it: basic + count + json +
 * mutation. `version` picks a copy from data-index/versions where it differs.
 */
export function loadDataIndexSchema(
  version?: '10.0.0' | '10.1.0' | 'main',
): GraphQLSchema {
  const dir = path.join(REFERENCE_DIR, 'data-index');
  const pick = (file: string) => {
    const versioned = version && path.join(dir, 'versions', version, file);
    if (versioned && fs.existsSync(versioned))
      return fs.readFileSync(versioned, 'utf8');
    // 10.0.0 had only the basic file: no Count queries, no JSON filters.
    if (version === '10.0.0' && file !== 'basic.schema.graphqls') return '';
    return fs.readFileSync(path.join(dir, file), 'utf8');
  };
  const sdl = ['basic', 'count', 'json', 'mutation']
    .map(name => pick(`${name}.schema.graphqls`))
    .join('\n');
  return buildSchema(sdl);
}
