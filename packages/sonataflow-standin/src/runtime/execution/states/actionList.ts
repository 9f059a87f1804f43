import { SwState } from '../../model';
import { Execution } from '../Execution';
import { ExecutorDeps, runAction } from '../runActions';

/** Runs a state's actions one after another, each on the data the previous one left. */
export async function runActionList(
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
