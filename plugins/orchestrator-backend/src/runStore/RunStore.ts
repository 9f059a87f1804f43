import type { JsonObject } from '@backstage/types';
import type {
  NewRun,
  RunRecord,
  RunStore,
} from '@orchestrator-suite/backstage-plugin-orchestrator-node';
import type { Knex } from 'knex';

// The interfaces live in orchestrator-node, where adopters implement them: change them there.
export type {
  NewRun,
  RunRecord,
  RunStore,
} from '@orchestrator-suite/backstage-plugin-orchestrator-node';

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
  root_instance_id?: string | null;
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
    rootInstanceId: row.root_instance_id ?? undefined,
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

  async recordSubflow(run: {
    instanceId: string;
    workflowId: string;
    rootInstanceId: string;
    initiator: string;
  }): Promise<void> {
    await this.db<Row>(TABLE)
      .insert({
        instance_id: run.instanceId,
        workflow_id: run.workflowId,
        initiator: run.initiator,
        root_instance_id: run.rootInstanceId,
        created_at: new Date(),
      })
      .onConflict('instance_id')
      .ignore();
  }

  async listRootsWithSubflows(
    initiator: string,
    limit: number,
  ): Promise<string[]> {
    const rows = await this.db<Row>(TABLE)
      .where({ initiator })
      .whereNotNull('root_instance_id')
      .groupBy('root_instance_id')
      .max({ newest: 'created_at' })
      .select('root_instance_id')
      .orderBy('newest', 'desc')
      .limit(limit);
    return rows.map(r => r.root_instance_id as string);
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
