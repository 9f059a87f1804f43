import type { Knex } from 'knex';

/** A scan of the Data Index in progress (a backfill or a reconcile), resumable by any replica. */
export interface RunIndexScan {
  kind: 'backfill' | 'reconcile';
  /** Lower bound of `start`: the window's start when the scan began. */
  sinceMs: number;
  /** When the scan began: rows not touched since are gone from the Data Index. */
  startedMs: number;
  /** The next page starts at this `start` (ISO, inclusive) ... */
  cursor: string;
  /** ... skipping this many rows already read at exactly that `start`. */
  skip: number;
}

export interface RunIndexState {
  /** `ready` once a backfill finished; the overview reads the index only then. */
  status: 'pending' | 'ready';
  scan?: RunIndexScan;
  readyMs?: number;
  reconciledMs?: number;
  prunedMs?: number;
  /** Position of the watcher's last tick that fed the index (to detect gaps). */
  watchedMs?: number;
}

/** The index's progress in the shared database: one row, any replica reads or continues it. */
export interface RunIndexStateStore {
  read(): Promise<RunIndexState>;
  write(
    patch: Partial<Omit<RunIndexState, 'scan'>> & {
      scan?: RunIndexScan | null;
    },
  ): Promise<void>;
}

const TABLE = 'orchestrator_run_index_state';
const ID = 'runs';

const num = (value: unknown): number | undefined =>
  value === null || value === undefined ? undefined : Number(value);

export class DatabaseRunIndexStateStore implements RunIndexStateStore {
  static create(options: { knex: Knex }) {
    return new DatabaseRunIndexStateStore(options.knex);
  }

  private constructor(private readonly db: Knex) {}

  async read(): Promise<RunIndexState> {
    const row = await this.db(TABLE).where({ id: ID }).first();
    if (!row) return { status: 'pending' };
    return {
      status: row.status === 'ready' ? 'ready' : 'pending',
      scan: row.scan ? (JSON.parse(row.scan) as RunIndexScan) : undefined,
      readyMs: num(row.ready_ms),
      reconciledMs: num(row.reconciled_ms),
      prunedMs: num(row.pruned_ms),
      watchedMs: num(row.watched_ms),
    };
  }

  async write(
    patch: Partial<Omit<RunIndexState, 'scan'>> & {
      scan?: RunIndexScan | null;
    },
  ): Promise<void> {
    const columns: Record<string, unknown> = {};
    if (patch.status !== undefined) columns.status = patch.status;
    if (patch.scan !== undefined)
      columns.scan = patch.scan ? JSON.stringify(patch.scan) : null;
    if (patch.readyMs !== undefined) columns.ready_ms = patch.readyMs;
    if (patch.reconciledMs !== undefined)
      columns.reconciled_ms = patch.reconciledMs;
    if (patch.prunedMs !== undefined) columns.pruned_ms = patch.prunedMs;
    if (patch.watchedMs !== undefined) columns.watched_ms = patch.watchedMs;
    if (Object.keys(columns).length === 0) return;
    // Only the named columns change: the watcher and the scan write different ones concurrently.
    await this.db(TABLE)
      .insert({ id: ID, status: 'pending', ...columns })
      .onConflict('id')
      .merge(Object.keys(columns));
  }
}
