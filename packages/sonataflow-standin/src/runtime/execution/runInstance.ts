import { SwExecTimeout, SwState } from '../model';
import { compensate } from './compensation';
import { errorRefMatches } from './errorMatching';
import { Execution, RunCancelled } from './Execution';
import { handlerExit, StateOutcome } from './exits';
import { produceEvents } from './produceEvents';
import { ExecutorDeps } from './runActions';
import { runState } from './runStates';

/** The first `onErrors` entry whose error definitions cover `e`. */
function findHandler(exec: Execution, state: SwState, e: unknown) {
  return (state.onErrors ?? []).find(handler =>
    [handler.errorRef, ...(handler.errorRefs ?? [])]
      .filter((ref): ref is string => Boolean(ref))
      .some(ref => errorRefMatches(exec.workflow.definition, ref, e)),
  );
}

function complete(exec: Execution) {
  const end = exec.enter(exec.workflow.nodes.end);
  exec.exit(end);
  exec.record.state = 'COMPLETED';
  exec.record.end = Date.now();
  exec.summary('Workflow completed');
  exec.touch();
  exec.notifySettled();
}

/**
 * Ends the instance ABORTED with every open node closed: what an abort does, and what
 * SonataFlow does when workflowExecTimeout is reached.
 */
export function markAborted(exec: Execution, reason: string) {
  const now = Date.now();
  for (const n of exec.record.nodes) {
    if (!n.exit) {
      n.exit = now;
      n.cancelType = 'ABORTED';
    }
  }
  exec.record.state = 'ABORTED';
  exec.record.end = now;
  exec.summary(reason);
  exec.touch();
  exec.notifySettled();
}

function fail(exec: Execution, stateName: string, e: unknown) {
  const message = e instanceof Error ? e.message : String(e);
  const node = (e as any)?.nodeInstance ?? exec.record.nodes.at(-1);
  if (node) node.errorMessage = message;
  exec.failedState = stateName;
  exec.record.state = 'ERROR';
  exec.record.error = {
    nodeDefinitionId:
      node?.definitionId ?? exec.workflow.nodes.state(stateName).uniqueId,
    nodeInstanceId: node?.id,
    message,
  };
  exec.summary(`Failed in state '${stateName}': ${message}`);
  exec.touch();
  exec.notifySettled();
}

function findState(exec: Execution, name: string) {
  return exec.workflow.definition.states.find(s => s.name === name);
}

/** Compensation, then produced events, before the transition / end is taken (spec order). */
async function takeExit(
  deps: ExecutorDeps,
  exec: Execution,
  state: SwState,
  outcome: StateOutcome,
): Promise<unknown> {
  let data = outcome.data;
  if (outcome.compensate) {
    data = await compensate(deps, exec, data);
    exec.setData(data);
  }
  if (outcome.produceEvents?.length)
    await produceEvents(
      exec,
      deps.publish,
      state.name,
      outcome.produceEvents,
      data,
    );
  return data;
}

export interface RunOptions {
  retrigger?: boolean;
  /** Set when running workflowExecTimeout.runBefore: its end terminates (ABORTED), not completes. */
  timedOut?: string;
}

/**
 * Runs states from `stateName` until the workflow ends, waits, fails or is
 * cancelled. Errors go to the state's `onErrors` first; unhandled ones put
 * the instance in ERROR with the failing node recorded.
 */
export async function runFrom(
  deps: ExecutorDeps,
  exec: Execution,
  stateName: string,
  data: unknown,
  options: RunOptions = {},
): Promise<void> {
  let name = stateName;
  let current = data;
  let retrigger = options.retrigger ?? false;
  for (;;) {
    if (exec.pendingTimeout && !options.timedOut) {
      const pending = exec.pendingTimeout;
      exec.pendingTimeout = undefined;
      expireRun(deps, exec, pending);
      return;
    }
    const state = findState(exec, name);
    if (!state) {
      fail(exec, name, new Error(`state '${name}' does not exist`));
      return;
    }
    let outcome: StateOutcome;
    try {
      outcome = await runState(deps, exec, state, current, retrigger);
      exec.completedStates.push(state.name);
    } catch (e) {
      if (e instanceof RunCancelled || exec.signal.aborted) return;
      const handler = findHandler(exec, state, e);
      if (!handler) {
        fail(exec, name, e);
        return;
      }
      const node = (e as any)?.nodeInstance;
      // The node did fail; the handler only decides where the run goes next.
      if (node && !node.errorMessage) node.errorMessage = (e as Error).message;
      if (node && !node.exit) exec.exit(node);
      for (const n of exec.record.nodes) if (!n.exit) n.exit = Date.now();
      exec.summary(`State '${name}' error handled: ${(e as Error).message}`);
      outcome = { data: exec.data, ...handlerExit(handler) };
    }
    retrigger = false;
    try {
      current = await takeExit(deps, exec, state, outcome);
    } catch (e) {
      if (e instanceof RunCancelled || exec.signal.aborted) return;
      fail(exec, exec.currentState ?? name, e);
      return;
    }
    if (outcome.end || !outcome.next) {
      if (options.timedOut) markAborted(exec, options.timedOut);
      else complete(exec);
      return;
    }
    name = outcome.next;
  }
}

/** The workflow's `timeouts.workflowExecTimeout`, normalized. */
export function execTimeoutOf(exec: Execution) {
  const t = exec.workflow.definition.timeouts;
  const def: SwExecTimeout | undefined =
    typeof t === 'object' ? t.workflowExecTimeout : undefined;
  if (!def) return undefined;
  return typeof def === 'string' ? { duration: def } : def;
}

/**
 * workflowExecTimeout reached (the run already stopped, or is between
 * states): run `runBefore` if set, then abort the instance.
 */
export function expireRun(
  deps: ExecutorDeps,
  exec: Execution,
  def: { duration: string; runBefore?: string },
) {
  const reason = `Workflow execution timeout (${def.duration}) reached`;
  const now = Date.now();
  for (const n of exec.record.nodes) {
    if (!n.exit) {
      n.exit = now;
      n.cancelType = 'ABORTED';
    }
  }
  if (!def.runBefore) {
    markAborted(exec, reason);
    return;
  }
  exec.summary(`${reason}; running '${def.runBefore}' before terminating`);
  void runFrom(deps, exec, def.runBefore, exec.data, { timedOut: reason });
}
