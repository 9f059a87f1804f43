import { mergeData } from '../dataMerge';
import { WorkflowExecutionError } from '../errors';
import { SwBranch, SwState } from '../model';
import { closeBranchNodes, runConcurrently } from './concurrency';
import { Execution } from './Execution';
import { ExecutorDeps, runAction } from './runActions';

function requiredBranches(state: SwState, total: number): number {
  if ((state.completionType ?? 'allOf') === 'allOf') return total;
  const n = Number(state.numCompleted);
  if (!Number.isInteger(n) || n < 0 || n > total)
    throw new WorkflowExecutionError(
      `parallel state '${state.name}': numCompleted must be an integer between 0 and ${total} for completionType atLeast`,
    );
  return n;
}

async function runBranch(
  deps: ExecutorDeps,
  scope: Execution,
  state: SwState,
  branch: SwBranch,
  index: number,
  firstAction: number,
  data: unknown,
  retrigger: boolean,
) {
  const node = scope.enter(
    scope.workflow.nodes.branch(state.name, index),
    retrigger ? { retrigger: true } : {},
  );
  let current = data;
  try {
    const actions = branch.actions ?? [];
    for (let k = 0; k < actions.length; k++) {
      const r = await runAction(
        deps,
        scope,
        state,
        firstAction + k,
        actions[k],
        current,
        retrigger,
      );
      current = r.data;
    }
  } catch (e) {
    if (e && typeof e === 'object') (e as any).branchNode ??= node;
    throw e;
  }
  scope.exit(node);
  return current;
}

/**
 * SW 0.8 parallel state: every branch gets the state data and runs its
 * actions; branches interleave wherever one waits (timer, event, HTTP), as
 * SonataFlow runs them. `allOf` waits for all, `atLeast` for `numCompleted`
 * and cancels the rest. The outputs of the completed branches are merged
 * into the state data in branch order. A failing branch cancels the others
 * (unless `atLeast` can still be met) and fails the state.
 */
export async function runParallel(
  deps: ExecutorDeps,
  exec: Execution,
  state: SwState,
  data: unknown,
  retrigger: boolean,
): Promise<unknown> {
  const branches = state.branches ?? [];
  const needed = requiredBranches(state, branches.length);
  const firstActions: number[] = [];
  branches.reduce((offset, b) => {
    firstActions.push(offset);
    return offset + (b.actions?.length ?? 0);
  }, 0);
  const since = exec.record.nodes.length;
  let outputs: unknown[];
  try {
    outputs = await runConcurrently(
      exec,
      branches.length,
      (scope, i) =>
        runBranch(
          deps,
          scope,
          state,
          branches[i],
          i,
          firstActions[i],
          data,
          retrigger,
        ),
      { needed },
    );
  } catch (e) {
    closeBranchNodes(exec, since, [
      (e as any)?.nodeInstance,
      (e as any)?.branchNode,
    ]);
    throw e;
  }
  closeBranchNodes(exec, since);
  const done = outputs.filter(o => o !== undefined).length;
  exec.summary(
    `State '${state.name}': ${done} of ${branches.length} branches completed`,
  );
  return outputs.reduce(
    (acc: unknown, out) => (out === undefined ? acc : mergeData(acc, out)),
    data,
  );
}
