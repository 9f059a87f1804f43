import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  ABORT_INSTANCE,
  DEFINITIONS_PAGE,
  DEFINITIONS_PAGE_WITH_COUNT,
  DEFINITION_SOURCE,
  INSTANCES_CHANGED_SINCE,
  INSTANCES_PAGE,
  INSTANCES_PAGE_WITH_COUNT,
  INSTANCE_DETAILS,
  RETRY_INSTANCE,
  RUN_INDEX_LAST_RUN,
  RUN_INDEX_PAGE,
  buildOverviewStatsDocument,
  buildOverviewStatsVariables,
  parseOverviewStats,
} from './documents';
import type { DataIndexHealth } from './CircuitBreaker';
import { DataIndexQueryError } from './errors';
import { GraphQLTransport } from './GraphQLTransport';
import { assertInstanceId, assertWorkflowId } from './ids';
import type {
  DataIndexClient,
  OverviewStatsQuery,
  PageQuery,
} from '@orchestrator-suite/backstage-plugin-orchestrator-node';
import type {
  GqlChangedInstance,
  GqlProcessDefinition,
  GqlProcessInstanceDetails,
  GqlProcessInstanceSummary,
  PageResult,
  GqlRunIndexInstance,
  WithWarnings,
  WorkflowRunFigures,
} from './types';

// The interface and its queries live in orchestrator-node, where adopters implement them:
// change them there.
export type {
  DataIndexClient,
  OverviewStatsQuery,
  PageQuery,
} from '@orchestrator-suite/backstage-plugin-orchestrator-node';

export interface DataIndexClientOptions {
  url: string;
  logger: LoggerService;
  timeoutMs?: number;
  readRetries?: number;
  /** Circuit breaker: failures before failing fast, first cooldown (see config.d.ts). */
  breakerThreshold?: number;
  breakerCooldownMs?: number;
  fetch?: typeof fetch;
  /** Largest request body to send; the overview splits its document above it. Default 4 MB. */
  maxRequestBytes?: number;
}

/** Upper bound of the overview document's bytes per workflow (text + id variable). */
const BYTES_PER_WORKFLOW = 600;

type ItemsAnswer<T> = { items?: (T | null)[] | null; total?: number | null };

/** Default implementation on graphql-request, with constant documents. */
export class DefaultDataIndexClient implements DataIndexClient {
  /** Unknown until the first counted query; false on Data Index before 10.1.0. */
  private countSupported: boolean | undefined;

  static create(options: DataIndexClientOptions): DefaultDataIndexClient {
    const transport = new GraphQLTransport({
      url: options.url,
      timeoutMs: options.timeoutMs ?? 10_000,
      readRetries: options.readRetries ?? 1,
      breakerThreshold: options.breakerThreshold,
      breakerCooldownMs: options.breakerCooldownMs,
      fetch: options.fetch,
    });
    const maxBytes = options.maxRequestBytes ?? 4_000_000;
    return new DefaultDataIndexClient(
      transport,
      options.logger,
      Math.max(1, Math.floor((maxBytes - 2_000) / BYTES_PER_WORKFLOW)),
    );
  }

  private constructor(
    private readonly transport: GraphQLTransport,
    private readonly logger: LoggerService,
    private readonly workflowsPerDocument: number,
  ) {}

  get url(): string {
    return this.transport.url;
  }

  /** The Data Index as the last requests saw it (circuit breaker); no request is made. */
  health(): DataIndexHealth {
    return this.transport.health();
  }

  listDefinitions(query: PageQuery): Promise<PageResult<GqlProcessDefinition>> {
    return this.page(DEFINITIONS_PAGE, DEFINITIONS_PAGE_WITH_COUNT, query);
  }

  async getDefinitionSource(workflowId: string): Promise<string | undefined> {
    const { data } = await this.transport.read<
      ItemsAnswer<{ source?: string | null }>
    >(DEFINITION_SOURCE, { id: assertWorkflowId(workflowId) });
    return data.items?.[0]?.source ?? undefined;
  }

  listInstances(
    query: PageQuery,
  ): Promise<PageResult<GqlProcessInstanceSummary>> {
    return this.page(INSTANCES_PAGE, INSTANCES_PAGE_WITH_COUNT, query);
  }

  async getInstance(
    instanceId: string,
  ): Promise<WithWarnings<GqlProcessInstanceDetails | undefined>> {
    const { data, warnings } = await this.transport.read<
      ItemsAnswer<GqlProcessInstanceDetails>
    >(INSTANCE_DETAILS, { id: assertInstanceId(instanceId) });
    return { data: data.items?.find(Boolean) ?? undefined, warnings };
  }

  async getRunFigures(
    query: OverviewStatsQuery,
  ): Promise<WithWarnings<Map<string, WorkflowRunFigures>>> {
    const ids = query.workflowIds.map(assertWorkflowId);
    if (ids.length === 0) return { data: new Map(), warnings: [] };
    // One document for all of them; split only when it would exceed the body
    // size the Data Index accepts (maxRequestBytes, about 500 bytes a workflow).
    const answers = await Promise.all(
      chunk(ids, this.workflowsPerDocument).map(async part => {
        const { data, warnings } = await this.transport.read<
          Record<string, unknown>
        >(
          buildOverviewStatsDocument(part.length),
          buildOverviewStatsVariables({ ...query, workflowIds: part }),
        );
        return { figures: parseOverviewStats(part, data), warnings };
      }),
    );
    return {
      data: new Map(answers.flatMap(a => [...a.figures])),
      warnings: answers.flatMap(a => a.warnings),
    };
  }

  async listChangedInstances(
    since: string,
    limit: number,
    seenAtSince: string[] = [],
  ): Promise<WithWarnings<GqlChangedInstance[]>> {
    // Keyset on (lastUpdate, id): runs updated after the cursor, plus those at the cursor's
    // instant not handled yet. A seen id is excluded only AT that instant: the same run
    // updated later must come back, or a lone running instance would never be seen again.
    const where = seenAtSince.length
      ? {
          or: [
            { lastUpdate: { greaterThan: since } },
            {
              and: [
                { lastUpdate: { equal: since } },
                { not: { id: { in: seenAtSince.map(assertInstanceId) } } },
              ],
            },
          ],
        }
      : { lastUpdate: { greaterThanEqual: since } };
    const { data, warnings } = await this.transport.read<
      ItemsAnswer<GqlChangedInstance>
    >(INSTANCES_CHANGED_SINCE, { where, limit });
    return {
      data: (data.items ?? []).filter(Boolean) as GqlChangedInstance[],
      warnings,
    };
  }

  async listRunsStartedSince(
    since: string,
    offset: number,
    limit: number,
  ): Promise<WithWarnings<GqlRunIndexInstance[]>> {
    const { data, warnings } = await this.transport.read<
      ItemsAnswer<GqlRunIndexInstance>
    >(RUN_INDEX_PAGE, { since, offset, limit });
    return { data: compact(data.items), warnings };
  }

  async getLastRun(
    workflowId: string,
  ): Promise<WithWarnings<GqlRunIndexInstance | undefined>> {
    const { data, warnings } = await this.transport.read<
      ItemsAnswer<GqlRunIndexInstance>
    >(RUN_INDEX_LAST_RUN, { workflowId: assertWorkflowId(workflowId) });
    return { data: compact(data.items)[0], warnings };
  }

  async abortInstance(instanceId: string): Promise<void> {
    await this.transport.mutate(ABORT_INSTANCE, {
      id: assertInstanceId(instanceId),
    });
  }

  async retryInstance(instanceId: string): Promise<void> {
    await this.transport.mutate(RETRY_INSTANCE, {
      id: assertInstanceId(instanceId),
    });
  }

  private async page<T>(
    plain: string,
    counted: string,
    query: PageQuery,
  ): Promise<PageResult<T>> {
    const variables = {
      where: query.where ?? null,
      orderBy: query.orderBy ?? null,
      pagination: query.pagination ?? null,
    };
    if (query.withCount && this.countSupported !== false) {
      try {
        const { data, warnings } = await this.transport.read<ItemsAnswer<T>>(
          counted,
          variables,
        );
        this.countSupported = true;
        return {
          data: compact(data.items),
          totalCount: data.total ?? undefined,
          warnings,
        };
      } catch (error) {
        if (!(error instanceof DataIndexQueryError) || !error.lacksCountQueries)
          throw error;
        this.countSupported = false;
        this.logger.warn(
          `Data Index at ${this.url} has no Count queries; totals are estimated`,
        );
      }
    }
    const { data, warnings } = await this.transport.read<ItemsAnswer<T>>(
      plain,
      variables,
    );
    return { data: compact(data.items), warnings };
  }
}

function chunk<T>(items: T[], size: number): T[][] {
  const parts: T[][] = [];
  for (let i = 0; i < items.length; i += size)
    parts.push(items.slice(i, i + size));
  return parts;
}

function compact<T>(items: (T | null)[] | null | undefined): T[] {
  return (items ?? []).filter((i): i is T => i !== null && i !== undefined);
}
