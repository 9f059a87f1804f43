import { NotFoundError } from '@backstage/errors';
import {
  PROCESS_INSTANCE_STATUSES,
  type GetInstancesForEntityRequestDTO,
  type ProcessInstanceDTO,
  type ProcessInstanceListResultDTO,
  type SearchRequest,
  type WorkflowRunStatusDTO,
} from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import { PROCESS_INSTANCE_TARGET } from '../dataIndex/allowList';
import type { DataIndexClient } from '../dataIndex/DataIndexClient';
import { allOf, buildSearch, buildWhere } from '../dataIndex/filterBuilder';
import { assertWorkflowId, instanceIdPrefixOf } from '../dataIndex/ids';
import { resolvePagination } from '../dataIndex/pagination';
import type { WhereArgument } from '../dataIndex/types';
import type {
  WorkflowAuthorizer,
  WorkflowScope,
} from '../permissions/WorkflowAuthorizer';
import { scopeAllows, scopeWhere } from '../permissions/WorkflowAuthorizer';
import type { RunIdLookup } from '../runStore/RunIdLookup';
import type { RunStore } from '../runStore/RunStore';
import type { Caller } from './Caller';
import type { DefinitionCache } from './DefinitionCache';
import { assertEntityRef } from './entityRef';
import { entityRunsWhere } from './entityRuns';
import type { InstanceAccess } from './InstanceAccess';
import { toInstanceDetails, toInstanceListItem } from './instanceMapping';

// The filter's labels, in the spec's display order: `ACTIVE` reads "Active".
const STATUS_LABELS: WorkflowRunStatusDTO[] = PROCESS_INSTANCE_STATUSES.map(
  value => ({ key: value.charAt(0) + value.slice(1).toLowerCase(), value }),
);
/** The most ids a run id prefix adds to the list's one Data Index query. */
export const RUN_ID_PREFIX_MATCHES = 50;

export interface InstanceService {
  list(
    caller: Caller,
    request: SearchRequest,
    workflowId?: string,
  ): Promise<ProcessInstanceListResultDTO>;
  listForEntity(
    caller: Caller,
    request: GetInstancesForEntityRequestDTO,
  ): Promise<ProcessInstanceListResultDTO>;
  get(
    caller: Caller,
    instanceId: string,
  ): Promise<ProcessInstanceDTO & { warnings?: string[] }>;
  statuses(): WorkflowRunStatusDTO[];
}

export interface InstanceServiceOptions {
  dataIndex: DataIndexClient;
  definitions: DefinitionCache;
  runStore: RunStore;
  /** Runs whose id starts with the search text (the Data Index matches ids only whole). */
  runIds: RunIdLookup;
  authorizer: WorkflowAuthorizer;
  access: InstanceAccess;
}

export class DefaultInstanceService implements InstanceService {
  static create(options: InstanceServiceOptions) {
    return new DefaultInstanceService(options);
  }

  private constructor(private readonly o: InstanceServiceOptions) {}

  async list(
    caller: Caller,
    request: SearchRequest,
    workflowId?: string,
  ): Promise<ProcessInstanceListResultDTO> {
    let workflowWhere: WhereArgument | undefined;
    if (workflowId !== undefined) assertWorkflowId(workflowId);
    // Resolved once: it filters the page and answers for the workflow in the path. The run id
    // lookup of the search reads our own tables meanwhile, not after.
    const [scope, searchWhere] = await Promise.all([
      this.o.authorizer.scope(caller.credentials, 'read'),
      this.searchWhere(request.search),
    ]);
    if (workflowId !== undefined) {
      // The scope names deployed workflows only; a refusal is asked again for this one id,
      // so an undeployed one still answers 404 (not 403) to a caller allowed it by name.
      if (!scopeAllows(scope, workflowId)) {
        await this.o.authorizer.assertWorkflow(
          caller.credentials,
          workflowId,
          'read',
        );
      }
      if (!(await this.o.definitions.get(workflowId))) {
        throw new NotFoundError(`Workflow '${workflowId}' not found`);
      }
      workflowWhere = { processId: { equal: workflowId } };
    }
    return this.page(
      caller,
      request,
      allOf(
        workflowWhere,
        buildWhere(PROCESS_INSTANCE_TARGET, request.filters),
        searchWhere,
      ),
      scope,
    );
  }

  /**
   * The search's `where`, run ids by prefix included. The ids come from the backend's tables,
   * not the Data Index, and join the same query as the caller's scope and ownership: the
   * list stays one round-trip and shows no run the caller could not see by its full id.
   */
  private async searchWhere(
    search: unknown,
  ): Promise<WhereArgument | undefined> {
    const prefix = instanceIdPrefixOf(search);
    const idsStartingWith = prefix
      ? await this.o.runIds.startingWith(prefix, RUN_ID_PREFIX_MATCHES)
      : [];
    return buildSearch(PROCESS_INSTANCE_TARGET, search, { idsStartingWith });
  }

  async listForEntity(
    caller: Caller,
    request: GetInstancesForEntityRequestDTO,
  ): Promise<ProcessInstanceListResultDTO> {
    assertEntityRef(request.targetEntity, '/targetEntity');
    const entity = await entityRunsWhere(this.o.runStore, request.targetEntity);
    return this.page(
      caller,
      { paginationInfo: request.paginationInfo },
      entity,
    );
  }

  async get(
    caller: Caller,
    instanceId: string,
  ): Promise<ProcessInstanceDTO & { warnings?: string[] }> {
    const { instance, run, isInstanceAdmin, warnings } =
      await this.o.access.load(caller, instanceId, { action: 'read' });
    const includeVariables =
      isInstanceAdmin ||
      (await this.o.authorizer.isWorkflowAdmin(caller.credentials));
    const definition = await this.o.definitions
      .get(instance.processId)
      .catch(() => undefined);
    const dto = toInstanceDetails(instance, {
      run,
      definition,
      includeVariables,
    });
    return warnings.length ? { ...dto, warnings } : dto;
  }

  statuses(): WorkflowRunStatusDTO[] {
    return STATUS_LABELS;
  }

  /**
   * One page and its total in ONE Data Index round-trip. The caller's allowed
   * workflows and, unless instanceAdminView, ownership are part of the query,
   * so pages are full and totals true.
   */
  private async page(
    caller: Caller,
    request: SearchRequest,
    requestWhere: WhereArgument | undefined,
    knownScope?: WorkflowScope,
  ): Promise<ProcessInstanceListResultDTO> {
    const page = resolvePagination(
      PROCESS_INSTANCE_TARGET,
      request.paginationInfo,
      {
        pageSize: 20,
        orderBy: 'start',
        orderDirection: 'DESC',
      },
    );
    const [scope, isInstanceAdmin] = await Promise.all([
      knownScope ?? this.o.authorizer.scope(caller.credentials, 'read'),
      this.o.authorizer.isInstanceAdmin(caller.credentials),
    ]);
    if (scope.kind === 'none')
      return { items: [], paginationInfo: page.echo, totalCount: 0 };
    const where = allOf(
      scopeWhere(scope, 'processId'),
      await this.o.access.ownershipWhere(caller, isInstanceAdmin),
      requestWhere,
    );
    const result = await this.o.dataIndex.listInstances({
      where,
      orderBy: page.orderBy,
      pagination: page.pagination,
      withCount: true,
    });
    const [runs, definitions] = await Promise.all([
      this.o.runStore.getMany(result.data.map(i => i.id)),
      this.o.definitions.getAll().catch(() => new Map()),
    ]);
    const items = result.data.map(instance =>
      toInstanceListItem(instance, {
        run: runs.get(instance.id),
        definition: definitions.get(instance.processId),
      }),
    );
    const body: ProcessInstanceListResultDTO = {
      items,
      paginationInfo: page.echo,
      totalCount: result.totalCount ?? page.pagination.offset + items.length,
    };
    return result.warnings.length
      ? { ...body, warnings: result.warnings }
      : body;
  }
}
