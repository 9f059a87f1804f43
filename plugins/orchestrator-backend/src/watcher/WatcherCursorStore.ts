import type { Knex } from 'knex';

export interface WatcherCursor {
  /** ISO time of the newest change handled. */
  cursor: string;
  /** Instances already handled at exactly `cursor` (the next query starts there, inclusive). */
  boundaryIds: string[];
}

/** Persists the watcher's position in the shared database (see the migration for why). */
export interface WatcherCursorStore {
  read(): Promise<WatcherCursor | undefined>;
  write(cursor: WatcherCursor): Promise<void>;
}

const TABLE = 'orchestrator_watcher_cursor';
const ID = 'instances';

export class DatabaseWatcherCursorStore implements WatcherCursorStore {
  /** The run store's migrations create the table; pass the same client. */
  static create(options: { knex: Knex }) {
    return new DatabaseWatcherCursorStore(options.knex);
  }

  private constructor(private readonly db: Knex) {}

  async read(): Promise<WatcherCursor | undefined> {
    const row = await this.db(TABLE).where({ id: ID }).first();
    return row
      ? { cursor: row.cursor, boundaryIds: JSON.parse(row.boundary_ids) }
      : undefined;
  }

  async write(cursor: WatcherCursor): Promise<void> {
    await this.db(TABLE)
      .insert({
        id: ID,
        cursor: cursor.cursor,
        boundary_ids: JSON.stringify(cursor.boundaryIds),
      })
      .onConflict('id')
      .merge();
  }
}
