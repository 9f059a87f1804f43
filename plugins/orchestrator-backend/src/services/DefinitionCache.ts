import type { DataIndexClient } from '../dataIndex/DataIndexClient';
import type { GqlProcessDefinition } from '../dataIndex/types';

/**
 * Process definitions (list columns, never `source`) for lookups by id: the
 * service URL of an action, the description of an instance row. One
 * round-trip fills it for every workflow; it is re-read after a TTL or when
 * invalidated (e.g. the watcher sees a run of an unknown workflow). Per
 * replica and safe to be briefly stale.
 */
export interface DefinitionCache {
  get(workflowId: string): Promise<GqlProcessDefinition | undefined>;
  getAll(): Promise<Map<string, GqlProcessDefinition>>;
  invalidate(): void;
}

export class DefaultDefinitionCache implements DefinitionCache {
  private entries?: Map<string, GqlProcessDefinition>;
  private loadedAt = 0;
  private loading?: Promise<Map<string, GqlProcessDefinition>>;

  static create(options: {
    dataIndex: DataIndexClient;
    ttlSeconds: number;
    now?: () => number;
  }) {
    return new DefaultDefinitionCache(
      options.dataIndex,
      options.ttlSeconds * 1000,
      options.now ?? Date.now,
    );
  }

  private constructor(
    private readonly dataIndex: DataIndexClient,
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  async get(workflowId: string): Promise<GqlProcessDefinition | undefined> {
    const hit = (await this.getAll()).get(workflowId);
    if (hit) return hit;
    // A workflow deployed since the last read: re-read once, at most every few seconds.
    if (this.now() - this.loadedAt > Math.min(this.ttlMs, 5_000)) {
      this.invalidate();
      return (await this.getAll()).get(workflowId);
    }
    return undefined;
  }

  getAll(): Promise<Map<string, GqlProcessDefinition>> {
    if (this.entries && this.now() - this.loadedAt < this.ttlMs) {
      return Promise.resolve(this.entries);
    }
    // Single flight: concurrent callers share one Data Index request.
    this.loading ??= this.load().finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  invalidate(): void {
    this.loadedAt = 0;
  }

  private async load(): Promise<Map<string, GqlProcessDefinition>> {
    const { data } = await this.dataIndex.listDefinitions({
      orderBy: { id: 'ASC' },
    });
    this.entries = new Map(data.map(d => [d.id, d]));
    this.loadedAt = this.now();
    return this.entries;
  }
}
