import { mergeAtPath, mergeData } from '../dataMerge';
import { WorkflowExecutionError } from '../errors';
import { SwState } from '../model';
import { closeBranchNodes, runConcurrently } from './concurrency';
import { Execution } from './Execution';
import { ExecutorDeps, runAction } from './runActions';

async function runIteration(
  deps: ExecutorDeps,
  exec: Execution,
  state: SwState,
  data: unknown,
  item: unknown,
  retrigger: boolean,
) {
  const param = state.iterationParam ?? 'item';
  let iterData: unknown = mergeData(data, { [param]: item });
  let last: unknown;
  const actions = state.actions ?? [];
  for (let i = 0; i < actions.length; i++) {
    const r = await runAction(
      deps,
      exec,
      state,
      i,
      actions[i],
      iterData,
      retrigger,
    );
    iterData = r.data;
    if (r.result !== undefined) last = r.result;
  }
  // Each iteration contributes the (filtered) result of its last action.
  return last === undefined ? iterData : last;
}

function batchSizeOf(state: SwState): number | undefined {
  if (state.batchSize === undefined) return undefined;
  const n = Number(state.batchSize);
  if (!Number.isInteger(n) || n < 1)
    throw new WorkflowExecutionError(
      `foreach state '${state.name}': batchSize must be an integer >= 1`,
    );
  return n;
}

/**
 * SW 0.8 foreach: `mode: parallel` (the spec's default) runs iterations
 * concurrently, at most `batchSize` at a time; `sequential` one after
 * another. Outputs keep the input order either way.
 */
export async function runForeach(
  deps: ExecutorDeps,
  exec: Execution,
  state: SwState,
  data: unknown,
  retrigger: boolean,
): Promise<unknown> {
  if (!state.inputCollection)
    throw new WorkflowExecutionError(
      `foreach state '${state.name}' has no inputCollection`,
    );
  const collection = await exec.evaluator.evaluate(state.inputCollection, data);
  let items: unknown[] = [];
  if (Array.isArray(collection)) items = collection;
  else if (collection !== null) items = [collection];
  const limit = batchSizeOf(state);
  let outputs: unknown[] = [];
  if (state.mode === 'sequential') {
    for (const item of items)
      outputs.push(
        await runIteration(deps, exec, state, data, item, retrigger),
      );
  } else {
    const since = exec.record.nodes.length;
    try {
      outputs = await runConcurrently(
        exec,
        items.length,
        (scope, i) =>
          runIteration(deps, scope, state, data, items[i], retrigger),
        { limit },
      );
    } catch (e) {
      closeBranchNodes(exec, since, [(e as any)?.nodeInstance]);
      throw e;
    }
  }
  exec.setData(data);
  return state.outputCollection
    ? mergeAtPath(data, state.outputCollection, outputs, exec.evaluator)
    : data;
}
