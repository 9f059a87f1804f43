import { SwState } from '../model';
import { closeBranchNodes, runConcurrently } from './concurrency';
import { Execution } from './Execution';
import { ExecutorDeps, mergeActionResult, runAction } from './runActions';

/**
 * SW 0.8 operation state with `actionMode: parallel`: every action gets the state data as it
 * was when the state began and all run at once (interleaving wherever one waits: sleep, retry,
 * HTTP, event). Once all are done their results are merged into the state data in action
 * order, each through its own `actionDataFilter`, so the outcome does not depend on which
 * finished first. A failing action (after its retries) cancels the others and fails the state.
 */
export async function runParallelActions(
  deps: ExecutorDeps,
  exec: Execution,
  state: SwState,
  data: unknown,
  retrigger: boolean,
): Promise<unknown> {
  const actions = state.actions ?? [];
  const since = exec.record.nodes.length;
  let outcomes;
  try {
    outcomes = await runConcurrently(exec, actions.length, (scope, i) =>
      runAction(deps, scope, state, i, actions[i], data, retrigger),
    );
  } catch (e) {
    // The failed action's node stays open: the instance error is reported on it.
    closeBranchNodes(exec, since, [(e as any)?.nodeInstance]);
    throw e;
  }
  let merged = data;
  for (let i = 0; i < actions.length; i++) {
    merged = await mergeActionResult(
      exec,
      actions[i],
      merged,
      outcomes[i]?.raw,
    );
  }
  exec.setData(merged);
  return merged;
}
