import { NodeInstanceRecord } from '../../store/types';
import { mergeAtPath, mergeData } from '../dataMerge';
import { UnsupportedConstructError, WorkflowExecutionError } from '../errors';
import { isEnd, transitionTarget } from '../loader/validateWorkflow';
import { End, SwEventDataFilter, SwState, Transition } from '../model';
import { CloudEvent, Execution } from './Execution';
import { parseIsoDuration } from './isoDuration';
import { attachNode, ExecutorDeps, runAction } from './runActions';

export interface StateOutcome {
  data: unknown;
  next?: string;
  end?: boolean;
}

function exitTo(
  exit: { transition?: Transition; end?: End },
  stateName: string,
): { next?: string; end?: boolean } {
  const next = transitionTarget(exit.transition);
  if (next) return { next };
  if (isEnd(exit.end)) {
    const end = exit.end;
    if (typeof end === 'object') {
      if (end.produceEvents)
        throw new UnsupportedConstructError(
          `end.produceEvents (state '${stateName}')`,
        );
      if (end.continueAs)
        throw new UnsupportedConstructError(
          `end.continueAs (state '${stateName}')`,
        );
      if (end.compensate)
        throw new UnsupportedConstructError(
          `end.compensate (state '${stateName}')`,
        );
    }
    return { end: true };
  }
  throw new WorkflowExecutionError(
    `state '${stateName}' has no transition or end to take`,
  );
}

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

async function applyEvent(
  exec: Execution,
  filter: SwEventDataFilter | undefined,
  data: unknown,
  event: CloudEvent,
) {
  if (filter?.useData === false) return data;
  const payload = filter?.data
    ? await exec.evaluator.evaluate(filter.data, event.data ?? null)
    : event.data;
  if (payload === undefined || payload === null) return data;
  if (filter?.toStateData)
    return mergeAtPath(data, filter.toStateData, payload);
  return mergeData(data, payload);
}

function eventTypes(exec: Execution, refs: string[]): string[] {
  const defs = Array.isArray(exec.workflow.definition.events)
    ? exec.workflow.definition.events
    : [];
  return refs.map(ref => {
    const def = defs.find(e => e.name === ref);
    if (!def?.type)
      throw new WorkflowExecutionError(`event '${ref}' has no type`);
    return def.type;
  });
}

async function waitForEvent(
  exec: Execution,
  state: SwState,
  refs: string[],
  timeoutMs?: number,
) {
  const waitDef = exec.workflow.nodes.wait(state.name);
  const node = waitDef ? exec.enter(waitDef) : undefined;
  exec.summary(`Waiting for event ${refs.join(', ')} in state '${state.name}'`);
  exec.touch();
  const event = await exec.waitForEvent(eventTypes(exec, refs), timeoutMs);
  if (node) exec.exit(node);
  return event;
}

async function runForeach(
  deps: ExecutorDeps,
  exec: Execution,
  state: SwState,
  data: unknown,
  retrigger: boolean,
) {
  if (!state.inputCollection)
    throw new WorkflowExecutionError(
      `foreach state '${state.name}' has no inputCollection`,
    );
  const collection = await exec.evaluator.evaluate(state.inputCollection, data);
  let items: unknown[] = [];
  if (Array.isArray(collection)) items = collection;
  else if (collection !== null) items = [collection];
  const param = state.iterationParam ?? 'item';
  const outputs: unknown[] = [];
  for (const item of items) {
    let iterData: unknown = mergeData(data, { [param]: item });
    let last: unknown;
    const actions = state.actions ?? [];
    for (let i = 0; i < actions.length; i++) {
      const r = await runAction(
        deps,
        exec,
        state,
        i,
        actions[i],
        iterData,
        retrigger,
      );
      iterData = r.data;
      if (r.result !== undefined) last = r.result;
    }
    // Each iteration contributes the (filtered) result of its last action.
    outputs.push(last === undefined ? iterData : last);
  }
  exec.setData(data);
  return state.outputCollection
    ? mergeAtPath(data, state.outputCollection, outputs)
    : data;
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
        ...exitTo(state, state.name),
      };
    case 'operation':
      if (state.actionMode === 'parallel')
        exec.summary(
          `State '${state.name}': parallel actions run one after another`,
        );
      return {
        data: await runActionList(deps, exec, state, data, retrigger),
        ...exitTo(state, state.name),
      };
    case 'switch': {
      if (state.eventConditions?.length)
        throw new UnsupportedConstructError(
          `switch eventConditions (state '${state.name}')`,
        );
      for (const c of state.dataConditions ?? []) {
        if (await exec.evaluator.condition(c.condition, data))
          return { data, ...exitTo(c, state.name) };
      }
      if (!state.defaultCondition)
        throw new WorkflowExecutionError(
          `no condition matched in switch '${state.name}' and it has no defaultCondition`,
        );
      return { data, ...exitTo(state.defaultCondition, state.name) };
    }
    case 'sleep': {
      if (!state.duration)
        throw new WorkflowExecutionError(
          `sleep state '${state.name}' has no duration`,
        );
      await exec.delay(
        parseIsoDuration(state.duration),
        exec.record.nodes.at(-1),
      );
      return { data, ...exitTo(state, state.name) };
    }
    case 'callback': {
      let current = await runActionList(deps, exec, state, data, retrigger);
      const timeout = state.timeouts?.eventTimeout
        ? parseIsoDuration(state.timeouts.eventTimeout)
        : undefined;
      const event = await waitForEvent(exec, state, [state.eventRef!], timeout);
      if (event)
        current = await applyEvent(exec, state.eventDataFilter, current, event);
      else exec.summary(`State '${state.name}': event timeout, continuing`);
      return { data: current, ...exitTo(state, state.name) };
    }
    case 'event': {
      if (state.exclusive === false)
        throw new UnsupportedConstructError(
          `event state with exclusive: false (state '${state.name}')`,
        );
      const onEvents = state.onEvents ?? [];
      const timeout = state.timeouts?.eventTimeout
        ? parseIsoDuration(state.timeouts.eventTimeout)
        : undefined;
      const event = await waitForEvent(
        exec,
        state,
        onEvents.flatMap(o => o.eventRefs),
        timeout,
      );
      let current = data;
      if (event) {
        const types = (o: (typeof onEvents)[number]) =>
          eventTypes(exec, o.eventRefs);
        const matched = onEvents.find(o => types(o).includes(event.type))!;
        current = await applyEvent(
          exec,
          matched.eventDataFilter,
          current,
          event,
        );
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
      return { data: current, ...exitTo(state, state.name) };
    }
    case 'foreach':
      // Iterations run one after another even when mode is parallel (SonataFlow's default).
      return {
        data: await runForeach(deps, exec, state, data, retrigger),
        ...exitTo(state, state.name),
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
