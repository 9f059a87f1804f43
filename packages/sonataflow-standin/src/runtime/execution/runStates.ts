import { NodeInstanceRecord } from '../../store/types';
import { mergeData } from '../dataMerge';
import { UnsupportedConstructError, WorkflowExecutionError } from '../errors';
import { SwState } from '../model';
import {
  applyEvent,
  eventTimeoutOf,
  eventTypes,
  waitForStateEvent,
} from './eventWaits';
import { runEventSwitch } from './eventSwitch';
import { Execution } from './Execution';
import { exitTo, StateOutcome } from './exits';
import { runForeach } from './foreachState';
import { runParallelActions } from './parallelActions';
import { runParallel } from './parallelState';
import { attachNode, ExecutorDeps, runAction } from './runActions';

export type { StateOutcome } from './exits';

async function runActionList(
  deps: ExecutorDeps,
  exec: Execution,
  state: SwState,
  data: unknown,
  retrigger: boolean,
  offset = 0,
) {
  let actions = state.actions ?? [];
  if (state.type === 'callback') actions = state.action ? [state.action] : [];
  let current = data;
  for (let i = 0; i < actions.length; i++) {
    current = (
      await runAction(
        deps,
        exec,
        state,
        offset + i,
        actions[i],
        current,
        retrigger,
      )
    ).data;
  }
  return current;
}

async function runDataSwitch(
  exec: Execution,
  state: SwState,
  data: unknown,
): Promise<StateOutcome> {
  for (const c of state.dataConditions ?? []) {
    if (await exec.evaluator.condition(c.condition, data))
      return { data, ...exitTo(c, state) };
  }
  if (!state.defaultCondition)
    throw new WorkflowExecutionError(
      `no condition matched in switch '${state.name}' and it has no defaultCondition`,
    );
  return { data, ...exitTo(state.defaultCondition, state) };
}

async function runCallback(
  deps: ExecutorDeps,
  exec: Execution,
  state: SwState,
  data: unknown,
  retrigger: boolean,
): Promise<StateOutcome> {
  let current = await runActionList(deps, exec, state, data, retrigger);
  const event = await waitForStateEvent(
    exec,
    state,
    [state.eventRef!],
    eventTimeoutOf(exec, state),
  );
  if (event)
    current = await applyEvent(exec, state.eventDataFilter, current, event);
  else exec.summary(`State '${state.name}': event timeout, continuing`);
  return { data: current, ...exitTo(state, state) };
}

async function runEventState(
  deps: ExecutorDeps,
  exec: Execution,
  state: SwState,
  data: unknown,
  retrigger: boolean,
): Promise<StateOutcome> {
  if (state.exclusive === false)
    throw new UnsupportedConstructError(
      `event state with exclusive: false (state '${state.name}')`,
    );
  const onEvents = state.onEvents ?? [];
  const event = await waitForStateEvent(
    exec,
    state,
    onEvents.flatMap(o => o.eventRefs),
    eventTimeoutOf(exec, state),
  );
  let current = data;
  if (event) {
    const matched = onEvents.find(o =>
      eventTypes(exec, o.eventRefs).includes(event.type),
    )!;
    current = await applyEvent(exec, matched.eventDataFilter, current, event);
    let offset = 0;
    for (const o of onEvents) {
      if (o === matched) break;
      offset += o.actions?.length ?? 0;
    }
    current = await runActionList(
      deps,
      exec,
      { ...state, type: 'operation', actions: matched.actions ?? [] },
      current,
      retrigger,
      offset,
    );
  }
  return { data: current, ...exitTo(state, state) };
}

async function runBody(
  deps: ExecutorDeps,
  exec: Execution,
  state: SwState,
  data: unknown,
  retrigger: boolean,
): Promise<StateOutcome> {
  switch (state.type) {
    case 'inject':
      return {
        data: mergeData(data, state.data ?? {}),
        ...exitTo(state, state),
      };
    case 'operation':
      return {
        data:
          state.actionMode === 'parallel'
            ? await runParallelActions(deps, exec, state, data, retrigger)
            : await runActionList(deps, exec, state, data, retrigger),
        ...exitTo(state, state),
      };
    case 'switch':
      return state.eventConditions?.length
        ? runEventSwitch(exec, state, data)
        : runDataSwitch(exec, state, data);
    case 'sleep': {
      if (!state.duration)
        throw new WorkflowExecutionError(
          `sleep state '${state.name}' has no duration`,
        );
      await exec.delay(exec.ms(state.duration), exec.record.nodes.at(-1));
      return { data, ...exitTo(state, state) };
    }
    case 'callback':
      return runCallback(deps, exec, state, data, retrigger);
    case 'event':
      return runEventState(deps, exec, state, data, retrigger);
    case 'foreach':
      return {
        data: await runForeach(deps, exec, state, data, retrigger),
        ...exitTo(state, state),
      };
    case 'parallel':
      return {
        data: await runParallel(deps, exec, state, data, retrigger),
        ...exitTo(state, state),
      };
    default:
      throw new UnsupportedConstructError(
        `state type '${state.type}' (state '${state.name}')`,
      );
  }
}

/** Runs one state as a node instance, with its data filters. */
export async function runState(
  deps: ExecutorDeps,
  exec: Execution,
  state: SwState,
  input: unknown,
  retrigger: boolean,
): Promise<StateOutcome> {
  exec.throwIfCancelled();
  const node: NodeInstanceRecord = exec.enter(
    exec.workflow.nodes.state(state.name),
    retrigger ? { retrigger: true } : {},
  );
  exec.currentState = state.name;
  exec.summary(`State '${state.name}' started`);
  try {
    const filters = state.stateDataFilter ?? {};
    const data = filters.input
      ? await exec.evaluator.evaluate(filters.input, input)
      : input;
    const outcome = await runBody(deps, exec, state, data, retrigger);
    const output = filters.output
      ? await exec.evaluator.evaluate(filters.output, outcome.data)
      : outcome.data;
    exec.setData(output);
    exec.exit(node);
    exec.summary(`State '${state.name}' completed`);
    return { ...outcome, data: output };
  } catch (e) {
    throw attachNode(e, node);
  }
}
