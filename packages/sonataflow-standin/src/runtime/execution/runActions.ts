import { NodeInstanceRecord } from '../../store/types';
import { mergeAtPath, mergeData } from '../dataMerge';
import { UnsupportedConstructError, WorkflowExecutionError } from '../errors';
import { FunctionContext, invokeFunction } from '../functions/invokeFunction';
import { functionsOf } from '../loader/nodeGraph';
import { SwAction, SwState } from '../model';
import { Execution } from './Execution';
import { parseIsoDuration } from './isoDuration';

/** What the executor needs from the runtime around it. */
export interface ExecutorDeps {
  functionContext(exec: Execution): FunctionContext;
  /** Starts a child instance and resolves with its final data (sync invoke). */
  runSubflow(
    parent: Execution,
    workflowId: string,
    input: unknown,
    wait: boolean,
  ): Promise<unknown>;
}

/** Marks which node instance an error happened in, for `error.nodeDefinitionId`. */
export function attachNode(e: unknown, node: NodeInstanceRecord): unknown {
  if (e && typeof e === 'object' && !(e as any).nodeInstance)
    (e as any).nodeInstance = node;
  return e;
}

async function callAction(
  deps: ExecutorDeps,
  exec: Execution,
  action: SwAction,
  input: unknown,
) {
  if (action.functionRef) {
    const ref =
      typeof action.functionRef === 'string'
        ? { refName: action.functionRef }
        : action.functionRef;
    const fn = functionsOf(exec.workflow.definition).find(
      f => f.name === ref.refName,
    );
    if (!fn)
      throw new WorkflowExecutionError(
        `function '${ref.refName}' is not defined`,
      );
    if ('invoke' in ref && ref.invoke === 'async') {
      throw new UnsupportedConstructError(
        `functionRef invoke: async (function '${ref.refName}')`,
      );
    }
    return invokeFunction(
      deps.functionContext(exec),
      fn,
      (ref as any).arguments,
      input,
    );
  }
  if (action.subFlowRef) {
    const ref =
      typeof action.subFlowRef === 'string'
        ? { workflowId: action.subFlowRef }
        : action.subFlowRef;
    return deps.runSubflow(
      exec,
      ref.workflowId,
      input,
      (ref as any).invoke !== 'async',
    );
  }
  if (action.eventRef)
    throw new UnsupportedConstructError(
      'action eventRef (use a callback state)',
    );
  throw new WorkflowExecutionError(
    'action has neither functionRef nor subFlowRef',
  );
}

/** Applies `actionDataFilter` (results, toStateData, useResults) to merge an action result. */
export async function mergeActionResult(
  exec: Execution,
  action: SwAction,
  data: unknown,
  result: unknown,
): Promise<unknown> {
  const filter = action.actionDataFilter ?? {};
  if (filter.useResults === false || result === undefined) return data;
  const filtered = filter.results
    ? await exec.evaluator.evaluate(filter.results, result)
    : result;
  if (filter.toStateData)
    return mergeAtPath(data, filter.toStateData, filtered);
  if (
    filtered !== null &&
    typeof filtered === 'object' &&
    !Array.isArray(filtered)
  )
    return mergeData(data, filtered);
  if (filtered === null) return data;
  // Spec 0.8 clarification: a non-object result lands under "<action name>_output".
  return mergeData(data, { [`${action.name ?? 'action'}_output`]: filtered });
}

/** Runs one action as its own node instance; returns the new state data and the filtered result. */
export async function runAction(
  deps: ExecutorDeps,
  exec: Execution,
  state: SwState,
  index: number,
  action: SwAction,
  data: unknown,
  retrigger: boolean,
): Promise<{ data: unknown; result: unknown }> {
  exec.throwIfCancelled();
  if (action.retryRef)
    throw new UnsupportedConstructError(
      `action retryRef '${action.retryRef}' (state '${state.name}')`,
    );
  const node = exec.enter(
    exec.workflow.nodes.action(state.name, index),
    retrigger ? { retrigger: true } : {},
  );
  try {
    if (
      action.condition &&
      !(await exec.evaluator.condition(action.condition, data))
    ) {
      exec.exit(node);
      return { data, result: undefined };
    }
    if (action.sleep?.before)
      await exec.delay(parseIsoDuration(action.sleep.before), node);
    const filter = action.actionDataFilter ?? {};
    const input = filter.fromStateData
      ? await exec.evaluator.evaluate(filter.fromStateData, data)
      : data;
    node.inputArgs = input;
    const result = await callAction(deps, exec, action, input);
    exec.throwIfCancelled();
    if (action.sleep?.after)
      await exec.delay(parseIsoDuration(action.sleep.after), node);
    const next = await mergeActionResult(exec, action, data, result);
    const filteredResult =
      filter.results && result !== undefined
        ? await exec.evaluator.evaluate(filter.results, result)
        : result;
    node.outputArgs = result;
    exec.setData(next);
    exec.exit(node);
    return { data: next, result: filteredResult };
  } catch (e) {
    throw attachNode(e, node);
  }
}
