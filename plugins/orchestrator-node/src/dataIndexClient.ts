import {
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import type {
  GqlChangedInstance,
  GqlProcessDefinition,
  GqlProcessInstanceDetails,
  GqlProcessInstanceSummary,
  GqlRunIndexInstance,
  OrderByArgument,
  PageResult,
  PaginationArgument,
  WhereArgument,
  WithWarnings,
  WorkflowRunFigures,
} from './dataIndexTypes';

/** @public */
export interface PageQuery {
  where?: WhereArgument;
  orderBy?: OrderByArgument;
  pagination?: PaginationArgument;
  /** Ask for the total in the same round-trip. */
  withCount?: boolean;
}

/** @public */
export interface OverviewStatsQuery {
  workflowIds: string[];
  /** ISO date: runs started at or after it count as recent. */
  since: string;
  /** How many completed runs to average the duration over. */
  sample: number;
  /** Permission scope ANDed into every sub-query (e.g. ownership). */
  scope: WhereArgument;
}

/**
 * The Orchestrator backend's only door to the SonataFlow Data Index. Each method is one
 * round-trip in the built-in client (the page/count fallback for old Data Index versions aside).
 * Authorization is never the client's job: the backend has already scoped every `where`.
 * @public
 */
export interface DataIndexClient {
  /** Base URL, named in errors. */
  readonly url: string;
  listDefinitions(query: PageQuery): Promise<PageResult<GqlProcessDefinition>>;
  getDefinitionSource(workflowId: string): Promise<string | undefined>;
  listInstances(
    query: PageQuery,
  ): Promise<PageResult<GqlProcessInstanceSummary>>;
  getInstance(
    instanceId: string,
  ): Promise<WithWarnings<GqlProcessInstanceDetails | undefined>>;
  getRunFigures(
    query: OverviewStatsQuery,
  ): Promise<WithWarnings<Map<string, WorkflowRunFigures>>>;
  /** Changed since `since` (inclusive), except `seenAtSince` (ids already handled at exactly `since`). */
  listChangedInstances(
    since: string,
    limit: number,
    seenAtSince?: string[],
  ): Promise<WithWarnings<GqlChangedInstance[]>>;
  /** The run index's backfill: runs started at or after `since`, oldest first. */
  listRunsStartedSince(
    since: string,
    offset: number,
    limit: number,
  ): Promise<WithWarnings<GqlRunIndexInstance[]>>;
  /** A workflow's last run whatever its age. */
  getLastRun(
    workflowId: string,
  ): Promise<WithWarnings<GqlRunIndexInstance | undefined>>;
  abortInstance(instanceId: string): Promise<void>;
  retryInstance(instanceId: string): Promise<void>;
}

/** What the backend hands a provider when it starts. @public */
export interface DataIndexClientProviderContext {
  /**
   * Builds the built-in GraphQL client from `orchestrator.dataIndexService` (url, timeouts,
   * `headers`, `token`). Call it to decorate the default, or ignore it to replace it.
   */
  createDefaultClient(): DataIndexClient;
}

/**
 * Yields the Data Index client the Orchestrator backend uses; asked once at plugin start.
 * @public
 */
export interface DataIndexClientProvider {
  getClient(
    context: DataIndexClientProviderContext,
  ): DataIndexClient | Promise<DataIndexClient>;
}

/**
 * The Data Index client of the Orchestrator backend. Provide your own factory for this ref to
 * reach a Data Index through another transport or gateway, or to wrap the built-in client
 * (metrics, caching). Plain extra headers or a bearer token need no code: see
 * `orchestrator.dataIndexService.headers` / `.token`.
 *
 * The ref yields a provider rather than the client because the built-in client lives in the
 * backend plugin, which depends on this package; a default factory here cannot construct it
 * without a dependency cycle, so the backend passes it in as `createDefaultClient`.
 * @public
 */
export const orchestratorDataIndexClientServiceRef =
  createServiceRef<DataIndexClientProvider>({
    id: 'orchestrator.dataIndexClient',
    scope: 'plugin',
    defaultFactory: async service =>
      createServiceFactory({
        service,
        deps: {},
        factory: () => ({
          getClient: context => context.createDefaultClient(),
        }),
      }),
  });
