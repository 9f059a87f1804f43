import type { JsonObject } from '@backstage/types';
import type { Knex } from 'knex';

/** One run started through this backend. */
export interface RunRecord {
  instanceId: string;
  workflowId: string;
  /** Entity ref of the user who started it. */
  initiator: string;
  targetEntity?: string;
  inputs?: JsonObject;
  rerunOf?: string;
  createdAt: Date;
}

export type NewRun = Omit<RunRecord, 'createdAt'>;

/**
 * Who started which run. The authority for ownership and per-entity history;
 * runs started outside Backstage are not here and fall back to the instance's
 * `initiatorEntity` variable.
 */
export interface RunStore {
  record(run: NewRun): Promise<void>;
  get(instanceId: string): Promise<RunRecord | undefined>;
  getMany(instanceIds: string[]): Promise<Map<string, RunRecord>>;
  /** Ids of every run the user started (uncapped), newest first. */
  listInstanceIdsByInitiator(initiator: string): Promise<string[]>;
  /** Ids of every run started for the entity (uncapped), newest first. */
  listInstanceIdsByEntity(targetEntity: string): Promise<string[]>;
}

const TABLE = 'orchestrator_runs';
/** SQLite and PostgreSQL both cap bound parameters; chunk `IN (...)` lists. */
const IN_CHUNK = 500;

type Row = {
  instance_id: string;
  workflow_id: string;
  initiator: string;
  target_entity: string | null;
  inputs: string | null;
  rerun_of: string | null;
  created_at: Date | string | number;
};

function toRecord(row: Row): RunRecord {
  return {
    instanceId: row.instance_id,
    workflowId: row.workflow_id,
    initiator: row.initiator,
    targetEntity: row.target_entity ?? undefined,
    inputs: row.inputs ? (JSON.parse(row.inputs) as JsonObject) : undefined,
    rerunOf: row.rerun_of ?? undefined,
    createdAt:
      row.created_at instanceof Date
        ? row.created_at
        : new Date(row.created_at),
  };
}

/** RunStore on the plugin's database (SQLite locally, PostgreSQL in production). */
export class DatabaseRunStore implements RunStore {
  /** Expects a migrated client (see database/migrations.ts). */
  static create(options: { knex: Knex }): DatabaseRunStore {
    return new DatabaseRunStore(options.knex);
  }

  private constructor(private readonly db: Knex) {}

  async record(run: NewRun): Promise<void> {
    await this.db<Row>(TABLE).insert({
      instance_id: run.instanceId,
      workflow_id: run.workflowId,
      initiator: run.initiator,
      target_entity: run.targetEntity ?? null,
      inputs: run.inputs === undefined ? null : JSON.stringify(run.inputs),
      rerun_of: run.rerunOf ?? null,
      created_at: new Date(),
    });
  }

  async get(instanceId: string): Promise<RunRecord | undefined> {
    const row = await this.db<Row>(TABLE)
      .where({ instance_id: instanceId })
      .first();
    return row ? toRecord(row) : undefined;
  }

  async getMany(instanceIds: string[]): Promise<Map<string, RunRecord>> {
    const result = new Map<string, RunRecord>();
    const unique = [...new Set(instanceIds)];
    for (let i = 0; i < unique.length; i += IN_CHUNK) {
      const rows = await this.db<Row>(TABLE).whereIn(
        'instance_id',
        unique.slice(i, i + IN_CHUNK),
      );
      for (const row of rows) result.set(row.instance_id, toRecord(row));
    }
    return result;
  }

  async listInstanceIdsByInitiator(initiator: string): Promise<string[]> {
    const rows = await this.db<Row>(TABLE)
      .where({ initiator })
      .orderBy('created_at', 'desc')
      .select('instance_id');
    return rows.map(r => r.instance_id);
  }

  async listInstanceIdsByEntity(targetEntity: string): Promise<string[]> {
    const rows = await this.db<Row>(TABLE)
      .where({ target_entity: targetEntity })
      .orderBy('created_at', 'desc')
      .select('instance_id');
    return rows.map(r => r.instance_id);
  }
}
