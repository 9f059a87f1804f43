import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import {
  createOrchestratorClient,
  ExecuteWorkflowRequestDTO,
  OrchestratorClient as TypedOrchestratorClient,
  PaginationInfoDTO,
  ProcessInstanceDTO,
  SearchRequest,
  WorkflowOverviewDTO,
} from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import { OrchestratorApi } from './OrchestratorApi';

/** @public */
export interface OrchestratorClientOptions {
  discoveryApi: DiscoveryApi;
  fetchApi: FetchApi;
}

/**
 * The UI's client of the backend plugin `orchestrator`. Paths, methods and
 * body types come from the typed client generated from the OpenAPI document
 * in orchestrator-common, so this class only adapts names. Requests go
 * through `fetchApi` (the user's Backstage token); a non-2xx answer rejects
 * with `ResponseError`, whose status tells a Data Index outage (503) and
 * whose body carries the field paths of a 400.
 * @public
 */
export class OrchestratorClient implements OrchestratorApi {
  static create(options: OrchestratorClientOptions): OrchestratorClient {
    return new OrchestratorClient(options);
  }

  private readonly client: TypedOrchestratorClient;

  private constructor(options: OrchestratorClientOptions) {
    this.client = createOrchestratorClient({
      baseUrl: () => options.discoveryApi.getBaseUrl('orchestrator'),
      fetch: (input, init) => options.fetchApi.fetch(input, init),
    });
  }

  getWorkflowsOverview(request: SearchRequest = {}) {
    return this.client.getWorkflowsOverview({ body: request });
  }

  getWorkflowsOverviewForEntity(options: {
    targetEntity: string;
    annotationWorkflowIds: string[];
  }) {
    return this.client.getWorkflowsOverviewForEntity({ body: options });
  }

  getWorkflowNames() {
    return this.client.getWorkflowNames();
  }

  getWorkflowOverview(workflowId: string): Promise<WorkflowOverviewDTO> {
    return this.client.getWorkflowOverviewById({ path: { workflowId } });
  }

  async getWorkflowSource(workflowId: string): Promise<string> {
    return String(
      await this.client.getWorkflowSourceById({ path: { workflowId } }),
    );
  }

  getWorkflowInputSchema(
    workflowId: string,
    options?: { instanceId?: string },
  ) {
    return this.client.getWorkflowInputSchemaById({
      path: { workflowId },
      query: options?.instanceId
        ? { instanceId: options.instanceId }
        : undefined,
    });
  }

  getWorkflowAvailability(workflowId: string) {
    return this.client.getWorkflowAvailability({ path: { workflowId } });
  }

  getWorkflowRunStats(workflowId: string) {
    return this.client.getWorkflowRunStats({ path: { workflowId } });
  }

  getWorkflowLoadProblems() {
    return this.client.getWorkflowLoadProblems();
  }

  getInstances(request: SearchRequest = {}) {
    return this.client.getInstances({ body: request });
  }

  getWorkflowInstances(workflowId: string, request: SearchRequest = {}) {
    return this.client.getWorkflowInstances({
      path: { workflowId },
      body: request,
    });
  }

  getInstancesForEntity(options: {
    targetEntity: string;
    paginationInfo?: PaginationInfoDTO;
  }) {
    return this.client.getInstancesForEntity({ body: options });
  }

  getInstance(instanceId: string): Promise<ProcessInstanceDTO> {
    return this.client.getInstanceById({ path: { instanceId } });
  }

  getWorkflowLogs(instanceId: string, options?: { rawlog?: boolean }) {
    return this.client.getWorkflowLogById({
      path: { instanceId },
      query:
        options?.rawlog === undefined ? undefined : { rawlog: options.rawlog },
    });
  }

  getWorkflowStatuses() {
    return this.client.getWorkflowStatuses();
  }

  executeWorkflow(workflowId: string, request: ExecuteWorkflowRequestDTO) {
    return this.client.executeWorkflow({ path: { workflowId }, body: request });
  }

  async retriggerInstance(workflowId: string, instanceId: string) {
    await this.client.retriggerInstance({
      path: { workflowId, instanceId },
      body: {},
    });
  }

  async abortInstance(instanceId: string) {
    await this.client.abortWorkflow({ path: { instanceId } });
  }

  rerunInstance(
    workflowId: string,
    instanceId: string,
    request: {
      inputData?: Record<string, unknown>;
      targetEntity?: string;
      idempotencyKey?: string;
    } = {},
  ) {
    return this.client.rerunInstance({
      path: { workflowId, instanceId },
      body: request,
    });
  }

  abortInstances(instanceIds: string[]) {
    return this.client.abortInstances({ body: { instanceIds } });
  }

  retriggerInstances(instanceIds: string[]) {
    return this.client.retriggerInstances({ body: { instanceIds } });
  }
}
