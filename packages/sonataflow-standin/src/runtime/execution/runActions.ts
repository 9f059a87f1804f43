import { NodeInstanceRecord } from '../../store/types';
import { mergeAtPath, mergeData } from '../dataMerge';
import { UnsupportedConstructError, WorkflowExecutionError } from '../errors';
import { FunctionContext, invokeFunction } from '../functions/invokeFunction';
import { MockAnswer } from '../functions/mocks';
import { functionsOf } from '../loader/nodeGraph';
import { SwAction, SwEventRef, SwState } from '../model';
import { eventTypes } from './eventWaits';
import { Execution } from './Execution';
import { buildEvent, EventSink } from './produceEvents';
import { retryDelayMs, retryPolicyFor, shouldRetry } from './retries';

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
  /** Records an event the workflow produced. */
  publish: EventSink;
}

/** Marks which node instance an error happened in, for `error.nodeDefinitionId`. */
export function attachNode(e: unknown, node: NodeInstanceRecord): unknown {
  if (e && typeof e === 'object' && !(e as any).nodeInstance)
    (e as any).nodeInstance = node;
  return e;
}

/** Action `eventRef`: produce the trigger event, then (sync) wait for the result event. */
async function exchangeEvents(
  deps: ExecutorDeps,
  exec: Execution,
  ref: SwEventRef,
  input: unknown,
) {
  const trigger = await buildEvent(exec, ref.triggerEventRef, ref, input);
  deps.publish(trigger);
  exec.summary(`Produced event '${ref.triggerEventRef}' (${trigger.type})`);
  if (ref.invoke === 'async') return undefined;
  const timeout = ref.resultEventTimeout
    ? exec.ms(ref.resultEventTimeout)
    : undefined;
  const event = await exec.waitForEvent(
    eventTypes(exec, [ref.resultEventRef]),
    timeout,
  );
  if (!event)
    throw new WorkflowExecutionError(
      `no '${ref.resultEventRef}' event within ${ref.resultEventTimeout}`,
      'timeout',
    );
  return event.data;
}

async function callAction(
  deps: ExecutorDeps,
  exec: Execution,
  action: SwAction,
  input: unknown,
  onMock: (answer: MockAnswer) => void,
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
      { ...deps.functionContext(exec), onMock },
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
    return exchangeEvents(deps, exec, action.eventRef, input);
  throw new WorkflowExecutionError(
    'action has neither functionRef, subFlowRef nor eventRef',
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
    return mergeAtPath(data, filter.toStateData, filtered, exec.evaluator);
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

/**
 * What an action did: the state data with its result merged in, the result after
 * `actionDataFilter.results`, and the raw result (for callers that merge it themselves).
 */
export interface ActionOutcome {
  data: unknown;
  result: unknown;
  raw?: unknown;
}

/** One attempt of an action, as its own node instance. */
async function attempt(
  deps: ExecutorDeps,
  exec: Execution,
  action: SwAction,
  node: NodeInstanceRecord,
  data: unknown,
): Promise<ActionOutcome> {
  if (action.sleep?.before)
    await exec.delay(exec.ms(action.sleep.before), node);
  const filter = action.actionDataFilter ?? {};
  const input = filter.fromStateData
    ? await exec.evaluator.evaluate(filter.fromStateData, data)
    : data;
  node.inputArgs = input;
  let mock: MockAnswer | undefined;
  const result = await callAction(deps, exec, action, input, answer => {
    mock = answer;
  });
  exec.throwIfCancelled();
  if (action.sleep?.after) await exec.delay(exec.ms(action.sleep.after), node);
  const next = await mergeActionResult(exec, action, data, result);
  const filteredResult =
    filter.results && result !== undefined
      ? await exec.evaluator.evaluate(filter.results, result)
      : result;
  // A mocked call says so on the node, so a run page shows what answered.
  node.outputArgs = mock ? { mock, response: result } : result;
  if (mock)
    exec.summary(
      `Action '${node.name}' answered by mock '${mock.key}' (${mock.status})`,
    );
  exec.setData(next);
  exec.exit(node);
  return { data: next, result: filteredResult, raw: result };
}

/**
 * Runs one action; with a retry policy (`retryRef`, or `autoRetries`) a
 * failed attempt is closed with its error, a timer waits the backoff and a
 * new node instance makes the next attempt.
 */
export async function runAction(
  deps: ExecutorDeps,
  exec: Execution,
  state: SwState,
  index: number,
  action: SwAction,
  data: unknown,
  retrigger: boolean,
): Promise<ActionOutcome> {
  exec.throwIfCancelled();
  const wf = exec.workflow.definition;
  const nodeDef = exec.workflow.nodes.action(state.name, index);
  const extra = retrigger ? { retrigger: true } : {};
  let node = exec.enter(nodeDef, extra);
  try {
    if (
      action.condition &&
      !(await exec.evaluator.condition(action.condition, data))
    ) {
      exec.exit(node);
      return { data, result: undefined };
    }
    const policy = retryPolicyFor(wf, action);
    for (let n = 1; ; n++) {
      try {
        return await attempt(deps, exec, action, node, data);
      } catch (e) {
        if (!policy || !shouldRetry(wf, action, policy, n, e)) throw e;
        const wait = Math.round(retryDelayMs(policy, n) * exec.timeScale);
        node.errorMessage = (e as Error).message;
        exec.exit(node);
        exec.summary(
          `Action '${node.name}' attempt ${n} failed (${
            (e as Error).message
          }); retry '${policy.name}' in ${wait} ms`,
        );
        await exec.delay(wait, node);
        node = exec.enter(nodeDef, extra);
      }
    }
  } catch (e) {
    throw attachNode(e, node);
  }
}
