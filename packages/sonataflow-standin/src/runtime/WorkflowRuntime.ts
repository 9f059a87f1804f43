import { randomUUID } from 'node:crypto';
import { ConflictError, NotFoundError } from '@backstage/errors';
import { InstanceOperations } from '../graphql/InstanceOperations';
import { DataIndexStore } from '../store/DataIndexStore';
import { ProcessInstanceRecord } from '../store/types';
import { ExpressionEvaluator } from './expressions';
import { CloudEvent, Execution } from './execution/Execution';
import { ExecutorDeps } from './execution/runActions';
import {
  execTimeoutOf,
  expireRun,
  markAborted,
  runFrom,
} from './execution/runInstance';
import { ProducedEvent } from './execution/produceEvents';
import { RestTargets } from './functions/openApiCall';
import { InputValidator } from './inputValidation';
import { JqEngine } from './jq/JqEngine';
import { LoadedWorkflow } from './loader/loadWorkflows';
import { startStateName } from './loader/validateWorkflow';

/** @public */
export interface WorkflowRuntimeOptions {
  store: DataIndexStore;
  workflows: LoadedWorkflow[];
  jq: JqEngine;
  /** The workflow services' base URL (each ProcessDefinition's serviceUrl). */
  serviceUrl: string;
  rest?: RestTargets;
  secrets?: Record<string, unknown>;
  log?: (instanceId: string, level: string, message: string) => void;
  onStart?: () => void;
  /** Multiplies every timer (sleeps, retry delays, event and execution timeouts, mock delays); default 1. */
  timeScale?: number;
}

/** How many produced events `/__standin/events` keeps (oldest dropped first). */
const EVENT_LOG_SIZE = 1000;

/** Body of `POST /{workflowId}`: `{ workflowdata, initiatorEntity, targetEntity }` or a plain input object. @public */
export type StartBody = Record<string, unknown>;

interface Parent {
  exec: Execution;
}

/**
 * Runs Serverless Workflow 0.8 instances in process and records them in the
 * Data Index store. One Execution per instance; waits are timers and event
 * promises, so thousands of idle instances cost nothing.
 * @public
 */
export class WorkflowRuntime implements InstanceOperations {
  private readonly executions = new Map<string, Execution>();
  private readonly byId = new Map<string, LoadedWorkflow>();
  private readonly validator = new InputValidator();
  private readonly produced: ProducedEvent[] = [];

  static create(options: WorkflowRuntimeOptions) {
    return new WorkflowRuntime(options);
  }

  private constructor(private readonly options: WorkflowRuntimeOptions) {
    for (const wf of options.workflows) this.byId.set(wf.id, wf);
  }

  listWorkflows(): LoadedWorkflow[] {
    return [...this.byId.values()];
  }

  getWorkflow(id: string): LoadedWorkflow | undefined {
    return this.byId.get(id);
  }

  private requireWorkflow(id: string) {
    const wf = this.byId.get(id);
    if (!wf) throw new NotFoundError(`Workflow '${id}' not found`);
    return wf;
  }

  private requireExecution(instanceId: string) {
    const exec = this.executions.get(instanceId);
    if (!exec) {
      const known = this.options.store.getInstance(instanceId);
      if (known)
        throw new ConflictError(
          `Instance '${instanceId}' is historic (seeded) and cannot be changed`,
        );
      throw new NotFoundError(`Instance '${instanceId}' not found`);
    }
    return exec;
  }

  /** Events the workflows produced (newest last), optionally of one instance. */
  producedEvents(instanceId?: string): ProducedEvent[] {
    return instanceId
      ? this.produced.filter(e => e.kogitoprocinstanceid === instanceId)
      : [...this.produced];
  }

  private deps: ExecutorDeps = {
    functionContext: exec => ({
      evaluator: exec.evaluator,
      workflowDir: exec.workflow.dir,
      uriDefinitions: uriDefinitionsOf(exec.workflow),
      targets: { selfUrl: this.options.serviceUrl, ...this.options.rest },
      log: (level, message) =>
        this.options.log?.(exec.record.id, level, message),
      mocks: {
        mocks: exec.workflow.mocks,
        calls: exec.mockCalls,
        evaluate: (expr, data) => exec.evaluator.evaluate(expr, data),
        pause: delay =>
          exec.pause(
            typeof delay === 'number' ? delay * exec.timeScale : exec.ms(delay),
          ),
      },
      signal: exec.signal,
    }),
    publish: event => {
      this.produced.push(event);
      if (this.produced.length > EVENT_LOG_SIZE) this.produced.shift();
    },
    runSubflow: async (parent, workflowId, input, wait) => {
      const child = this.createExecution(
        this.requireWorkflow(workflowId),
        { workflowdata: input },
        { exec: parent },
      );
      this.launch(child);
      if (!wait) return undefined;
      const onAbort = () => this.cancel(child, 'Aborted with its parent');
      parent.signal.addEventListener('abort', onAbort, { once: true });
      const done = await child.settled();
      parent.signal.removeEventListener('abort', onAbort);
      if (done.state !== 'COMPLETED') {
        throw Object.assign(
          new Error(
            `subflow '${workflowId}' (${done.id}) ended ${done.state}${
              done.error?.message ? `: ${done.error.message}` : ''
            }`,
          ),
          {
            code: 'subflow',
          },
        );
      }
      return done.variables.workflowdata;
    },
  };

  private createExecution(
    wf: LoadedWorkflow,
    body: StartBody,
    parent?: Parent,
    businessKey?: string,
  ): Execution {
    const hasEnvelope = Object.prototype.hasOwnProperty.call(
      body,
      'workflowdata',
    );
    const { workflowdata, ...extra } = hasEnvelope
      ? body
      : { workflowdata: body };
    this.validator.validate(wf, workflowdata ?? {});
    const now = Date.now();
    const id = randomUUID();
    const root = parent?.exec.record;
    const record: ProcessInstanceRecord = {
      id,
      processId: wf.id,
      processName: wf.definition.name ?? wf.id,
      version: wf.definition.version,
      state: 'ACTIVE',
      endpoint: `${this.options.serviceUrl}/${wf.id}`,
      serviceUrl: this.options.serviceUrl,
      nodes: [],
      variables: { workflowdata: workflowdata ?? {}, ...extra },
      start: now,
      lastUpdate: now,
      executionSummary: ['Workflow started'],
      // Kept as given (SonataFlow does not make it unique): callers reconcile starts by it.
      ...(businessKey ? { businessKey } : {}),
      parentProcessInstanceId: root?.id,
      rootProcessInstanceId: root
        ? root.rootProcessInstanceId ?? root.id
        : undefined,
      rootProcessId: root ? root.rootProcessId ?? root.processId : undefined,
      addons: ['process-management', 'source-files', 'jobs-management'],
      roles: [],
    };
    const exec = new Execution(
      record,
      wf,
      this.options.store,
      e =>
        new ExpressionEvaluator(this.options.jq, {
          WORKFLOW: {
            instanceId: e.record.id,
            id: wf.id,
            name: wf.definition.name,
            version: wf.definition.version,
          },
          SECRET: this.options.secrets ?? {},
          CONST:
            typeof wf.definition.constants === 'object'
              ? wf.definition.constants
              : {},
        }),
      this.options.timeScale ?? 1,
    );
    this.executions.set(id, exec);
    this.options.onStart?.();
    return exec;
  }

  private launch(exec: Execution, from?: string, retrigger = false) {
    if (!from) {
      const startNode = exec.enter(exec.workflow.nodes.start);
      exec.exit(startNode);
      this.armExecTimeout(exec);
    }
    const stateName = from ?? startStateName(exec.workflow.definition)!;
    void runFrom(this.deps, exec, stateName, exec.data, { retrigger });
  }

  /**
   * `timeouts.workflowExecTimeout`: when it passes, the run is stopped
   * (`interrupt: false` lets the current state finish first), `runBefore`
   * runs, and the instance ends ABORTED.
   */
  private armExecTimeout(exec: Execution) {
    const def = execTimeoutOf(exec);
    if (!def) return;
    const timer = setTimeout(() => {
      if (exec.isTerminal()) return;
      if (def.interrupt === false) {
        exec.pendingTimeout = def;
        return;
      }
      exec.cancelRun();
      exec.renewRun();
      expireRun(this.deps, exec, def);
    }, exec.ms(def.duration));
    timer.unref();
    void exec.settled().then(() => clearTimeout(timer));
  }

  /**
   * Starts an instance. Like SonataFlow, the call runs until the first wait
   * (or the end), bounded by `waitMs`, and answers with the id and data so far.
   */
  async start(
    workflowId: string,
    body: StartBody,
    waitMs = 2000,
    businessKey?: string,
  ) {
    const exec = this.createExecution(
      this.requireWorkflow(workflowId),
      body ?? {},
      undefined,
      businessKey,
    );
    this.launch(exec);
    await Promise.race([
      exec.paused(),
      new Promise(r => setTimeout(r, waitMs).unref()),
    ]);
    return { id: exec.record.id, workflowdata: exec.data };
  }

  /** The live record of an instance started here. */
  instance(instanceId: string): ProcessInstanceRecord {
    return this.requireExecution(instanceId).record;
  }

  /** Resolves when the instance completes, fails or is aborted. */
  whenSettled(instanceId: string): Promise<ProcessInstanceRecord> {
    return this.requireExecution(instanceId).settled();
  }

  private cancel(exec: Execution, reason: string) {
    if (exec.isTerminal() && exec.record.state !== 'ERROR') return;
    exec.cancelRun();
    markAborted(exec, reason);
    for (const child of this.options.store.childrenOf(exec.record.id)) {
      const childExec = this.executions.get(child.id);
      if (childExec && !childExec.isTerminal())
        this.cancel(childExec, 'Aborted with its parent');
    }
  }

  async abort(instanceId: string) {
    const exec = this.requireExecution(instanceId);
    if (['COMPLETED', 'ABORTED'].includes(exec.record.state)) {
      throw new ConflictError(
        `Instance '${instanceId}' is ${exec.record.state} and cannot be aborted`,
      );
    }
    this.cancel(exec, 'Workflow aborted');
    return exec.record.variables;
  }

  /** Re-runs the failed state from its start with the current data. */
  async retry(instanceId: string) {
    const exec = this.requireExecution(instanceId);
    if (exec.record.state !== 'ERROR' || !exec.failedState) {
      throw new ConflictError(
        `Instance '${instanceId}' is ${exec.record.state}; only instances in ERROR can be retriggered`,
      );
    }
    this.resumeAt(exec, exec.failedState, 'Retriggered');
    return exec.record.variables;
  }

  private resumeAt(exec: Execution, stateName: string, reason: string) {
    const now = Date.now();
    exec.cancelRun();
    exec.renewRun();
    // The failed node instances are replaced by the re-run ones (marked retrigger).
    exec.record.nodes = exec.record.nodes.filter(
      n => !(n.errorMessage && !n.exit),
    );
    for (const n of exec.record.nodes) if (!n.exit) n.exit = now;
    exec.record.error = undefined;
    exec.record.state = 'ACTIVE';
    exec.record.end = undefined;
    exec.failedState = undefined;
    exec.summary(`${reason} at state '${stateName}'`);
    exec.touch();
    this.launch(exec, stateName, true);
  }

  async updateVariables(
    instanceId: string,
    variables: Record<string, unknown>,
  ) {
    const exec = this.requireExecution(instanceId);
    exec.record.variables = { ...exec.record.variables, ...variables };
    exec.summary('Variables updated');
    exec.touch();
    return exec.record.variables;
  }

  /** Jumps to the state of a node definition (by node id or unique id). */
  async triggerNode(instanceId: string, nodeId: string) {
    const exec = this.requireExecution(instanceId);
    if (['COMPLETED', 'ABORTED'].includes(exec.record.state)) {
      throw new ConflictError(
        `Instance '${instanceId}' is ${exec.record.state}`,
      );
    }
    const node = exec.workflow.nodes.all.find(
      n => n.id === nodeId || n.uniqueId === nodeId,
    );
    const stateName = node?.metadata.state;
    if (!stateName)
      throw new NotFoundError(
        `Node '${nodeId}' is not a state or action node of '${exec.workflow.id}'`,
      );
    this.resumeAt(exec, stateName, `Node '${node!.name}' triggered`);
    return exec.record.variables;
  }

  async retriggerNode(instanceId: string, nodeInstanceId: string) {
    const exec = this.requireExecution(instanceId);
    const nodeInstance = exec.record.nodes.find(n => n.id === nodeInstanceId);
    if (!nodeInstance)
      throw new NotFoundError(`Node instance '${nodeInstanceId}' not found`);
    return this.triggerNode(instanceId, nodeInstance.nodeId);
  }

  async cancelJob(jobId: string) {
    const job = this.options.store.getJob(jobId);
    if (!job) throw new NotFoundError(`Job '${jobId}' not found`);
    if (job.status !== 'SCHEDULED')
      throw new ConflictError(`Job '${jobId}' is ${job.status}`);
    const exec = job.processInstanceId
      ? this.executions.get(job.processInstanceId)
      : undefined;
    if (exec) this.cancel(exec, `Timer ${jobId} cancelled`);
    job.status = 'CANCELED';
    job.lastUpdate = Date.now();
    return job.id;
  }

  /**
   * Delivers a CloudEvent: to the instance named by `kogitoprocrefid`, or to
   * instances waiting for its type; with neither, a workflow whose start
   * state is an event state for that type starts a new instance.
   */
  async deliverEvent(event: CloudEvent): Promise<string[]> {
    if (event.kogitoprocrefid) {
      const exec = this.requireExecution(String(event.kogitoprocrefid));
      if (exec.isTerminal())
        throw new ConflictError(
          `Instance '${exec.record.id}' is ${exec.record.state}`,
        );
      exec.deliver(event);
      return [exec.record.id];
    }
    const waiting = [...this.executions.values()].filter(
      e => !e.isTerminal() && e.waitsFor(event.type),
    );
    waiting.forEach(e => e.deliver(event));
    if (waiting.length > 0) return waiting.map(e => e.record.id);
    const started: string[] = [];
    for (const wf of this.byId.values()) {
      const startState = wf.definition.states.find(
        s => s.name === startStateName(wf.definition),
      );
      if (startState?.type !== 'event') continue;
      const defs = Array.isArray(wf.definition.events)
        ? wf.definition.events
        : [];
      const refs = (startState.onEvents ?? []).flatMap(o => o.eventRefs);
      if (!refs.some(r => defs.find(d => d.name === r)?.type === event.type))
        continue;
      const exec = this.createExecution(wf, {});
      exec.deliver(event);
      this.launch(exec);
      started.push(exec.record.id);
    }
    return started;
  }

  /** Stops every timer and wait (used on close). */
  close() {
    for (const exec of this.executions.values()) exec.cancelRun();
  }
}

function uriDefinitionsOf(wf: LoadedWorkflow): Record<string, string> {
  const ext = (wf.definition.extensions ?? []).find(
    e => e.extensionid === 'workflow-uri-definitions',
  );
  return (ext?.definitions as Record<string, string>) ?? {};
}
