import { runForeach } from '../foreachState';
import { exitTo } from '../exits';
import { runParallel } from '../parallelState';
import { runCallbackState } from './callbackState';
import { runEventState } from './eventState';
import { runInjectState } from './injectState';
import { runOperationState } from './operationState';
import { runSleepState } from './sleepState';
import { runSwitchState } from './switchState';
import { StateHandler } from './StateHandler';

export type { StateHandler } from './StateHandler';

/** One handler per SW 0.8 state type the stand-in runs; any other type fails the run. */
export const stateHandlers: Readonly<Record<string, StateHandler>> = {
  inject: runInjectState,
  operation: runOperationState,
  switch: runSwitchState,
  sleep: runSleepState,
  callback: runCallbackState,
  event: runEventState,
  foreach: async (deps, exec, state, data, retrigger) => ({
    data: await runForeach(deps, exec, state, data, retrigger),
    ...exitTo(state, state),
  }),
  parallel: async (deps, exec, state, data, retrigger) => ({
    data: await runParallel(deps, exec, state, data, retrigger),
    ...exitTo(state, state),
  }),
};
