import type { RunStatisticsDTO } from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import type { WorkflowRunFigures } from '../dataIndex/types';
import { FiguresMemo } from './FiguresMemo';
import type { RunIndex } from './RunIndex';
import type { RunIndexStateStore } from './RunIndexState';

export interface IndexedFiguresQuery {
  workflowIds: string[];
  sinceMs: number;
  /** Undefined for instance admins: every run counts. */
  owner?: string;
  targetEntity?: string;
}

/**
 * The overview's figures from the run index, or nothing when the index is not
 * built yet (the caller then asks the Data Index as before). Both answers say
 * where the figures came from, so the UI can tell "statistics are still being
 * built" from "no runs".
 */
export interface IndexedOverviewService {
  figures(query: IndexedFiguresQuery): Promise<
    | {
        data: Map<string, WorkflowRunFigures>;
        statistics: RunStatisticsDTO;
      }
    | undefined
  >;
  /** What a Data Index answer reports: the index's readiness. */
  fallbackStatistics(): Promise<RunStatisticsDTO>;
}

/** For a backend whose run index is off (no watcher feeds it): nothing is being built. */
export const DATA_INDEX_ONLY: RunStatisticsDTO = {
  source: 'dataIndex',
  ready: false,
  building: false,
};

export class DefaultIndexedOverviewService implements IndexedOverviewService {
  static create(options: {
    index: RunIndex;
    state: RunIndexStateStore;
    /** The index holds this much history; it answers only for windows inside it. */
    windowMs: number;
    now?: () => number;
  }) {
    return new DefaultIndexedOverviewService(options);
  }

  private readonly memo = FiguresMemo.create();

  private constructor(
    private readonly o: {
      index: RunIndex;
      state: RunIndexStateStore;
      windowMs: number;
      now?: () => number;
    },
  ) {}

  async figures(query: IndexedFiguresQuery) {
    const now = this.o.now?.() ?? Date.now();
    // Prunes cut at (their time - window), so the index holds at least the last `windowMs`;
    // a minute of slack covers the caller having computed `since` a moment earlier.
    if (query.sinceMs < now - this.o.windowMs - 60_000) return undefined;
    // One small read per request, never cached: any replica's backfill flips it, and any
    // index write changes it (the memo's token).
    const state = await this.o.state.read();
    if (state.status !== 'ready') return undefined;
    const data = await this.memo.get(query, state, () =>
      this.o.index.figures(query),
    );
    return {
      data,
      statistics: {
        source: 'index',
        ready: true,
        building: false,
      } satisfies RunStatisticsDTO,
    };
  }

  async fallbackStatistics(): Promise<RunStatisticsDTO> {
    const { status } = await this.o.state.read();
    const ready = status === 'ready';
    return { source: 'dataIndex', ready, building: !ready };
  }
}
