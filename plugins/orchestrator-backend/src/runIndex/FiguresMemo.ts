import type { WorkflowRunFigures } from '../dataIndex/types';
import type { RunFiguresQuery } from './RunIndex';
import type { RunIndexState } from './RunIndexState';

/** Scopes kept (callers x entity tabs); the oldest goes first. */
const MAX_ENTRIES = 64;
/**
 * How far the window may have moved since the figures were counted. Runs that left the
 * 30-day window in the last second may still be counted; nothing that entered is missed,
 * because anything that enters comes with an index write, and so with a new token.
 */
const MAX_WINDOW_DRIFT_MS = 1000;

type Figures = Map<string, WorkflowRunFigures>;

/**
 * Per replica: the last figures of each scope, valid while the run index's state row is
 * unchanged. Every writer of the index writes that row right after (the watcher its
 * position on every tick, a scan its cursor on every page, prune and sweep their times),
 * so a changed row is a changed index, whichever replica wrote it. The overview reads the
 * row on every request anyway; viewers between two watcher ticks then share one count.
 */
export class FiguresMemo {
  private readonly entries = new Map<
    string,
    { token: string; sinceMs: number; figures: Promise<Figures> }
  >();

  static create() {
    return new FiguresMemo();
  }

  private constructor() {}

  get(
    query: RunFiguresQuery,
    state: RunIndexState,
    count: () => Promise<Figures>,
  ): Promise<Figures> {
    const key = JSON.stringify([
      query.workflowIds,
      query.owner ?? null,
      query.targetEntity ?? null,
    ]);
    const token = JSON.stringify(state);
    const hit = this.entries.get(key);
    const drift = query.sinceMs - (hit?.sinceMs ?? -Infinity);
    if (hit && hit.token === token && drift >= 0 && drift < MAX_WINDOW_DRIFT_MS)
      return hit.figures;
    const figures = count();
    const entry = { token, sinceMs: query.sinceMs, figures };
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > MAX_ENTRIES)
      this.entries.delete(this.entries.keys().next().value!);
    // A failed count is not kept: the next request counts again.
    figures.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return figures;
  }
}
