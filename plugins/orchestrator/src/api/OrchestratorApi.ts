import { createApiRef } from '@backstage/core-plugin-api';
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
  WorkflowLoadProblemsDTO,
  WorkflowLogsResponse,
  WorkflowNamesDTO,
  WorkflowOverviewDTO,
  WorkflowOverviewListResultDTO,
  WorkflowRunStatsDTO,
  WorkflowRunStatusDTO,
} from '@orchestrator-suite/backstage-plugin-orchestrator-common';

/**
 * What the Orchestrator UI needs from the backend plugin (`/api/orchestrator`).
 * One method per operation of the agreed REST contract.
 * @public
 */
export interface OrchestratorApi {
  getWorkflowsOverview(
    request?: SearchRequest,
  ): Promise<WorkflowOverviewListResultDTO>;
  getWorkflowsOverviewForEntity(options: {
    targetEntity: string;
    annotationWorkflowIds: string[];
  }): Promise<WorkflowOverviewListResultDTO>;
  /** Readable workflows' ids and names, by name: for pickers, without figures or probes. */
  getWorkflowNames(): Promise<WorkflowNamesDTO>;
  getWorkflowOverview(workflowId: string): Promise<WorkflowOverviewDTO>;
  getWorkflowSource(workflowId: string): Promise<string>;
  getWorkflowInputSchema(
    workflowId: string,
    options?: { instanceId?: string },
  ): Promise<InputSchemaResponseDTO>;
  getWorkflowAvailability(
    workflowId: string,
  ): Promise<WorkflowAvailabilityResponseDTO>;
  getWorkflowRunStats(workflowId: string): Promise<WorkflowRunStatsDTO>;
  /** Deployed workflows that did not load, and why; admins only (403 for others). */
  getWorkflowLoadProblems(): Promise<WorkflowLoadProblemsDTO>;
  getInstances(request?: SearchRequest): Promise<ProcessInstanceListResultDTO>;
  getWorkflowInstances(
    workflowId: string,
    request?: SearchRequest,
  ): Promise<ProcessInstanceListResultDTO>;
  getInstancesForEntity(options: {
    targetEntity: string;
    paginationInfo?: PaginationInfoDTO;
  }): Promise<ProcessInstanceListResultDTO>;
  getInstance(instanceId: string): Promise<ProcessInstanceDTO>;
  /**
   * A run's log lines, oldest first, from the backend's log provider. `rawlog: true` gives each
   * line as stored; otherwise it starts with its time. 501 when no provider is configured.
   */
  getWorkflowLogs(
    instanceId: string,
    options?: { rawlog?: boolean },
  ): Promise<WorkflowLogsResponse>;
  getWorkflowStatuses(): Promise<WorkflowRunStatusDTO[]>;
  executeWorkflow(
    workflowId: string,
    request: ExecuteWorkflowRequestDTO,
  ): Promise<ExecuteWorkflowResponseDTO>;
  retriggerInstance(workflowId: string, instanceId: string): Promise<void>;
  abortInstance(instanceId: string): Promise<void>;
  rerunInstance(
    workflowId: string,
    instanceId: string,
    request?: {
      inputData?: Record<string, unknown>;
      targetEntity?: string;
      /** The same for every retry of one rerun (see ExecuteWorkflowRequestDTO). */
      idempotencyKey?: string;
    },
  ): Promise<ExecuteWorkflowResponseDTO>;
  abortInstances(instanceIds: string[]): Promise<BulkActionResultDTO>;
  retriggerInstances(instanceIds: string[]): Promise<BulkActionResultDTO>;
}

/** @public */
export const orchestratorApiRef = createApiRef<OrchestratorApi>({
  id: 'plugin.orchestrator.service',
});
