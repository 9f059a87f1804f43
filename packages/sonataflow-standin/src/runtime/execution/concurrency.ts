import { Execution, RunCancelled } from './Execution';

/**
 * Runs tasks concurrently, at most `limit` at a time, each in its own branch
 * scope, and resolves once `needed` of them completed (outputs by index,
 * `undefined` for those that did not finish). The others are cancelled then;
 * it rejects with the first failure that makes `needed` unreachable (and
 * cancels the rest), or when the instance itself is cancelled.
 */
export function runConcurrently<T>(
  exec: Execution,
  count: number,
  task: (scope: Execution, index: number) => Promise<T>,
  options: { needed?: number; limit?: number } = {},
): Promise<Array<T | undefined>> {
  const needed = options.needed ?? count;
  const limit = Math.max(1, options.limit ?? count);
  const group = exec.branch();
  const outputs: Array<T | undefined> = new Array(count).fill(undefined);
  return new Promise((resolve, reject) => {
    let done = 0;
    let failed = 0;
    let started = 0;
    let finished = false;
    const finish = (error?: unknown) => {
      if (finished) return;
      finished = true;
      group.cancelRun();
      if (error === undefined) resolve(outputs);
      else reject(error);
    };
    const startNext = () => {
      if (finished || started >= count) return;
      const i = started++;
      task(group.branch(), i).then(
        out => {
          outputs[i] = out;
          done++;
          if (done >= needed) finish();
          else startNext();
        },
        e => {
          if (e instanceof RunCancelled) return finish(e);
          failed++;
          if (count - failed < needed) return finish(e);
          return startNext();
        },
      );
    };
    if (needed <= 0) {
      finish();
      return;
    }
    for (let i = 0; i < Math.min(limit, count); i++) startNext();
  });
}

/**
 * Closes the node instances a concurrent state left open after `since`
 * (branches cancelled or failed once the state was decided). `keep` stays
 * open: the node an unhandled error will be reported on.
 */
export function closeBranchNodes(
  exec: Execution,
  since: number,
  keep: unknown[] = [],
) {
  const now = Date.now();
  for (const node of exec.record.nodes.slice(since)) {
    if (node.exit || keep.includes(node)) continue;
    node.exit = now;
    if (!node.errorMessage) node.cancelType = 'ABORTED';
  }
  exec.touch();
}
