import { Execution } from './Execution';
import { ExecutorDeps } from './runActions';
import { runState } from './runStates';

/**
 * SW 0.8 compensation, triggered by `compensate: true` on a transition or end
 * (also those of `onErrors`): every state that completed and names a
 * `compensatedBy` state is undone in reverse order, one after another. A
 * compensation run starts at that state and follows its transitions (to other
 * compensation states); the workflow data flows through all of them. The
 * whole run is recorded under a "Compensation" node.
 */
export async function compensate(
  deps: ExecutorDeps,
  exec: Execution,
  data: unknown,
): Promise<unknown> {
  const states = exec.workflow.definition.states;
  const byName = (name: string) => states.find(s => s.name === name);
  const toUndo = [...exec.completedStates]
    .reverse()
    .filter(name => byName(name)?.compensatedBy);
  // Compensation is not recursive: what completed before is now settled.
  exec.completedStates = [];
  if (toUndo.length === 0) {
    exec.summary('Compensation: no completed state to compensate');
    return data;
  }
  const marker = exec.enter(exec.workflow.nodes.compensation());
  exec.summary(
    `Compensation started for ${toUndo.map(n => `'${n}'`).join(', ')}`,
  );
  let current = data;
  for (const name of toUndo) {
    let next: string | undefined = byName(name)!.compensatedBy;
    while (next) {
      const state = byName(next);
      if (!state)
        throw new Error(`compensation state '${next}' does not exist`);
      const outcome = await runState(deps, exec, state, current, false);
      current = outcome.data;
      next = outcome.next;
    }
  }
  exec.exit(marker);
  exec.summary('Compensation completed');
  return current;
}
