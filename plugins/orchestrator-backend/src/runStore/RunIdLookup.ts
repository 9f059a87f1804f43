import type { Knex } from 'knex';
import { RUN_INDEX_TABLE } from '../runIndex/RunIndex';

/**
 * Run ids by their first characters, for the runs search: the Data Index matches an id only
 * whole (its IdArgument has no LIKE), so the ids are found in the backend's own tables and
 * the search asks the Data Index for exactly those (`id: { in }`), under the caller's scope.
 */
export interface RunIdLookup {
  /**
   * At most `limit` ids starting with `prefix` (compared as is, case included), newest
   * first. Found are runs started through the portal (run store) and, when the run index is
   * on, every run of its statistics window; an older run started elsewhere only by its full id.
   */
  startingWith(prefix: string, limit: number): Promise<string[]>;
}

/** The RunStore's table (same database). */
const RUN_STORE_TABLE = 'orchestrator_runs';
/** `%` and `_` in the typed text match themselves; `\` escapes them (and itself). */
const LIKE = `LIKE ? ESCAPE '\\'`;

function likePrefix(text: string): string {
  return `${text.replace(/[\\%_]/g, c => `\\${c}`)}%`;
}

/** PostgreSQL answers bigint as text, SQLite a timestamp as epoch ms, either one a Date. */
function toMs(value: unknown): number {
  if (value instanceof Date) return value.getTime();
  const n = Number(value);
  if (Number.isFinite(n)) return n;
  const parsed = typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isNaN(parsed) ? 0 : parsed;
}

type Found = { id: string; newest_ms: unknown };

export class DefaultRunIdLookup implements RunIdLookup {
  /** `runIndex`: whether the run index is kept current (read it only then). Expects a migrated client. */
  static create(options: {
    knex: Knex;
    runIndex: boolean;
  }): DefaultRunIdLookup {
    return new DefaultRunIdLookup(options.knex, options.runIndex);
  }

  private constructor(
    private readonly db: Knex,
    private readonly runIndex: boolean,
  ) {}

  async startingWith(prefix: string, limit: number): Promise<string[]> {
    if (!prefix || limit <= 0) return [];
    const pattern = likePrefix(prefix);
    // A range on each table's prefix index (see the run id prefix migration); every match is
    // then sorted, which stays small for random (UUID) ids: 1 in 65536 runs per 4 characters.
    const [stored, indexed] = await Promise.all([
      this.db(RUN_STORE_TABLE)
        .whereRaw(`instance_id ${LIKE}`, [pattern])
        .select({ id: 'instance_id', newest_ms: 'created_at' })
        .orderBy('created_at', 'desc')
        .limit(limit) as Promise<Found[]>,
      this.runIndex
        ? (this.db(RUN_INDEX_TABLE)
            .whereRaw(`id ${LIKE}`, [pattern])
            .select(
              'id',
              this.db.raw('COALESCE(start_ms, last_update_ms) AS newest_ms'),
            )
            .orderByRaw('COALESCE(start_ms, last_update_ms) DESC')
            .limit(limit) as Promise<Found[]>)
        : Promise.resolve([] as Found[]),
    ]);
    const newest = new Map<string, number>();
    for (const row of [...stored, ...indexed]) {
      // SQLite's LIKE ignores ASCII case; PostgreSQL's does not: both answer as PostgreSQL.
      if (!row.id.startsWith(prefix)) continue;
      newest.set(
        row.id,
        Math.max(toMs(row.newest_ms), newest.get(row.id) ?? 0),
      );
    }
    return [...newest.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, limit)
      .map(([id]) => id);
  }
}
