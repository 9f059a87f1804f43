import { WorkflowExecutionError } from '../../errors';
import { runEventSwitch } from '../eventSwitch';
import { exitTo } from '../exits';
import { StateHandler } from './StateHandler';

/**
 * `switch`: with `eventConditions`, the first matching event decides; otherwise the first
 * data condition that holds, else `defaultCondition`.
 */
export const runSwitchState: StateHandler = async (
  _deps,
  exec,
  state,
  data,
) => {
  if (state.eventConditions?.length) return runEventSwitch(exec, state, data);
  for (const c of state.dataConditions ?? []) {
    if (await exec.evaluator.condition(c.condition, data))
      return { data, ...exitTo(c, state) };
  }
  if (!state.defaultCondition)
    throw new WorkflowExecutionError(
      `no condition matched in switch '${state.name}' and it has no defaultCondition`,
    );
  return { data, ...exitTo(state.defaultCondition, state) };
};
