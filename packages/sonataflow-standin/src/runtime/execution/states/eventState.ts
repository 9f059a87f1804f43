import { UnsupportedConstructError } from '../../errors';
import {
  applyEvent,
  eventTimeoutOf,
  eventTypes,
  waitForStateEvent,
} from '../eventWaits';
import { exitTo } from '../exits';
import { runActionList } from './actionList';
import { StateHandler } from './StateHandler';

/**
 * `event` (exclusive): waits for any of its `onEvents`; the one that arrives has its
 * `eventDataFilter` applied and its actions run.
 */
export const runEventState: StateHandler = async (
  deps,
  exec,
  state,
  data,
  retrigger,
) => {
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
    // Action node ids count across all onEvents, so find where this one's start.
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
};
