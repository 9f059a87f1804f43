import { applyEvent, eventTimeoutOf, waitForStateEvent } from '../eventWaits';
import { exitTo } from '../exits';
import { runActionList } from './actionList';
import { StateHandler } from './StateHandler';

/** `callback`: its action, then a wait for `eventRef` (continuing on `eventTimeout`). */
export const runCallbackState: StateHandler = async (
  deps,
  exec,
  state,
  data,
  retrigger,
) => {
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
};
