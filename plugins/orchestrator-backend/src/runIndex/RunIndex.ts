import type { Knex } from 'knex';
import type { WorkflowRunFigures } from '../dataIndex/types';
import { IndexableInstance, IndexedRun, toIndexedRun } from './indexedRun';
import { upsertRuns } from './upsertRuns';

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
 * read by the overview. Every method is a few SQL statements, never one per
 * workflow or per row; nothing is kept in memory, so any replica may serve and
 * any replica may write.
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
/** Starts per last-run lookup: well inside both databases' bound-parameter limits. */
const LOOKUP_CHUNK = 500;
const NO_RUNS = {
  runsSince: 0,
  completedSince: 0,
  erroredSince: 0,
  averageDurationMs: 0,
};

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
    await upsertRuns(this.db, RUN_INDEX_TABLE, [...byId.values()], syncedMs);
    return byId.size;
  }

  async figures(
    query: RunFiguresQuery,
  ): Promise<Map<string, WorkflowRunFigures>> {
    const result = new Map<string, WorkflowRunFigures>();
    if (query.workflowIds.length === 0) return result;
    const lastStart = new Map<string, number | undefined>();
    for (const row of await this.windowFigures(query)) {
      result.set(row.workflow_id, {
        runsSince: num(row.runs) ?? 0,
        completedSince: num(row.ok) ?? 0,
        erroredSince: num(row.err) ?? 0,
        completedSamples: [],
        averageDurationMs: num(row.avg_ms) ?? 0,
      });
      lastStart.set(row.workflow_id, num(row.last_start));
    }
    // Workflows without a run in the window: only their last run is left (prune keeps it).
    const idle = query.workflowIds.filter(id => !result.has(id));
    if (idle.length) {
      for (const row of await this.latestStarts({
        ...query,
        workflowIds: idle,
      })) {
        result.set(row.workflow_id, { ...NO_RUNS, completedSamples: [] });
        lastStart.set(row.workflow_id, num(row.last_start));
      }
    }
    for (const [workflowId, run] of await this.runsStartedAt(
      query,
      lastStart,
    )) {
      result.get(workflowId)!.lastRun = run;
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

  /**
   * The index rows the caller may see, as SQL (never a list of run ids): of the given
   * workflows, or of any workflow when `workflowIds` is left out.
   */
  private scoped(
    query: Pick<RunFiguresQuery, 'owner' | 'targetEntity'> & {
      workflowIds?: string[];
    },
  ) {
    const q = this.db(RUN_INDEX_TABLE);
    if (query.workflowIds) q.whereIn('workflow_id', query.workflowIds);
    const either = (column: 'initiator' | 'target_entity', value: string) =>
      q.where(w =>
        w
          .where(`${RUN_INDEX_TABLE}.${column}`, value)
          .orWhereIn(
            `${RUN_INDEX_TABLE}.id`,
            this.db(RUN_STORE_TABLE).select('instance_id').where(column, value),
          ),
      );
    if (query.owner !== undefined) either('initiator', query.owner);
    if (query.targetEntity !== undefined)
      either('target_entity', query.targetEntity);
    return q;
  }

  /**
   * One grouped statement for every workflow's figures. Only rows in the window are read
   * (a range on the covering overview index), so its cost follows the window, not the history.
   */
  private windowFigures(query: RunFiguresQuery) {
    const completed = "state = 'COMPLETED'";
    return this.scoped(query)
      .where('start_ms', '>=', query.sinceMs)
      .select(
        'workflow_id',
        this.db.raw('COUNT(*) AS runs'),
        this.db.raw(`SUM(CASE WHEN ${completed} THEN 1 ELSE 0 END) AS ok`),
        this.db.raw(`SUM(CASE WHEN state = 'ERROR' THEN 1 ELSE 0 END) AS err`),
        // Exact mean over every completed run in the window, not a sample.
        this.db.raw(
          `AVG(CASE WHEN ${completed} AND end_ms IS NOT NULL THEN end_ms - start_ms END) AS avg_ms`,
        ),
        this.db.raw('MAX(start_ms) AS last_start'),
      )
      .groupBy('workflow_id');
  }

  /** The latest start in scope of workflows with no run in the window (a few rows each after a prune). */
  private latestStarts(query: RunFiguresQuery) {
    return this.scoped(query)
      .select('workflow_id', this.db.raw('MAX(start_ms) AS last_start'))
      .groupBy('workflow_id');
  }

  /**
   * Per workflow, the run in scope started at its latest start; on a tie the highest id, as
   * the database orders ids. One statement per chunk of starts, found through the start index
   * (a seek per start instead of a second pass over the window).
   */
  private async runsStartedAt(
    query: RunFiguresQuery,
    lastStart: Map<string, number | undefined>,
  ): Promise<Map<string, NonNullable<WorkflowRunFigures['lastRun']>>> {
    const found = new Map<string, NonNullable<WorkflowRunFigures['lastRun']>>();
    const starts = [
      ...new Set([...lastStart.values()].filter(v => v !== undefined)),
    ] as number[];
    for (let i = 0; i < starts.length; i += LOOKUP_CHUNK) {
      // No workflow filter here: other workflows' rows at the same instant are dropped below.
      const rows = await this.scoped({
        owner: query.owner,
        targetEntity: query.targetEntity,
      })
        .whereIn('start_ms', starts.slice(i, i + LOOKUP_CHUNK))
        .select('workflow_id', 'id', 'state', 'start_ms')
        .orderBy([{ column: 'workflow_id' }, { column: 'id', order: 'desc' }]);
      for (const row of rows) {
        const start = num(row.start_ms);
        if (found.has(row.workflow_id)) continue;
        if (start === undefined || lastStart.get(row.workflow_id) !== start)
          continue;
        found.set(row.workflow_id, {
          id: row.id,
          state: row.state,
          start: new Date(start).toISOString(),
        });
      }
    }
    return found;
  }
}
