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

/**
 * One running instance: its Data Index record plus what the executor needs
 * (evaluator, cancellation, the event it waits for). Every change goes
 * through here so `lastUpdate` is bumped and the store hears about it.
 */
export class Execution {
  readonly evaluator: ExpressionEvaluator;
  private cancel = new AbortController();
  private eventWait: EventWait | undefined;
  private readonly buffered: CloudEvent[] = [];
  private readonly jobs = new Set<JobRecord>();
  private settledResolvers: Array<(r: ProcessInstanceRecord) => void> = [];
  private pauseResolvers: Array<() => void> = [];
  failedState: string | undefined;
  currentState: string | undefined;

  constructor(
    readonly record: ProcessInstanceRecord,
    readonly workflow: LoadedWorkflow,
    private readonly store: DataIndexStore,
    evaluatorFor: (e: Execution) => ExpressionEvaluator,
  ) {
    this.evaluator = evaluatorFor(this);
  }

  get signal() {
    return this.cancel.signal;
  }

  /** Ends the current run (abort, or a jump to another node). */
  cancelRun() {
    this.cancel.abort();
    this.eventWait?.resolve(undefined);
    this.eventWait = undefined;
    for (const job of this.jobs) {
      job.status = 'CANCELED';
      job.lastUpdate = Date.now();
    }
    this.jobs.clear();
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
      const onAbort = () => {
        clearTimeout(timer);
        reject(new RunCancelled('run cancelled'));
      };
      timer = setTimeout(() => {
        this.signal.removeEventListener('abort', onAbort);
        job.status = 'EXECUTED';
        job.executionCounter = 1;
        job.lastUpdate = Date.now();
        this.jobs.delete(job);
        resolve();
      }, ms);
      this.signal.addEventListener('abort', onAbort, { once: true });
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
    this.jobs.add(job);
    this.store.putJob(job);
    return job;
  }

  /** Waits for one of the CloudEvent types; `undefined` on timeout. */
  waitForEvent(
    types: string[],
    timeoutMs?: number,
  ): Promise<CloudEvent | undefined> {
    this.throwIfCancelled();
    const ready = this.buffered.findIndex(e => types.includes(e.type));
    if (ready >= 0) return Promise.resolve(this.buffered.splice(ready, 1)[0]);
    this.notifyPause();
    return new Promise((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const done = (event: CloudEvent | undefined) => {
        if (timer) clearTimeout(timer);
        this.eventWait = undefined;
        if (this.signal.aborted) reject(new RunCancelled('run cancelled'));
        else resolve(event);
      };
      this.eventWait = { types: new Set(types), resolve: done };
      if (timeoutMs !== undefined)
        timer = setTimeout(() => done(undefined), timeoutMs);
    });
  }

  waitsFor(type: string): boolean {
    return Boolean(this.eventWait?.types.has(type));
  }

  /** Hands an event to the waiting run, or keeps it for the next wait. */
  deliver(event: CloudEvent) {
    if (this.eventWait?.types.has(event.type)) this.eventWait.resolve(event);
    else this.buffered.push(event);
  }

  isTerminal() {
    return ['COMPLETED', 'ABORTED', 'ERROR'].includes(this.record.state);
  }

  /** Resolves when the instance completes, fails or is aborted. */
  settled(): Promise<ProcessInstanceRecord> {
    if (this.isTerminal()) return Promise.resolve(this.record);
    return new Promise(resolve => this.settledResolvers.push(resolve));
  }

  /** Resolves at the first wait (sleep, event) or when the instance settles. */
  paused(): Promise<void> {
    if (this.isTerminal()) return Promise.resolve();
    return new Promise(resolve => this.pauseResolvers.push(resolve));
  }

  notifyPause() {
    const resolvers = this.pauseResolvers;
    this.pauseResolvers = [];
    resolvers.forEach(r => r());
  }

  notifySettled() {
    this.notifyPause();
    const resolvers = this.settledResolvers;
    this.settledResolvers = [];
    resolvers.forEach(r => r(this.record));
  }
}
