import type { JsonObject } from '@backstage/types';
import type { Knex } from 'knex';

const TABLE = 'orchestrator_run_starts';

export type StartStatus = 'starting' | 'started' | 'failed';

/** One start as written before the workflow service is called (see the hardening migration). */
export interface StartRecord {
  /** Also the run's `businessKey` at the workflow service. */
  startKey: string;
  workflowId: string;
  initiator: string;
  targetEntity?: string;
  inputs?: JsonObject;
  rerunOf?: string;
  status: StartStatus;
  instanceId?: string;
  createdAt: Date;
}

type Row = {
  start_key: string;
  workflow_id: string;
  initiator: string;
  target_entity: string | null;
  inputs: string | null;
  rerun_of: string | null;
  status: StartStatus;
  instance_id: string | null;
  created_at: Date | string | number;
};

function toRecord(row: Row): StartRecord {
  return {
    startKey: row.start_key,
    workflowId: row.workflow_id,
    initiator: row.initiator,
    targetEntity: row.target_entity ?? undefined,
    inputs: row.inputs ? (JSON.parse(row.inputs) as JsonObject) : undefined,
    rerunOf: row.rerun_of ?? undefined,
    status: row.status,
    instanceId: row.instance_id ?? undefined,
    createdAt:
      row.created_at instanceof Date
        ? row.created_at
        : new Date(row.created_at),
  };
}

/** What a start brings; the ledger sets status and time. */
export type NewStart = Omit<StartRecord, 'status' | 'instanceId' | 'createdAt'>;

/**
 * The start ledger: every start is written here before its call, so a start whose answer is
 * lost (timeout, 5xx, crash) can be settled later from the Data Index by its key.
 */
export class RunStarts {
  static create(options: { knex: Knex }): RunStarts {
    return new RunStarts(options.knex);
  }

  private constructor(private readonly db: Knex) {}

  private columns(start: NewStart) {
    return {
      workflow_id: start.workflowId,
      initiator: start.initiator,
      target_entity: start.targetEntity ?? null,
      inputs: start.inputs === undefined ? null : JSON.stringify(start.inputs),
      rerun_of: start.rerunOf ?? null,
    };
  }

  /** Writes a new `starting` record; false when the key is already there (a retry or a race). */
  async claim(start: NewStart, now = new Date()): Promise<boolean> {
    try {
      await this.db<Row>(TABLE).insert({
        start_key: start.startKey,
        ...this.columns(start),
        status: 'starting',
        created_at: now,
      });
      return true;
    } catch (error) {
      // The primary key decides between concurrent requests; anything else is a real failure.
      if (await this.get(start.startKey)) return false;
      throw error;
    }
  }

  async get(startKey: string): Promise<StartRecord | undefined> {
    const row = await this.db<Row>(TABLE)
      .where({ start_key: startKey })
      .first();
    return row ? toRecord(row) : undefined;
  }

  /**
   * Takes a record that made no run back to `starting` with the retry's inputs. Compared on
   * status and time, so of two retries racing for it only one gets true.
   */
  async reopen(previous: StartRecord, start: NewStart, now = new Date()) {
    const changed = await this.db<Row>(TABLE)
      .where({ start_key: previous.startKey, status: previous.status })
      .andWhere('created_at', previous.createdAt)
      .update({ ...this.columns(start), status: 'starting', created_at: now });
    return changed === 1;
  }

  async markStarted(startKey: string, instanceId: string): Promise<void> {
    await this.db<Row>(TABLE)
      .where({ start_key: startKey })
      .update({ status: 'started', instance_id: instanceId });
  }

  /** Only a record still `starting`: a late settle must not undo a found run. */
  async markFailed(startKey: string): Promise<void> {
    await this.db<Row>(TABLE)
      .where({ start_key: startKey, status: 'starting' })
      .update({ status: 'failed' });
  }

  /** Unresolved starts begun before `before`, oldest first. */
  async listStarting(before: Date, limit: number): Promise<StartRecord[]> {
    const rows = await this.db<Row>(TABLE)
      .where({ status: 'starting' })
      .andWhere('created_at', '<', before)
      .orderBy('created_at', 'asc')
      .limit(limit);
    return rows.map(toRecord);
  }
}
