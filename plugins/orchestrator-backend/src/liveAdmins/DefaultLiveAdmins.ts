import type { Knex } from 'knex';
import type { LiveAdmins } from './LiveAdmins';

const TABLE = 'orchestrator_live_admins';

/** A user's time is written at most this often: every request of an admin asks to record it. */
export const RECORD_INTERVAL_MS = 60_000;

export interface DefaultLiveAdminsOptions {
  /** The plugin's migrated database client (shared by the replicas). */
  knex: Knex;
  /** How long a seen admin keeps getting ticks; more than RECORD_INTERVAL_MS. */
  ttlSeconds: number;
  now?: () => number;
}

/**
 * The set in the plugin's database, so an admin seen by any replica is ticked by the watcher
 * wherever it runs. A per-replica memory of recent writes keeps it to one upsert per user per
 * RECORD_INTERVAL_MS, which costs at most that much of the TTL.
 */
export class DefaultLiveAdmins implements LiveAdmins {
  private readonly recorded = new Map<string, number>();
  private lastPruneAt = 0;

  static create(options: DefaultLiveAdminsOptions) {
    return new DefaultLiveAdmins(options);
  }

  private constructor(private readonly o: DefaultLiveAdminsOptions) {}

  private now() {
    return this.o.now?.() ?? Date.now();
  }

  async recordSeen(userEntityRef: string): Promise<void> {
    const now = this.now();
    const last = this.recorded.get(userEntityRef);
    if (last !== undefined && now - last < RECORD_INTERVAL_MS) return;
    this.recorded.set(userEntityRef, now);
    this.forgetOldWrites(now);
    try {
      await this.o
        .knex(TABLE)
        .insert({ user_ref: userEntityRef, seen_at: now })
        .onConflict('user_ref')
        .merge(['seen_at']);
    } catch (error) {
      // the next request tries again instead of waiting out the interval
      this.recorded.delete(userEntityRef);
      throw error;
    }
  }

  async listLive(): Promise<string[]> {
    const since = this.now() - this.o.ttlSeconds * 1000;
    await this.pruneNowAndThen(since);
    const rows: { user_ref: string }[] = await this.o
      .knex(TABLE)
      .where('seen_at', '>=', since)
      .select('user_ref')
      .orderBy('user_ref');
    return rows.map(r => r.user_ref);
  }

  /** Rows past the TTL are dead weight; deleting them once per TTL keeps the table small. */
  private async pruneNowAndThen(since: number) {
    const now = this.now();
    if (now - this.lastPruneAt < this.o.ttlSeconds * 1000) return;
    this.lastPruneAt = now;
    await this.o.knex(TABLE).where('seen_at', '<', since).delete();
  }

  /** The memory holds only users written within the interval: it stays as small as the set. */
  private forgetOldWrites(now: number) {
    for (const [ref, at] of this.recorded) {
      if (now - at >= RECORD_INTERVAL_MS) this.recorded.delete(ref);
    }
  }
}
