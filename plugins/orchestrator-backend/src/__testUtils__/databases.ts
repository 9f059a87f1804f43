import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';

/**
 * SQLite always; PostgreSQL when CI started one (scripts/postgres.sh exports
 * BACKSTAGE_TEST_DATABASE_POSTGRES<major>_CONNECTION_STRING) or when
 * ORCHESTRATOR_TEST_PG_URL is set. No Docker here, so nothing else is tried.
 */
export function runStoreTestDatabaseIds(): TestDatabaseId[] {
  const pattern = /^BACKSTAGE_TEST_DATABASE_POSTGRES(\d+)_CONNECTION_STRING$/;
  if (
    process.env.ORCHESTRATOR_TEST_PG_URL &&
    !Object.keys(process.env).some(key => pattern.test(key) && process.env[key])
  ) {
    process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING =
      process.env.ORCHESTRATOR_TEST_PG_URL;
  }
  const postgres = Object.keys(process.env)
    .map(key => pattern.exec(key))
    .filter((m): m is RegExpExecArray => !!m && !!process.env[m[0]])
    .map(m => `POSTGRES_${m[1]}` as TestDatabaseId);
  if (postgres.length === 0) {
    // eslint-disable-next-line no-console
    console.warn(
      'PostgreSQL skipped: set ORCHESTRATOR_TEST_PG_URL or BACKSTAGE_TEST_DATABASE_POSTGRES<N>_CONNECTION_STRING (scripts/postgres.sh start)',
    );
  }
  return ['SQLITE_3', ...postgres];
}

export function createTestDatabases(): TestDatabases {
  return TestDatabases.create({
    ids: runStoreTestDatabaseIds(),
    disableDocker: true,
  });
}
