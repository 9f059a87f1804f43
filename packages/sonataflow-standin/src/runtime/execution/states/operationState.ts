import { exitTo } from '../exits';
import { runParallelActions } from '../parallelActions';
import { runActionList } from './actionList';
import { StateHandler } from './StateHandler';

/** `operation`: its actions, in order or (`actionMode: parallel`) at once. */
export const runOperationState: StateHandler = async (
  deps,
  exec,
  state,
  data,
  retrigger,
) => ({
  data:
    state.actionMode === 'parallel'
      ? await runParallelActions(deps, exec, state, data, retrigger)
      : await runActionList(deps, exec, state, data, retrigger),
  ...exitTo(state, state),
});
