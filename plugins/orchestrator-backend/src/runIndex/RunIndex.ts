import type { Knex } from 'knex';
import type { WorkflowRunFigures } from '../dataIndex/types';
import { IndexableInstance, IndexedRun, toIndexedRun } from './indexedRun';

/** Whose runs a figures query counts. */
export interface RunFiguresQuery {
  workflowIds: string[];
  /** Runs started at or after it are "in the window". */
  sinceMs: number;
  /** Non-admins: only runs this entity ref started (instance variable OR run store). */
  owner?: string;
  /** Entity tab: only runs for this entity (instance variable OR run store). */
  targetEntity?: string;
}

/**
 * Summary rows of the runs in the statistics window, in the backend database
 * (see the migration). Written by the watcher and the backfill/reconcile scan,
 * read by the overview. Every method is one or two SQL statements; nothing is
 * kept in memory, so any replica may serve and any replica may write.
 */
export interface RunIndex {
  /**
   * Inserts or refreshes rows. A row only moves forward: an older `lastUpdate`
   * than the stored one changes nothing but `synced_ms` (seen by a scan).
   */
  upsert(instances: IndexableInstance[], syncedMs: number): Promise<number>;
  figures(query: RunFiguresQuery): Promise<Map<string, WorkflowRunFigures>>;
  /** Workflow ids that have at least one row. */
  indexedWorkflowIds(): Promise<Set<string>>;
  /** Drops rows started before `beforeMs`, except each workflow's last run. */
  prune(beforeMs: number): Promise<number>;
  /** Drops rows started at or after `sinceMs` that neither a scan nor the watcher touched since `syncedBeforeMs` (deleted in the Data Index). */
  sweep(sinceMs: number, syncedBeforeMs: number): Promise<number>;
}

export const RUN_INDEX_TABLE = 'orchestrator_run_index';
/** The RunStore's table (same database): the authority for who started a run and for which entity. */
const RUN_STORE_TABLE = 'orchestrator_runs';
/** Rows per INSERT: 14 bound values each stays far below SQLite's and PostgreSQL's limits. */
const UPSERT_CHUNK = 200;
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
];

function toRow(run: IndexedRun, syncedMs: number) {
  return {
    id: run.id,
    workflow_id: run.workflowId,
    workflow_version: run.version ?? null,
    state: run.state,
    start_ms: run.startMs ?? null,
    end_ms: run.endMs ?? null,
    last_update_ms: run.lastUpdateMs,
    business_key: run.businessKey ?? null,
    parent_id: run.parentId ?? null,
    root_id: run.rootId ?? null,
    initiator: run.initiator ?? null,
    target_entity: run.targetEntity ?? null,
    synced_ms: syncedMs,
  };
}

/** PostgreSQL answers bigint and numeric aggregates as strings. */
const num = (value: unknown): number | undefined =>
  value === null || value === undefined ? undefined : Number(value);

export class DefaultRunIndex implements RunIndex {
  /** Expects a migrated client (see database/migrations.ts). */
  static create(options: { knex: Knex }): DefaultRunIndex {
    return new DefaultRunIndex(options.knex);
  }

  private constructor(private readonly db: Knex) {}

  async upsert(
    instances: IndexableInstance[],
    syncedMs: number,
  ): Promise<number> {
    // Last one wins within a batch, as it would across two batches.
    const byId = new Map<string, IndexedRun>();
    for (const instance of instances) {
      const run = toIndexedRun(instance);
      if (run) byId.set(run.id, run);
    }
    const rows = [...byId.values()].map(r => toRow(r, syncedMs));
    const newer = `excluded.last_update_ms >= ${RUN_INDEX_TABLE}.last_update_ms`;
    const merge: Record<string, Knex.Raw> = {
      synced_ms: this.db.raw('excluded.synced_ms'),
    };
    for (const column of MOVING_COLUMNS) {
      merge[column] = this.db.raw(
        `CASE WHEN ${newer} THEN excluded.?? ELSE ??.?? END`,
        [column, RUN_INDEX_TABLE, column],
      );
    }
    for (let i = 0; i < rows.length; i += UPSERT_CHUNK) {
      await this.db(RUN_INDEX_TABLE)
        .insert(rows.slice(i, i + UPSERT_CHUNK))
        .onConflict('id')
        .merge(merge);
    }
    return rows.length;
  }

  async figures(
    query: RunFiguresQuery,
  ): Promise<Map<string, WorkflowRunFigures>> {
    const result = new Map<string, WorkflowRunFigures>();
    if (query.workflowIds.length === 0) return result;
    const since = query.sinceMs;
    const inWindow = 'start_ms >= ?';
    const aggregates = await this.scoped(query)
      .select('workflow_id')
      .select(
        this.db.raw(`SUM(CASE WHEN ${inWindow} THEN 1 ELSE 0 END) AS runs`, [
          since,
        ]),
        this.db.raw(
          `SUM(CASE WHEN ${inWindow} AND state = 'COMPLETED' THEN 1 ELSE 0 END) AS ok`,
          [since],
        ),
        this.db.raw(
          `SUM(CASE WHEN ${inWindow} AND state = 'ERROR' THEN 1 ELSE 0 END) AS err`,
          [since],
        ),
        // Exact mean over every completed run in the window, not a sample.
        this.db.raw(
          `AVG(CASE WHEN ${inWindow} AND state = 'COMPLETED' AND end_ms IS NOT NULL THEN end_ms - start_ms END) AS avg_ms`,
          [since],
        ),
        this.db.raw('MAX(start_ms) AS last_start'),
      )
      .groupBy('workflow_id');
    for (const row of aggregates) {
      result.set(row.workflow_id, {
        runsSince: num(row.runs) ?? 0,
        completedSince: num(row.ok) ?? 0,
        erroredSince: num(row.err) ?? 0,
        completedSamples: [],
        averageDurationMs: num(row.avg_ms) ?? 0,
      });
    }
    for (const last of await this.lastRuns(query)) {
      const figures = result.get(last.workflow_id);
      if (figures && !figures.lastRun) {
        const start = num(last.start_ms);
        figures.lastRun = {
          id: last.id,
          state: last.state,
          start: start === undefined ? null : new Date(start).toISOString(),
        };
      }
    }
    return result;
  }

  async indexedWorkflowIds(): Promise<Set<string>> {
    const rows = await this.db(RUN_INDEX_TABLE).distinct('workflow_id');
    return new Set(rows.map(r => r.workflow_id as string));
  }

  async prune(beforeMs: number): Promise<number> {
    const lastPerWorkflow = this.db
      .select('id')
      .from(
        this.db(RUN_INDEX_TABLE)
          .select('id')
          .select(
            this.db.raw(
              'ROW_NUMBER() OVER (PARTITION BY workflow_id ORDER BY COALESCE(start_ms, -1) DESC, id DESC) AS rn',
            ),
          )
          .as('ranked'),
      )
      .where('rn', 1);
    return this.db(RUN_INDEX_TABLE)
      .where(q =>
        q
          .where('start_ms', '<', beforeMs)
          .orWhere(w =>
            w.whereNull('start_ms').andWhere('last_update_ms', '<', beforeMs),
          ),
      )
      .whereNotIn('id', lastPerWorkflow)
      .delete();
  }

  async sweep(sinceMs: number, syncedBeforeMs: number): Promise<number> {
    return this.db(RUN_INDEX_TABLE)
      .where('start_ms', '>=', sinceMs)
      .andWhere('synced_ms', '<', syncedBeforeMs)
      .delete();
  }

  /** The index rows of the query's workflows the caller may see, as SQL (never a list of ids). */
  private scoped(query: RunFiguresQuery, alias = RUN_INDEX_TABLE) {
    const q = this.db({ [alias]: RUN_INDEX_TABLE }).whereIn(
      `${alias}.workflow_id`,
      query.workflowIds,
    );
    const either = (column: 'initiator' | 'target_entity', value: string) =>
      q.where(w =>
        w
          .where(`${alias}.${column}`, value)
          .orWhereIn(
            `${alias}.id`,
            this.db(RUN_STORE_TABLE).select('instance_id').where(column, value),
          ),
      );
    if (query.owner !== undefined) either('initiator', query.owner);
    if (query.targetEntity !== undefined)
      either('target_entity', query.targetEntity);
    return q;
  }

  /** Per workflow, the run(s) with the latest start in scope; ties resolved by the caller's first pick. */
  private async lastRuns(query: RunFiguresQuery) {
    const latest = this.scoped(query, 'l')
      .select('l.workflow_id')
      .max({ m: 'l.start_ms' })
      .groupBy('l.workflow_id')
      .as('t');
    return this.scoped(query, 'r')
      .join(latest, j =>
        j.on('r.workflow_id', 't.workflow_id').andOn('r.start_ms', 't.m'),
      )
      .select('r.workflow_id', 'r.id', 'r.state', 'r.start_ms')
      .orderBy([
        { column: 'r.workflow_id' },
        { column: 'r.id', order: 'desc' },
      ]);
  }
}
