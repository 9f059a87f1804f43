import { NotFoundError } from '@backstage/errors';
import type {
  GetOverviewsForEntityRequestDTO,
  InputSchemaResponseDTO,
  RunStatisticsDTO,
  SearchRequest,
  WorkflowAvailabilityResponseDTO,
  WorkflowNameDTO,
  WorkflowNamesDTO,
  WorkflowOverviewDTO,
  WorkflowOverviewListResultDTO,
  WorkflowRunStatsDTO,
} from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import { PROCESS_DEFINITION_TARGET } from '../dataIndex/allowList';
import type { DataIndexClient } from '../dataIndex/DataIndexClient';
import { allOf, buildSearch, buildWhere } from '../dataIndex/filterBuilder';
import { assertWorkflowId } from '../dataIndex/ids';
import { MAX_PAGE_SIZE, resolvePagination } from '../dataIndex/pagination';
import type {
  GqlProcessDefinition,
  WhereArgument,
  WorkflowRunFigures,
} from '../dataIndex/types';
import type { WorkflowAuthorizer } from '../permissions/WorkflowAuthorizer';
import { scopeAllows, scopeWhere } from '../permissions/WorkflowAuthorizer';
import type { AvailabilityService } from './AvailabilityService';
import type { Caller } from './Caller';
import type { DefinitionCache } from './DefinitionCache';
import type { InstanceAccess } from './InstanceAccess';
import { entityRunsWhere } from './entityRuns';
import { toRunStats, toStatus } from './instanceMapping';
import type { RunInputs } from './RunInputs';
import { SourceFormats } from './SourceFormats';
import type { RunStore } from '../runStore/RunStore';
import {
  DATA_INDEX_ONLY,
  IndexedOverviewService,
} from '../runIndex/IndexedOverviewService';

const MONTH_MS = 30 * 24 * 3600 * 1000;
/** Neutral scope for the stats document (processId is never null). */
const EVERY_RUN: WhereArgument = { processId: { isNull: false } };

export interface WorkflowService {
  listOverviews(
    caller: Caller,
    request: SearchRequest,
  ): Promise<WorkflowOverviewListResultDTO>;
  listOverviewsForEntity(
    caller: Caller,
    request: GetOverviewsForEntityRequestDTO,
  ): Promise<WorkflowOverviewListResultDTO>;
  /** Readable workflows' ids and names from the definition cache: no figures, no probes. */
  listNames(caller: Caller): Promise<WorkflowNamesDTO>;
  getOverview(caller: Caller, workflowId: string): Promise<WorkflowOverviewDTO>;
  getSource(caller: Caller, workflowId: string): Promise<string>;
  getInputSchema(
    caller: Caller,
    workflowId: string,
    instanceId?: string,
  ): Promise<InputSchemaResponseDTO>;
  ping(caller: Caller, workflowId: string): Promise<boolean>;
  getAvailability(
    caller: Caller,
    workflowId: string,
  ): Promise<WorkflowAvailabilityResponseDTO>;
  getStats(caller: Caller, workflowId: string): Promise<WorkflowRunStatsDTO>;
}

export interface WorkflowServiceOptions {
  /** Input schema and prefill, shared with reruns. */
  runInputs: RunInputs;
  dataIndex: DataIndexClient;
  definitions: DefinitionCache;
  runStore: RunStore;
  authorizer: WorkflowAuthorizer;
  access: InstanceAccess;
  availability: AvailabilityService;
  durationSampleSize: number;
  availabilityListWaitMs: number;
  /** Figures from the run index when it is built; the Data Index otherwise. */
  indexedStats?: IndexedOverviewService;
  /** How long a version's source format (yaml/json) is remembered; the definitions cache's TTL. */
  sourceFormatTtlSeconds?: number;
  now?: () => number;
}

function categoryOf(annotations: string[]): WorkflowOverviewDTO['category'] {
  if (annotations.includes('workflow-type/assessment')) return 'assessment';
  if (annotations.includes('workflow-type/infrastructure'))
    return 'infrastructure';
  return undefined;
}

export class DefaultWorkflowService implements WorkflowService {
  static create(options: WorkflowServiceOptions) {
    return new DefaultWorkflowService(options);
  }

  private readonly formats: SourceFormats;

  private constructor(private readonly o: WorkflowServiceOptions) {
    this.formats = new SourceFormats(
      workflowId => o.dataIndex.getDefinitionSource(workflowId),
      (o.sourceFormatTtlSeconds ?? 60) * 1000,
      o.now,
    );
  }

  async listOverviews(
    caller: Caller,
    request: SearchRequest,
  ): Promise<WorkflowOverviewListResultDTO> {
    const scope = await this.o.authorizer.scope(caller.credentials, 'read');
    const page = resolvePagination(
      PROCESS_DEFINITION_TARGET,
      request.paginationInfo,
      {
        pageSize: MAX_PAGE_SIZE,
        orderBy: 'name',
        orderDirection: 'ASC',
      },
    );
    const where = allOf(
      scopeWhere(scope, 'id'),
      buildWhere(PROCESS_DEFINITION_TARGET, request.filters),
      buildSearch(PROCESS_DEFINITION_TARGET, request.search),
    );
    if (scope.kind === 'none')
      return { overviews: [], paginationInfo: page.echo, totalCount: 0 };
    // Kept per replica by its exact query: a warm overview asks the Data Index nothing.
    const definitions = await this.o.definitions.listPage({
      where,
      orderBy: page.orderBy,
      pagination: page.pagination,
      withCount: true,
    });
    const overviews = await this.overviewsOf(
      caller,
      definitions.data,
      undefined,
    );
    return withWarnings(
      {
        overviews: overviews.items,
        paginationInfo: page.echo,
        totalCount:
          definitions.totalCount ??
          page.pagination.offset + definitions.data.length,
        ...statisticsOf(overviews),
      },
      [...definitions.warnings, ...overviews.warnings],
    );
  }

  async listOverviewsForEntity(
    caller: Caller,
    request: GetOverviewsForEntityRequestDTO,
  ): Promise<WorkflowOverviewListResultDTO> {
    const scope = await this.o.authorizer.scope(caller.credentials, 'read');
    const ids = [
      ...new Set(request.annotationWorkflowIds.map(assertWorkflowId)),
    ].filter(id => scopeAllows(scope, id));
    const echo = { pageSize: Math.max(ids.length, 1), offset: 0 };
    if (ids.length === 0)
      return { overviews: [], paginationInfo: echo, totalCount: 0 };
    const definitions = await this.o.definitions.listPage({
      where: { id: { in: ids } },
      orderBy: { name: 'ASC' },
    });
    const found = new Set(definitions.data.map(d => d.id));
    const missing = ids
      .filter(id => !found.has(id))
      .map(
        id => `Workflow '${id}' named by the entity annotation is not deployed`,
      );
    const entityScope = await entityRunsWhere(
      this.o.runStore,
      request.targetEntity,
    );
    const overviews = await this.overviewsOf(
      caller,
      definitions.data,
      entityScope,
      true,
      request.targetEntity,
    );
    return withWarnings(
      {
        overviews: overviews.items,
        paginationInfo: echo,
        totalCount: overviews.items.length,
        ...statisticsOf(overviews),
      },
      [...definitions.warnings, ...overviews.warnings, ...missing],
    );
  }

  async listNames(caller: Caller): Promise<WorkflowNamesDTO> {
    const scope = await this.o.authorizer.scope(caller.credentials, 'read');
    if (scope.kind === 'none') return { items: [] };
    const definitions = await this.o.definitions.getAll();
    const items = [...definitions.values()]
      .filter(d => scopeAllows(scope, d.id))
      .map(d => ({ id: d.id, name: d.name || d.id }))
      .sort(byName);
    return { items };
  }

  async getOverview(
    caller: Caller,
    workflowId: string,
  ): Promise<WorkflowOverviewDTO> {
    const definition = await this.readable(caller, workflowId);
    // No definition column tells yaml from json: the first overview of a version reads the
    // source, beside (not before) its figures. Lists never read `source` and say 'yaml'.
    const [overviews, availability, format] = await Promise.all([
      this.overviewsOf(caller, [definition], undefined, false),
      this.o.availability.get(definition),
      this.formats.get(workflowId, definition.version ?? undefined),
    ]);
    return {
      ...overviews.items[0],
      ...(format ? { format } : {}),
      isAvailable: availability.isAvailable,
      availability,
      ...statisticsOf(overviews),
    };
  }

  async getSource(caller: Caller, workflowId: string): Promise<string> {
    await this.readable(caller, workflowId);
    const source = await this.o.dataIndex.getDefinitionSource(workflowId);
    if (!source)
      throw new NotFoundError(
        `Workflow '${workflowId}' has no source in the Data Index`,
      );
    return source;
  }

  async getInputSchema(
    caller: Caller,
    workflowId: string,
    instanceId?: string,
  ): Promise<InputSchemaResponseDTO> {
    return this.o.runInputs.forForm(
      caller,
      await this.readable(caller, workflowId),
      instanceId,
    );
  }

  async ping(caller: Caller, workflowId: string): Promise<boolean> {
    const definition = await this.readable(caller, workflowId);
    return (await this.o.availability.probeNow(definition)).isAvailable;
  }

  async getAvailability(
    caller: Caller,
    workflowId: string,
  ): Promise<WorkflowAvailabilityResponseDTO> {
    return this.o.availability.get(await this.readable(caller, workflowId));
  }

  async getStats(
    caller: Caller,
    workflowId: string,
  ): Promise<WorkflowRunStatsDTO> {
    await this.readable(caller, workflowId);
    const figures = await this.figuresFor(caller, [workflowId], undefined);
    return {
      ...toRunStats(figures.data.get(workflowId)),
      ...statisticsOf(figures),
    };
  }

  private async readable(
    caller: Caller,
    workflowId: string,
  ): Promise<GqlProcessDefinition> {
    assertWorkflowId(workflowId);
    await this.o.authorizer.assertWorkflow(
      caller.credentials,
      workflowId,
      'read',
    );
    const definition = await this.o.definitions.get(workflowId);
    if (!definition)
      throw new NotFoundError(`Workflow '${workflowId}' not found`);
    return definition;
  }

  private async figuresFor(
    caller: Caller,
    workflowIds: string[],
    extraScope: WhereArgument | undefined,
    targetEntity?: string,
  ): Promise<FiguresAnswer> {
    const isAdmin = await this.o.authorizer.isInstanceAdmin(caller.credentials);
    const now = this.o.now?.() ?? Date.now();
    // The run index answers once built: SQL on the same scope, 0 Data Index round-trips.
    const indexed = await this.o.indexedStats?.figures({
      workflowIds,
      sinceMs: now - MONTH_MS,
      owner: isAdmin ? undefined : caller.initiator,
      targetEntity,
    });
    if (indexed) return { ...indexed, warnings: [] };
    const scope =
      allOf(await this.o.access.ownershipWhere(caller, isAdmin), extraScope) ??
      EVERY_RUN;
    const [figures, statistics] = await Promise.all([
      this.o.dataIndex.getRunFigures({
        workflowIds,
        since: new Date(now - MONTH_MS).toISOString(),
        sample: this.o.durationSampleSize,
        scope,
      }),
      this.o.indexedStats?.fallbackStatistics() ?? DATA_INDEX_ONLY,
    ]);
    return { ...figures, statistics };
  }

  private async overviewsOf(
    caller: Caller,
    definitions: GqlProcessDefinition[],
    extraScope: WhereArgument | undefined,
    withAvailability = true,
    targetEntity?: string,
  ): Promise<{
    items: WorkflowOverviewDTO[];
    warnings: string[];
    statistics?: RunStatisticsDTO;
  }> {
    const [figures, availability] = await Promise.all([
      definitions.length
        ? this.figuresFor(
            caller,
            definitions.map(d => d.id),
            extraScope,
            targetEntity,
          )
        : Promise.resolve<FiguresAnswer>({
            data: new Map<string, WorkflowRunFigures>(),
            warnings: [],
          }),
      withAvailability
        ? this.o.availability.getMany(
            definitions,
            this.o.availabilityListWaitMs,
          )
        : Promise.resolve(new Map<string, WorkflowAvailabilityResponseDTO>()),
    ]);
    const items = definitions.map(definition =>
      this.toOverview(
        definition,
        figures.data.get(definition.id),
        availability.get(definition.id),
      ),
    );
    return {
      items,
      warnings: figures.warnings,
      statistics: figures.statistics,
    };
  }

  private toOverview(
    definition: GqlProcessDefinition,
    figures: WorkflowRunFigures | undefined,
    availability: WorkflowAvailabilityResponseDTO | undefined,
  ): WorkflowOverviewDTO {
    const annotations = (definition.annotations ?? []).filter(
      (a): a is string => typeof a === 'string',
    );
    const lastStart = figures?.lastRun?.start
      ? Date.parse(figures.lastRun.start)
      : NaN;
    const overview: WorkflowOverviewDTO = {
      workflowId: definition.id,
      name: definition.name ?? definition.id,
      format: 'yaml',
      version: definition.version ?? undefined,
      description: definition.description ?? undefined,
      lastRunId: figures?.lastRun?.id,
      lastTriggeredMs: Number.isNaN(lastStart) ? undefined : lastStart,
      lastRunStatus: toStatus(figures?.lastRun?.state),
      isAvailable: availability?.isAvailable,
      availability,
      annotations,
      category: categoryOf(annotations),
      stats: toRunStats(figures),
    };
    return withoutUndefined(overview);
  }
}

function byName(a: WorkflowNameDTO, b: WorkflowNameDTO): number {
  return a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
}

type FiguresAnswer = {
  data: Map<string, WorkflowRunFigures>;
  warnings: string[];
  statistics?: RunStatisticsDTO;
};

/** Drops undefined fields; a plain loop, as the overview maps up to 1000 of these per call. */
function withoutUndefined<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (field !== undefined) out[key] = field;
  }
  return out as T;
}

function statisticsOf(answer: { statistics?: RunStatisticsDTO }): {
  statistics?: RunStatisticsDTO;
} {
  return answer.statistics ? { statistics: answer.statistics } : {};
}

function withWarnings<T extends object>(
  body: T,
  warnings: string[],
): T & { warnings?: string[] } {
  return warnings.length ? { ...body, warnings } : body;
}
