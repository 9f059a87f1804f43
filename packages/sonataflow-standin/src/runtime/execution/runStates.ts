import { NodeInstanceRecord } from '../../store/types';
import { UnsupportedConstructError } from '../errors';
import { SwState } from '../model';
import { Execution } from './Execution';
import { StateOutcome } from './exits';
import { attachNode, ExecutorDeps } from './runActions';
import { stateHandlers } from './states/stateHandlers';

export type { StateOutcome } from './exits';

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
    const handler = Object.prototype.hasOwnProperty.call(
      stateHandlers,
      state.type,
    )
      ? stateHandlers[state.type]
      : undefined;
    if (!handler)
      throw new UnsupportedConstructError(
        `state type '${state.type}' (state '${state.name}')`,
      );
    const outcome = await handler(deps, exec, state, data, retrigger);
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
