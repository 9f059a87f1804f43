import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { OrchestratorApi } from './OrchestratorApi';
import {
  BulkActionResultDTO,
  ExecuteWorkflowRequestDTO,
  ExecuteWorkflowResponseDTO,
  InputSchemaResponseDTO,
  PaginationInfoDTO,
  ProcessInstanceDTO,
  ProcessInstanceListResultDTO,
  SearchRequest,
  WorkflowAvailabilityResponseDTO,
  WorkflowOverviewDTO,
  WorkflowOverviewListResultDTO,
  WorkflowRunStatsDTO,
  WorkflowRunStatusDTO,
} from '@orchestrator-suite/backstage-plugin-orchestrator-common';

/** @public */
export interface OrchestratorClientOptions {
  discoveryApi: DiscoveryApi;
  fetchApi: FetchApi;
}

type Method = 'GET' | 'POST' | 'DELETE';

const e = encodeURIComponent;

/**
 * Talks to the backend plugin `orchestrator` over `fetchApi` (which adds the
 * user's Backstage token). Every non-2xx answer becomes a `ResponseError`, so
 * components can read `error.response.status` (503 = Data Index down) and
 * `error.body` (field paths of a 400).
 * @public
 */
export class OrchestratorClient implements OrchestratorApi {
  static create(options: OrchestratorClientOptions): OrchestratorClient {
    return new OrchestratorClient(options);
  }

  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  private constructor(options: OrchestratorClientOptions) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  getWorkflowsOverview(request: SearchRequest = {}) {
    return this.json<WorkflowOverviewListResultDTO>(
      'POST',
      '/v2/workflows/overview',
      request,
    );
  }

  getWorkflowsOverviewForEntity(options: {
    targetEntity: string;
    annotationWorkflowIds: string[];
  }) {
    return this.json<WorkflowOverviewListResultDTO>(
      'POST',
      '/v2/workflows/overview/entity',
      options,
    );
  }

  getWorkflowOverview(workflowId: string) {
    return this.json<WorkflowOverviewDTO>(
      'GET',
      `/v2/workflows/${e(workflowId)}/overview`,
    );
  }

  async getWorkflowSource(workflowId: string): Promise<string> {
    const response = await this.request(
      'GET',
      `/v2/workflows/${e(workflowId)}/source`,
    );
    return response.text();
  }

  getWorkflowInputSchema(
    workflowId: string,
    options?: { instanceId?: string },
  ) {
    const query = options?.instanceId
      ? `?instanceId=${e(options.instanceId)}`
      : '';
    return this.json<InputSchemaResponseDTO>(
      'GET',
      `/v2/workflows/${e(workflowId)}/inputSchema${query}`,
    );
  }

  getWorkflowAvailability(workflowId: string) {
    return this.json<WorkflowAvailabilityResponseDTO>(
      'GET',
      `/v2/workflows/${e(workflowId)}/availability`,
    );
  }

  getWorkflowRunStats(workflowId: string) {
    return this.json<WorkflowRunStatsDTO>(
      'GET',
      `/v2/workflows/${e(workflowId)}/stats`,
    );
  }

  getInstances(request: SearchRequest = {}) {
    return this.json<ProcessInstanceListResultDTO>(
      'POST',
      '/v2/workflows/instances',
      request,
    );
  }

  getWorkflowInstances(workflowId: string, request: SearchRequest = {}) {
    return this.json<ProcessInstanceListResultDTO>(
      'POST',
      `/v2/workflows/${e(workflowId)}/instances`,
      request,
    );
  }

  getInstancesForEntity(options: {
    targetEntity: string;
    paginationInfo?: PaginationInfoDTO;
  }) {
    return this.json<ProcessInstanceListResultDTO>(
      'POST',
      '/v2/workflows/instances/entity',
      options,
    );
  }

  getInstance(instanceId: string) {
    return this.json<ProcessInstanceDTO>(
      'GET',
      `/v2/workflows/instances/${e(instanceId)}`,
    );
  }

  getWorkflowStatuses() {
    return this.json<WorkflowRunStatusDTO[]>(
      'GET',
      '/v2/workflows/instances/statuses',
    );
  }

  executeWorkflow(workflowId: string, request: ExecuteWorkflowRequestDTO) {
    return this.json<ExecuteWorkflowResponseDTO>(
      'POST',
      `/v2/workflows/${e(workflowId)}/execute`,
      request,
    );
  }

  async retriggerInstance(workflowId: string, instanceId: string) {
    await this.request(
      'POST',
      `/v2/workflows/${e(workflowId)}/${e(instanceId)}/retrigger`,
      {},
    );
  }

  async abortInstance(instanceId: string) {
    await this.request(
      'DELETE',
      `/v2/workflows/instances/${e(instanceId)}/abort`,
    );
  }

  rerunInstance(
    workflowId: string,
    instanceId: string,
    request: {
      inputData?: Record<string, unknown>;
      targetEntity?: string;
    } = {},
  ) {
    return this.json<ExecuteWorkflowResponseDTO>(
      'POST',
      `/v2/workflows/${e(workflowId)}/instances/${e(instanceId)}/rerun`,
      request,
    );
  }

  abortInstances(instanceIds: string[]) {
    return this.json<BulkActionResultDTO>(
      'POST',
      '/v2/workflows/instances/abort',
      { instanceIds },
    );
  }

  retriggerInstances(instanceIds: string[]) {
    return this.json<BulkActionResultDTO>(
      'POST',
      '/v2/workflows/instances/retrigger',
      { instanceIds },
    );
  }

  private async json<T>(method: Method, path: string, body?: unknown) {
    const response = await this.request(method, path, body);
    return (await response.json()) as T;
  }

  private async request(
    method: Method,
    path: string,
    body?: unknown,
  ): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl('orchestrator');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, {
      method,
      headers:
        body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}
