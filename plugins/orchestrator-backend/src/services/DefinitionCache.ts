import type { DataIndexClient, PageQuery } from '../dataIndex/DataIndexClient';
import type { GqlProcessDefinition, PageResult } from '../dataIndex/types';

/** Distinct list pages kept (scopes x filters x pages); the oldest goes first. */
const MAX_PAGES = 32;

/**
 * Process definitions (list columns, never `source`) for lookups by id: the
 * service URL of an action, the description of an instance row. One
 * round-trip fills it for every workflow; it is re-read after a TTL or when
 * invalidated (e.g. the watcher sees a run of an unknown workflow). Per
 * replica and safe to be briefly stale.
 *
 * Overview pages are kept the same way, by their exact Data Index query (scope, filters,
 * search, order, page), so a warm overview costs 0 Data Index round-trips while filtering,
 * ordering and counting stay the Data Index's own.
 */
export interface DefinitionCache {
  get(workflowId: string): Promise<GqlProcessDefinition | undefined>;
  getAll(): Promise<Map<string, GqlProcessDefinition>>;
  /** A page of definitions as `DataIndexClient.listDefinitions` answers it; answers with warnings are not kept. */
  listPage(query: PageQuery): Promise<PageResult<GqlProcessDefinition>>;
  /** Drops every list and page: the next reads go to the Data Index. */
  invalidate(): void;
}

export class DefaultDefinitionCache implements DefinitionCache {
  private entries?: Map<string, GqlProcessDefinition>;
  private loadedAt = 0;
  private loading?: Promise<Map<string, GqlProcessDefinition>>;
  private readonly pages = new Map<
    string,
    { at: number; answer: Promise<PageResult<GqlProcessDefinition>> }
  >();

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

  listPage(query: PageQuery): Promise<PageResult<GqlProcessDefinition>> {
    const key = JSON.stringify([
      query.where ?? null,
      query.orderBy ?? null,
      query.pagination ?? null,
      !!query.withCount,
    ]);
    const hit = this.pages.get(key);
    if (hit && this.now() - hit.at < this.ttlMs) return hit.answer;
    this.pages.delete(key);
    // Stored before it settles: concurrent viewers of one page share one request.
    const answer = this.dataIndex.listDefinitions(query).then(
      page => {
        if (page.warnings.length && this.pages.get(key)?.answer === answer)
          this.pages.delete(key);
        return page;
      },
      error => {
        if (this.pages.get(key)?.answer === answer) this.pages.delete(key);
        throw error;
      },
    );
    this.pages.set(key, { at: this.now(), answer });
    if (this.pages.size > MAX_PAGES)
      this.pages.delete(this.pages.keys().next().value!);
    return answer;
  }

  invalidate(): void {
    this.loadedAt = 0;
    this.pages.clear();
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
