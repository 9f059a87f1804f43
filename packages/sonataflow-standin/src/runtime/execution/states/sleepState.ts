import { WorkflowExecutionError } from '../../errors';
import { exitTo } from '../exits';
import { StateHandler } from './StateHandler';

/** `sleep`: waits its `duration` as a timer job of the state's node. */
export const runSleepState: StateHandler = async (_deps, exec, state, data) => {
  if (!state.duration)
    throw new WorkflowExecutionError(
      `sleep state '${state.name}' has no duration`,
    );
  await exec.delay(exec.ms(state.duration), exec.record.nodes.at(-1));
  return { data, ...exitTo(state, state) };
};
