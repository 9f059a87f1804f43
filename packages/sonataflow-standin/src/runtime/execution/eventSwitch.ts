import { WorkflowExecutionError } from '../errors';
import { SwState } from '../model';
import {
  applyEvent,
  eventTimeoutOf,
  eventTypes,
  waitForStateEvent,
} from './eventWaits';
import { Execution } from './Execution';
import { exitTo, StateOutcome } from './exits';

/**
 * SW 0.8 event-based switch: waits for the first event of any
 * `eventConditions` entry and takes its exit (after its `eventDataFilter`);
 * when `eventTimeout` passes first, takes `defaultCondition`.
 */
export async function runEventSwitch(
  exec: Execution,
  state: SwState,
  data: unknown,
): Promise<StateOutcome> {
  const conditions = state.eventConditions ?? [];
  const event = await waitForStateEvent(
    exec,
    state,
    conditions.map(c => c.eventRef),
    eventTimeoutOf(exec, state),
  );
  if (!event) {
    if (!state.defaultCondition)
      throw new WorkflowExecutionError(
        `switch '${state.name}': eventTimeout reached and it has no defaultCondition`,
        'timeout',
      );
    exec.summary(
      `State '${state.name}': event timeout, taking the default condition`,
    );
    return { data, ...exitTo(state.defaultCondition, state) };
  }
  const matched = conditions.find(
    c => eventTypes(exec, [c.eventRef])[0] === event.type,
  )!;
  exec.summary(
    `State '${state.name}': event '${matched.eventRef}' matched${
      matched.name ? ` condition '${matched.name}'` : ''
    }`,
  );
  const current = await applyEvent(exec, matched.eventDataFilter, data, event);
  return { data: current, ...exitTo(matched, state) };
}
