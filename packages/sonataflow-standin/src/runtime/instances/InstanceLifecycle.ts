import { randomUUID } from 'node:crypto';
import { ConflictError, NotFoundError } from '@backstage/errors';
import { ProcessInstanceRecord } from '../../store/types';
import { ExpressionEvaluator } from '../expressions';
import { Execution } from '../execution/Execution';
import { ExecutorDeps } from '../execution/runActions';
import {
  execTimeoutOf,
  expireRun,
  markAborted,
  runFrom,
} from '../execution/runInstance';
import { InputValidator } from '../inputValidation';
import { LoadedWorkflow } from '../loader/loadWorkflows';
import { startStateName } from '../loader/validateWorkflow';
import { WorkflowRegistry } from '../WorkflowRegistry';
import { ProducedEventLog } from './ProducedEventLog';
import { StartBody, WorkflowRuntimeOptions } from './runtimeOptions';

/**
 * Creates, launches and cancels instances, and holds the live ones: one Execution per
 * instance, started here or as a sub-flow. Waits are timers and event promises, so
 * thousands of idle instances cost nothing.
 */
export class InstanceLifecycle {
  private readonly executions = new Map<string, Execution>();
  private readonly validator = new InputValidator();

  constructor(
    private readonly options: WorkflowRuntimeOptions,
    private readonly registry: WorkflowRegistry,
    private readonly events: ProducedEventLog,
  ) {}

  /** The execution of an instance started here; seeded (historic) ones cannot be changed. */
  require(instanceId: string): Execution {
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

  get(instanceId: string): Execution | undefined {
    return this.executions.get(instanceId);
  }

  all(): IterableIterator<Execution> {
    return this.executions.values();
  }

  readonly deps: ExecutorDeps = {
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
    publish: event => this.events.record(event),
    runSubflow: async (parent, workflowId, input, wait) => {
      const child = this.create(
        this.registry.require(workflowId),
        { workflowdata: input },
        parent,
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

  /** A new instance record and its execution, input validated; not running yet. */
  create(
    wf: LoadedWorkflow,
    body: StartBody,
    parent?: Execution,
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
    const root = parent?.record;
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

  /** Runs an execution from its start (or from `from`, for a retrigger or node trigger). */
  launch(exec: Execution, from?: string, retrigger = false) {
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
    const exec = this.create(
      this.registry.require(workflowId),
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

  /** Aborts an instance and, with it, its running sub-flows. */
  cancel(exec: Execution, reason: string) {
    if (exec.isTerminal() && exec.record.state !== 'ERROR') return;
    exec.cancelRun();
    markAborted(exec, reason);
    for (const child of this.options.store.childrenOf(exec.record.id)) {
      const childExec = this.executions.get(child.id);
      if (childExec && !childExec.isTerminal())
        this.cancel(childExec, 'Aborted with its parent');
    }
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
