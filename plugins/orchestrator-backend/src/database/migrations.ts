import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';

const MIGRATIONS_DIR = resolvePackagePath(
  '@orchestrator-suite/backstage-plugin-orchestrator-backend',
  'migrations',
);

export async function migrateKnex(knex: Knex): Promise<void> {
  await knex.migrate.latest({ directory: MIGRATIONS_DIR });
}

/** The plugin's database client, migrated unless the host says not to. */
export async function openDatabase(database: DatabaseService): Promise<Knex> {
  const knex = await database.getClient();
  if (!database.migrations?.skip) {
    await migrateKnex(knex);
  }
  return knex;
}
