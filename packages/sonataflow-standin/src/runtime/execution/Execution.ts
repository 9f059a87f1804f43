import { randomUUID } from 'node:crypto';
import { DataIndexStore } from '../../store/DataIndexStore';
import {
  JobRecord,
  NodeDefinitionRecord,
  NodeInstanceRecord,
  ProcessInstanceRecord,
} from '../../store/types';
import { ExpressionEvaluator } from '../expressions';
import { LoadedWorkflow } from '../loader/loadWorkflows';
import { parseIsoDuration } from './isoDuration';

/** A CloudEvent as delivered to `POST /`. @public */
export interface CloudEvent {
  specversion?: string;
  id?: string;
  source?: string;
  type: string;
  data?: unknown;
  kogitoprocrefid?: string;
  [attribute: string]: unknown;
}

/** Thrown into a run when its instance is aborted or redirected. */
export class RunCancelled extends Error {
  name = 'RunCancelled';
}

interface EventWait {
  types: Set<string>;
  resolve(event: CloudEvent | undefined): void;
}

/** Shared by an instance and its branches: waits, jobs and resolvers are one set per instance. */
interface InstanceShared {
  waits: Set<EventWait>;
  buffered: CloudEvent[];
  jobs: Set<JobRecord>;
  settledResolvers: Array<(r: ProcessInstanceRecord) => void>;
  pauseResolvers: Array<() => void>;
}

/**
 * One running instance: its Data Index record plus what the executor needs
 * (evaluator, cancellation, the event it waits for). Every change goes
 * through here so `lastUpdate` is bumped and the store hears about it.
 */
export class Execution {
  readonly evaluator: ExpressionEvaluator;
  private cancel = new AbortController();
  private shared: InstanceShared = {
    waits: new Set(),
    buffered: [],
    jobs: new Set(),
    settledResolvers: [],
    pauseResolvers: [],
  };
  /** A branch (parallel state, parallel foreach) does not write the instance's data. */
  private detached = false;
  failedState: string | undefined;
  currentState: string | undefined;
  /** States that completed, in order, for compensation (kept across retriggers). */
  completedStates: string[] = [];
  /** Set when workflowExecTimeout expired with `interrupt: false`: stop before the next state. */
  pendingTimeout: { duration: string; runBefore?: string } | undefined;
  /** Calls per mock key, for mock sequences (per instance). */
  readonly mockCalls = new Map<string, number>();

  constructor(
    readonly record: ProcessInstanceRecord,
    readonly workflow: LoadedWorkflow,
    private readonly store: DataIndexStore,
    evaluatorFor: (e: Execution) => ExpressionEvaluator,
    /** Multiplies every timer (sleep, retry delay, event timeout); <1 speeds demos and tests up. */
    readonly timeScale = 1,
  ) {
    this.evaluator = evaluatorFor(this);
  }

  get signal() {
    return this.cancel.signal;
  }

  /**
   * A view of this instance with its own cancellation scope, for concurrent
   * branches: cancelling it stops only that branch, cancelling the instance
   * stops every branch. Record, waits and jobs stay shared.
   */
  branch(): Execution {
    const child = Object.create(this) as Execution;
    child.cancel = new AbortController();
    child.detached = true;
    const parent = this.signal;
    if (parent.aborted) child.cancel.abort();
    else
      parent.addEventListener('abort', () => child.cancel.abort(), {
        once: true,
      });
    return child;
  }

  /** An ISO-8601 duration as real milliseconds (scaled by timeScale). */
  ms(duration: string): number {
    return Math.round(parseIsoDuration(duration) * this.timeScale);
  }

  /** Ends the current run (abort, or a jump to another node); waits and timers clean up on the signal. */
  cancelRun() {
    this.cancel.abort();
  }

  /** A fresh cancellation scope for a new run (after retrigger / node trigger). */
  renewRun() {
    this.cancel = new AbortController();
  }

  throwIfCancelled() {
    if (this.cancel.signal.aborted) throw new RunCancelled('run cancelled');
  }

  touch() {
    const r = this.record;
    // Strictly increasing, so watchers polling "changed since lastUpdate" never miss a step.
    r.lastUpdate = Math.max(Date.now(), r.lastUpdate + 1);
    this.store.putInstance(r);
  }

  summary(line: string) {
    this.record.executionSummary.push(line);
  }

  enter(
    node: NodeDefinitionRecord,
    extra: Partial<NodeInstanceRecord> = {},
  ): NodeInstanceRecord {
    const instance: NodeInstanceRecord = {
      id: randomUUID(),
      name: node.name,
      type: node.type,
      enter: Date.now(),
      definitionId: node.uniqueId,
      nodeId: node.id,
      ...extra,
    };
    this.record.nodes.push(instance);
    this.touch();
    return instance;
  }

  exit(node: NodeInstanceRecord) {
    node.exit = Date.now();
    this.touch();
  }

  setData(data: unknown) {
    if (this.detached) return;
    this.record.variables = { ...this.record.variables, workflowdata: data };
    this.touch();
  }

  get data(): unknown {
    return this.record.variables.workflowdata;
  }

  /** Waits `ms`, recorded as a Jobs-service timer; cancelled runs reject. */
  delay(ms: number, nodeInstance?: NodeInstanceRecord): Promise<void> {
    this.throwIfCancelled();
    const job = this.scheduleJob(ms, nodeInstance);
    this.notifyPause();
    return new Promise((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined = undefined;
      const signal = this.signal;
      const onAbort = () => {
        clearTimeout(timer);
        job.status = 'CANCELED';
        job.lastUpdate = Date.now();
        this.shared.jobs.delete(job);
        reject(new RunCancelled('run cancelled'));
      };
      timer = setTimeout(() => {
        signal.removeEventListener('abort', onAbort);
        job.status = 'EXECUTED';
        job.executionCounter = 1;
        job.lastUpdate = Date.now();
        this.shared.jobs.delete(job);
        resolve();
      }, ms);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Waits `ms` without a Jobs record (simulated latency of a mocked service); cancelled runs reject. */
  pause(ms: number): Promise<void> {
    this.throwIfCancelled();
    const signal = this.signal;
    return new Promise((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined = undefined;
      const onAbort = () => {
        clearTimeout(timer);
        reject(new RunCancelled('run cancelled'));
      };
      timer = setTimeout(() => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  private scheduleJob(
    ms: number,
    nodeInstance?: NodeInstanceRecord,
  ): JobRecord {
    const now = Date.now();
    const job: JobRecord = {
      id: randomUUID(),
      processId: this.record.processId,
      processInstanceId: this.record.id,
      nodeInstanceId: nodeInstance?.id,
      rootProcessInstanceId: this.record.rootProcessInstanceId,
      rootProcessId: this.record.rootProcessId,
      status: 'SCHEDULED',
      expirationTime: now + ms,
      priority: 0,
      retries: 0,
      executionCounter: 0,
      repeatInterval: 0,
      repeatLimit: 0,
      lastUpdate: now,
      endpoint: `${this.record.serviceUrl}/management/jobs/${this.record.processId}/instances/${this.record.id}/timers`,
      callbackEndpoint: `${this.record.serviceUrl}/management/jobs/${this.record.processId}/instances/${this.record.id}/timers`,
    };
    this.shared.jobs.add(job);
    this.store.putJob(job);
    return job;
  }

  /** Waits for one of the CloudEvent types; `undefined` on timeout. */
  waitForEvent(
    types: string[],
    timeoutMs?: number,
  ): Promise<CloudEvent | undefined> {
    this.throwIfCancelled();
    const { buffered, waits } = this.shared;
    const ready = buffered.findIndex(e => types.includes(e.type));
    if (ready >= 0) return Promise.resolve(buffered.splice(ready, 1)[0]);
    this.notifyPause();
    const signal = this.signal;
    return new Promise((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const wait: EventWait = { types: new Set(types), resolve: () => {} };
      const onAbort = () => {
        if (timer) clearTimeout(timer);
        waits.delete(wait);
        reject(new RunCancelled('run cancelled'));
      };
      wait.resolve = event => {
        if (timer) clearTimeout(timer);
        waits.delete(wait);
        signal.removeEventListener('abort', onAbort);
        resolve(event);
      };
      waits.add(wait);
      signal.addEventListener('abort', onAbort, { once: true });
      if (timeoutMs !== undefined)
        timer = setTimeout(() => wait.resolve(undefined), timeoutMs);
    });
  }

  waitsFor(type: string): boolean {
    return [...this.shared.waits].some(w => w.types.has(type));
  }

  /** Hands an event to every wait of this instance for its type (branches may wait concurrently), or keeps it for the next wait. */
  deliver(event: CloudEvent) {
    const takers = [...this.shared.waits].filter(w => w.types.has(event.type));
    if (takers.length === 0) this.shared.buffered.push(event);
    takers.forEach(w => w.resolve(event));
  }

  isTerminal() {
    return ['COMPLETED', 'ABORTED', 'ERROR'].includes(this.record.state);
  }

  /** Resolves when the instance completes, fails or is aborted. */
  settled(): Promise<ProcessInstanceRecord> {
    if (this.isTerminal()) return Promise.resolve(this.record);
    return new Promise(resolve => this.shared.settledResolvers.push(resolve));
  }

  /** Resolves at the first wait (sleep, event) or when the instance settles. */
  paused(): Promise<void> {
    if (this.isTerminal()) return Promise.resolve();
    return new Promise(resolve => this.shared.pauseResolvers.push(resolve));
  }

  notifyPause() {
    this.shared.pauseResolvers.splice(0).forEach(r => r());
  }

  notifySettled() {
    this.notifyPause();
    this.shared.settledResolvers.splice(0).forEach(r => r(this.record));
  }
}
