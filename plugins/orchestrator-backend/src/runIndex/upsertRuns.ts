import type { Knex } from 'knex';
import type { IndexedRun } from './indexedRun';

/** Rows per statement: 13 bound values each stays far below SQLite's and PostgreSQL's limits. */
const CHUNK = 500;

/** Columns a newer lastUpdate replaces; `synced_ms` is always replaced. */
const MOVING_COLUMNS = [
  'workflow_id',
  'workflow_version',
  'state',
  'start_ms',
  'end_ms',
  'last_update_ms',
  'business_key',
  'parent_id',
  'root_id',
  'initiator',
  'target_entity',
] as const;
const COLUMNS = ['id', ...MOVING_COLUMNS, 'synced_ms'] as const;

function valuesOf(run: IndexedRun, syncedMs: number): Knex.Value[] {
  return [
    run.id,
    run.workflowId,
    run.version ?? null,
    run.state,
    run.startMs ?? null,
    run.endMs ?? null,
    run.lastUpdateMs,
    run.businessKey ?? null,
    run.parentId ?? null,
    run.rootId ?? null,
    run.initiator ?? null,
    run.targetEntity ?? null,
    syncedMs,
  ];
}

/**
 * `INSERT ... VALUES (...), (...) ON CONFLICT (id) DO UPDATE`, the same text on SQLite and
 * PostgreSQL. Written out because knex renders a multi-row SQLite insert as a UNION ALL of
 * SELECTs, which SQLite parses about twice as slowly and caps at 500 rows. Only the static
 * column list above is in the text; every value is bound.
 */
function statement(table: string, rows: number): string {
  const tuple = `(${COLUMNS.map(() => '?').join(', ')})`;
  const newer = `excluded.last_update_ms >= ${table}.last_update_ms`;
  const set = [
    ...MOVING_COLUMNS.map(
      c =>
        `${c} = CASE WHEN ${newer} THEN excluded.${c} ELSE ${table}.${c} END`,
    ),
    'synced_ms = excluded.synced_ms',
  ];
  return (
    `INSERT INTO ${table} (${COLUMNS.join(', ')}) VALUES ` +
    `${Array(rows).fill(tuple).join(', ')} ` +
    `ON CONFLICT (id) DO UPDATE SET ${set.join(', ')}`
  );
}

/**
 * Writes the rows in chunks, all in one transaction when there is more than one chunk
 * (a scan page is one commit). A row only moves forward: an older `lastUpdate` than the
 * stored one changes nothing but `synced_ms`.
 */
export async function upsertRuns(
  db: Knex,
  table: string,
  runs: IndexedRun[],
  syncedMs: number,
): Promise<void> {
  const write = (conn: Knex, part: IndexedRun[]) =>
    conn.raw(
      statement(table, part.length),
      part.flatMap(run => valuesOf(run, syncedMs)),
    );
  if (runs.length === 0) return;
  if (runs.length <= CHUNK) {
    await write(db, runs);
    return;
  }
  await db.transaction(async trx => {
    for (let i = 0; i < runs.length; i += CHUNK) {
      await write(trx, runs.slice(i, i + CHUNK));
    }
  });
}
