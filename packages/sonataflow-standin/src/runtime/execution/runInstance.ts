import { SwErrorDef, SwState } from '../model';
import { isEnd, transitionTarget } from '../loader/validateWorkflow';
import { Execution, RunCancelled } from './Execution';
import { ExecutorDeps } from './runActions';
import { runState, StateOutcome } from './runStates';

function errorCode(e: unknown): string | undefined {
  return (e as { code?: string })?.code;
}

/**
 * `onErrors` matching: an error definition matches when its `code` equals the
 * error's code (HTTP status for REST calls), when it names a Java catch-all
 * (`java.lang.Throwable`, `java.lang.Exception`, `java.lang.RuntimeException`),
 * or when it has no code.
 */
function findHandler(exec: Execution, state: SwState, e: unknown) {
  const defs: SwErrorDef[] = Array.isArray(exec.workflow.definition.errors)
    ? exec.workflow.definition.errors
    : [];
  const catchAll = [
    'java.lang.Throwable',
    'java.lang.Exception',
    'java.lang.RuntimeException',
  ];
  const code = errorCode(e);
  return (state.onErrors ?? []).find(handler => {
    const refs = [handler.errorRef, ...(handler.errorRefs ?? [])].filter(
      Boolean,
    ) as string[];
    return refs.some(ref => {
      const def = defs.find(d => d.name === ref);
      if (!def) return false;
      return (
        def.code === undefined ||
        catchAll.includes(def.code) ||
        def.code === code
      );
    });
  });
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
  retrigger = false,
): Promise<void> {
  let name = stateName;
  let current = data;
  let firstIsRetrigger = retrigger;
  for (;;) {
    const state = findState(exec, name);
    if (!state) {
      fail(exec, name, new Error(`state '${name}' does not exist`));
      return;
    }
    let outcome: StateOutcome;
    try {
      outcome = await runState(deps, exec, state, current, firstIsRetrigger);
    } catch (e) {
      if (e instanceof RunCancelled || exec.signal.aborted) return;
      const handler = findHandler(exec, state, e);
      if (!handler) {
        fail(exec, name, e);
        return;
      }
      const node = (e as any)?.nodeInstance;
      if (node && !node.exit) exec.exit(node);
      for (const n of exec.record.nodes) if (!n.exit) n.exit = Date.now();
      exec.summary(`State '${name}' error handled: ${(e as Error).message}`);
      const next = transitionTarget(handler.transition);
      outcome = { data: exec.data, next, end: !next && isEnd(handler.end) };
    }
    firstIsRetrigger = false;
    current = outcome.data;
    if (outcome.end || !outcome.next) {
      complete(exec);
      return;
    }
    name = outcome.next;
  }
}
