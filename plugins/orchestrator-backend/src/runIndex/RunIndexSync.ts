import type { LoggerService } from '@backstage/backend-plugin-api';
import type { DataIndexClient } from '../dataIndex/DataIndexClient';
import type { DefinitionCache } from '../services/DefinitionCache';
import type { IndexableInstance } from './indexedRun';
import type { RunIndex } from './RunIndex';
import type { RunIndexScan, RunIndexStateStore } from './RunIndexState';

export const DAY_MS = 24 * 3600 * 1000;

export interface RunIndexSyncOptions {
  dataIndex: DataIndexClient;
  index: RunIndex;
  state: RunIndexStateStore;
  definitions: DefinitionCache;
  logger: LoggerService;
  /** The statistics window: rows older than this are pruned; a longer watcher gap means a new backfill. */
  windowMs: number;
  /** Runs read per Data Index page. */
  pageSize: number;
  /** Pause between two Data Index requests of a scan (the rate bound). */
  pauseMs: number;
  /** How often a full scan reconciles the index (catches deletions). */
  reconcileMs: number;
  /** How often rows past the window are pruned outside scans. */
  pruneMs: number;
  now?: () => number;
}

export interface SyncResult {
  scanned: number;
  /** The scan this run worked on, if any, and whether it finished. */
  scan?: { kind: RunIndexScan['kind']; done: boolean };
  pruned: number;
  swept: number;
}

/**
 * Keeps the run index whole. The watcher hands it each tick's changes
 * (`onChanges`, no extra query); a global scheduler task (`run`, one replica
 * at a time) backfills on first start or after a watcher gap longer than the
 * window, reconciles periodically and prunes. A scan pages the Data Index by
 * `start` with a bounded page size and pause, saving its cursor after every
 * page, so a replica that dies mid-scan leaves it for the next run to resume.
 */
export class DefaultRunIndexSync {
  static create(options: RunIndexSyncOptions) {
    return new DefaultRunIndexSync(options);
  }

  private constructor(private readonly o: RunIndexSyncOptions) {}

  private now() {
    return this.o.now?.() ?? Date.now();
  }

  /** The watcher's call: upsert what it read and note how far it got. */
  async onChanges(instances: IndexableInstance[]): Promise<void> {
    const now = this.now();
    try {
      await this.o.index.upsert(instances, now);
      // An empty tick means caught up; otherwise the newest change read is the position.
      const newest = Math.max(
        ...instances.map(i => Date.parse(i.lastUpdate ?? '') || 0),
      );
      await this.o.state.write({
        watchedMs: instances.length ? Math.min(newest, now) : now,
      });
    } catch (error) {
      // Signals and notifications must not wait on the index: log, and reconcile soon.
      this.o.logger.warn(
        `Run index: could not record ${instances.length} change(s), a reconcile will catch up: ${error}`,
      );
      await this.o.state.write({ reconciledMs: 0 }).catch(() => undefined);
    }
  }

  async run(signal?: AbortSignal): Promise<SyncResult> {
    const now = this.now();
    let state = await this.o.state.read();
    const result: SyncResult = { scanned: 0, pruned: 0, swept: 0 };
    if (
      state.status === 'ready' &&
      state.watchedMs !== undefined &&
      now - state.watchedMs > this.o.windowMs
    ) {
      this.o.logger.info(
        'Run index: the watcher was away longer than the window; backfilling again',
      );
      await this.o.state.write({ status: 'pending', scan: null });
      state = { status: 'pending' };
    }
    let scan = state.scan;
    if (!scan && state.status !== 'ready') scan = this.newScan('backfill', now);
    const lastReconcile = state.reconciledMs ?? state.readyMs ?? 0;
    if (!scan && now - lastReconcile >= this.o.reconcileMs)
      scan = this.newScan('reconcile', now);
    if (scan) {
      await this.o.state.write({ scan });
      const done = await this.continueScan(scan, result, signal);
      result.scan = { kind: scan.kind, done };
      if (done) await this.finish(scan, result, signal);
    } else if (now - (state.prunedMs ?? 0) >= this.o.pruneMs) {
      result.pruned = await this.o.index.prune(now - this.o.windowMs);
      await this.o.state.write({ prunedMs: now });
    }
    return result;
  }

  private newScan(kind: RunIndexScan['kind'], now: number): RunIndexScan {
    const sinceMs = now - this.o.windowMs;
    return {
      kind,
      sinceMs,
      startedMs: now,
      cursor: new Date(sinceMs).toISOString(),
      skip: 0,
    };
  }

  /** Pages until the Data Index has no more; false when aborted first. */
  private async continueScan(
    scan: RunIndexScan,
    result: SyncResult,
    signal?: AbortSignal,
  ): Promise<boolean> {
    for (;;) {
      if (signal?.aborted) return false;
      const { data, warnings } = await this.o.dataIndex.listRunsStartedSince(
        scan.cursor,
        scan.skip,
        this.o.pageSize,
      );
      const answeredAt = performance.now();
      if (warnings.length)
        this.o.logger.warn(`Run index scan: ${warnings.join('; ')}`);
      result.scanned += await this.o.index.upsert(data, this.now());
      Object.assign(scan, advance(scan, data));
      await this.o.state.write({ scan });
      if (data.length < this.o.pageSize) return true;
      await pauseSince(answeredAt, this.o.pauseMs, signal);
    }
  }

  private async finish(
    scan: RunIndexScan,
    result: SyncResult,
    signal?: AbortSignal,
  ): Promise<void> {
    await this.addLastRuns(result, signal);
    if (signal?.aborted) return;
    result.swept = await this.o.index.sweep(scan.sinceMs, scan.startedMs);
    const now = this.now();
    result.pruned = await this.o.index.prune(now - this.o.windowMs);
    await this.o.state.write({
      status: 'ready',
      scan: null,
      prunedMs: now,
      reconciledMs: now,
      ...(scan.kind === 'backfill' ? { readyMs: now } : {}),
    });
    this.o.logger.info(
      `Run index ${scan.kind} done: ${result.scanned} runs read, ${result.swept} gone, ${result.pruned} pruned`,
    );
  }

  /** Workflows without a run in the window still show their last run: one request each, paced. */
  private async addLastRuns(result: SyncResult, signal?: AbortSignal) {
    const deployed = await this.o.definitions.getAll();
    const indexed = await this.o.index.indexedWorkflowIds();
    for (const workflowId of deployed.keys()) {
      if (indexed.has(workflowId)) continue;
      if (signal?.aborted) return;
      const { data } = await this.o.dataIndex.getLastRun(workflowId);
      const answeredAt = performance.now();
      if (data) result.scanned += await this.o.index.upsert([data], this.now());
      await pauseSince(answeredAt, this.o.pauseMs, signal);
    }
  }
}

/** The next cursor: the newest `start` read, skipping the rows already read at exactly that time. */
function advance(
  scan: RunIndexScan,
  page: { start?: string | null }[],
): Pick<RunIndexScan, 'cursor' | 'skip'> {
  let cursor = scan.cursor;
  let cursorMs = Date.parse(scan.cursor);
  let skip = scan.skip;
  for (const { start } of page) {
    const ms = start ? Date.parse(start) : NaN;
    if (Number.isNaN(ms)) continue;
    if (ms === cursorMs) skip++;
    else if (ms > cursorMs) {
      cursor = start!;
      cursorMs = ms;
      skip = 1;
    }
  }
  return { cursor, skip };
}

/**
 * The rate bound: at least `ms` between one Data Index answer and the next request. Time
 * spent writing the page counts towards it, so a slow write never adds a full pause on top.
 */
function pauseSince(
  answeredAt: number,
  ms: number,
  signal?: AbortSignal,
): Promise<void> {
  return pause(ms - (performance.now() - answeredAt), signal);
}

function pause(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0 || signal?.aborted) return Promise.resolve();
  return new Promise(resolve => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
