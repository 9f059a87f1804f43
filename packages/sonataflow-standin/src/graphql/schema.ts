import fs from 'node:fs';
import path from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { GraphQLSchema } from 'graphql';
import { DataIndexStore } from '../store/DataIndexStore';
import { InstanceOperations } from './InstanceOperations';
import { createResolvers } from './resolvers';

/** Path of the SDL subset we serve (shipped in the package's `schema/` folder). @public */
export const DATA_INDEX_SDL_PATH = path.resolve(
  // The package runs from source (src/main.ts) or dist; schema/ sits two levels up from both.
  // eslint-disable-next-line no-restricted-syntax
  __dirname,
  '../../schema/data-index.graphqls',
);

export function readDataIndexSdl(): string {
  return fs.readFileSync(DATA_INDEX_SDL_PATH, 'utf8');
}

export function createDataIndexSchema(options: {
  store: DataIndexStore;
  operations?: () => InstanceOperations | undefined;
}): GraphQLSchema {
  return makeExecutableSchema({
    typeDefs: readDataIndexSdl(),
    resolvers: createResolvers(options),
  });
}
