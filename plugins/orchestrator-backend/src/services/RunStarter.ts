import type { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError, InputError } from '@backstage/errors';
import type { JsonObject } from '@backstage/types';
import { createHash, randomUUID } from 'node:crypto';
import type { DataIndexClient } from '../dataIndex/DataIndexClient';
import type { RunStore } from '../runStore/RunStore';
import type { NewStart, RunStarts } from '../runStore/RunStarts';
import { certainlyDidNothing } from '../runtime/errors';
import type {
  AuthToken,
  WorkflowRuntimeClient,
} from '../runtime/WorkflowRuntimeClient';

/** As the OpenAPI `IdempotencyKey`; checked here too for callers that skip the REST schema. */
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,100}$/;
/** How many unresolved starts one background pass settles. */
const SWEEP_LIMIT = 100;

export interface StartRun {
  workflowId: string;
  serviceUrl: string;
  initiator: string;
  inputs: JsonObject;
  targetEntity?: string;
  rerunOf?: string;
  authTokens?: AuthToken[];
  /** The client's key for one user action; every retry of it sends the same. */
  idempotencyKey?: string;
}

export interface RunStarterOptions {
  starts: RunStarts;
  runStore: RunStore;
  runtime: WorkflowRuntimeClient;
  dataIndex: DataIndexClient;
  logger: LoggerService;
  /** Longest a call may still be in flight (the start timeout). */
  startTimeoutMs: number;
  /**
   * How long an unresolved start without a run in the Data Index is given before it counts as
   * nothing (the Data Index lags the service). Default: start timeout + 30 s.
   */
  graceMs?: number;
}

/**
 * Idempotent starts. Each start is written to the ledger under a key the workflow service
 * keeps on the run (`businessKey`) before the call; when the answer is lost, the Data Index
 * is asked for that key, so the start ends as a recorded run or as nothing, and a retry with
 * the same idempotency key gets the first run instead of a second one.
 */
export class RunStarter {
  private readonly graceMs: number;

  static create(options: RunStarterOptions) {
    return new RunStarter(options);
  }

  private constructor(private readonly o: RunStarterOptions) {
    this.graceMs = o.graceMs ?? o.startTimeoutMs + 30_000;
  }

  /** Starts the run (or finds the one an earlier attempt made) and answers its id. */
  async start(run: StartRun): Promise<string> {
    if (
      run.idempotencyKey !== undefined &&
      !IDEMPOTENCY_KEY.test(run.idempotencyKey)
    ) {
      throw new InputError(
        'idempotencyKey must be 8-100 characters of A-Z a-z 0-9 _ . : -',
      );
    }
    const start: NewStart = {
      startKey: startKeyOf(run.initiator, run.idempotencyKey ?? randomUUID()),
      workflowId: run.workflowId,
      initiator: run.initiator,
      targetEntity: run.targetEntity,
      inputs: run.inputs,
      rerunOf: run.rerunOf,
    };
    if (!(await this.o.starts.claim(start))) {
      const known = await this.resume(start);
      if (known) return known;
    }
    return this.call(start, run);
  }

  /**
   * A retry: the id of the run the key already made, or undefined when the record was taken
   * back to `starting` for this call to start it again.
   */
  private async resume(start: NewStart): Promise<string | undefined> {
    const previous = (await this.o.starts.get(start.startKey))!;
    if (previous.workflowId !== start.workflowId) {
      throw new ConflictError(
        `This idempotencyKey was used to start '${previous.workflowId}'; use a new key`,
      );
    }
    if (previous.status === 'started') return previous.instanceId!;
    if (previous.status === 'starting') {
      const found = (await this.find([previous.startKey])).get(
        previous.startKey,
      );
      if (found) return this.settle(previous, found);
      if (Date.now() - previous.createdAt.getTime() < this.graceMs) {
        throw new ConflictError(
          'A start with this idempotencyKey is not resolved yet; try again in a moment',
        );
      }
    }
    // Failed, or unresolved past the grace with no run: nothing was made, start again.
    if (!(await this.o.starts.reopen(previous, start))) {
      throw new ConflictError(
        'Another request is starting with this idempotencyKey; try again in a moment',
      );
    }
    return undefined;
  }

  private async call(start: NewStart, run: StartRun): Promise<string> {
    try {
      const { id } = await this.o.runtime.start({
        workflowId: run.workflowId,
        serviceUrl: run.serviceUrl,
        inputs: run.inputs,
        initiatorEntity: run.initiator,
        targetEntity: run.targetEntity,
        authTokens: run.authTokens,
        businessKey: start.startKey,
      });
      return await this.settle(start, id);
    } catch (error) {
      if (certainlyDidNothing(error)) {
        await this.o.starts.markFailed(start.startKey);
        throw error;
      }
      // Timeout, 5xx or a cut connection: the service may have made the run anyway.
      const found = await this.find([start.startKey]).then(
        map => map.get(start.startKey),
        () => undefined,
      );
      if (found) return this.settle(start, found);
      // Left `starting`: a retry with the same key, or the background sweep, settles it.
      throw error;
    }
  }

  /** Records the run for its owner and closes the ledger entry; safe to do twice. */
  private async settle(start: NewStart, instanceId: string): Promise<string> {
    try {
      if (!(await this.o.runStore.get(instanceId))) {
        await this.o.runStore.record({
          instanceId,
          workflowId: start.workflowId,
          initiator: start.initiator,
          targetEntity: start.targetEntity,
          inputs: start.inputs,
          rerunOf: start.rerunOf,
        });
      }
      await this.o.starts.markStarted(start.startKey, instanceId);
    } catch (error) {
      // The run exists; failing the request would invite a duplicate start. Ownership
      // still resolves through the instance's initiatorEntity variable.
      this.o.logger.error(
        `Run ${instanceId} of '${
          start.workflowId
        }' started but could not be recorded: ${(error as Error).message}`,
      );
    }
    return instanceId;
  }

  /** Root runs by business key (a sub-flow never stands for its parent's start). */
  private async find(keys: string[]): Promise<Map<string, string>> {
    const { data } = await this.o.dataIndex.listInstances({
      where: {
        and: [
          { businessKey: { in: keys } },
          { parentProcessInstanceId: { isNull: true } },
        ],
      },
      orderBy: { start: 'ASC' },
      pagination: { limit: keys.length * 2, offset: 0 },
    });
    const found = new Map<string, string>();
    for (const instance of data) {
      const key = instance.businessKey;
      if (key && !found.has(key)) found.set(key, instance.id);
    }
    return found;
  }

  /**
   * Settles starts whose request ended without an answer (crash, timeout): a run found in the
   * Data Index is recorded, one still missing after the grace is marked failed.
   */
  async sweep(now = Date.now()): Promise<{ started: number; failed: number }> {
    const pending = await this.o.starts.listStarting(
      new Date(now - this.o.startTimeoutMs),
      SWEEP_LIMIT,
    );
    if (pending.length === 0) return { started: 0, failed: 0 };
    const found = await this.find(pending.map(p => p.startKey));
    let started = 0;
    let failed = 0;
    for (const record of pending) {
      const id = found.get(record.startKey);
      if (id) {
        await this.settle(record, id);
        started++;
      } else if (now - record.createdAt.getTime() >= this.graceMs) {
        await this.o.starts.markFailed(record.startKey);
        failed++;
      }
    }
    return { started, failed };
  }
}

/**
 * The business key of a start: the client's key scoped to its user, hashed so neither the
 * key nor the user shows in the Data Index and two users' keys never meet.
 */
export function startKeyOf(initiator: string, idempotencyKey: string): string {
  return `orch-${createHash('sha256')
    .update(`${initiator}\n${idempotencyKey}`)
    .digest('hex')
    .slice(0, 40)}`;
}
