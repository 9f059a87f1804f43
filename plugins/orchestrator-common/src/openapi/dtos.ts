/*
 * Copyright The Orchestrator Suite Authors
 *
 * Licensed under the Apache License, Version 2.0.
 */

// One name per concept, derived from the generated OpenAPI types so the spec stays the only
// definition. Edit src/schema/openapi.yaml, run `yarn generate`, never edit these by hand.
import type { components } from '../generated/openapi.types';

/** Every schema of the OpenAPI document, by name; the DTOs below are its members. @public */
export type OrchestratorSchemas = components['schemas'];

/** @public */
export type ErrorResponse = OrchestratorSchemas['ErrorResponse'];
/** A failing field of a 400 answer; `path` is a JSON pointer. @public */
export type FieldErrorDTO = OrchestratorSchemas['FieldErrorDTO'];
/** @public */
export type PaginationInfoDTO = OrchestratorSchemas['PaginationInfoDTO'];
/** @public */
export type SearchRequest = OrchestratorSchemas['SearchRequest'];
/** @public */
export type Filter = OrchestratorSchemas['Filter'];
/** @public */
export type LogicalFilter = OrchestratorSchemas['LogicalFilter'];
/** @public */
export type FieldFilter = OrchestratorSchemas['FieldFilter'];
/** @public */
export type FieldFilterOperatorEnum =
  OrchestratorSchemas['FieldFilterOperatorEnum'];
/** @public */
export type NestedFilter = OrchestratorSchemas['NestedFilter'];
/** @public */
export type WorkflowFormatDTO = OrchestratorSchemas['WorkflowFormatDTO'];
/** @public */
export type WorkflowCategoryDTO = OrchestratorSchemas['WorkflowCategoryDTO'];
/** @public */
export type WorkflowOverviewDTO = OrchestratorSchemas['WorkflowOverviewDTO'];
/** @public */
export type WorkflowOverviewListResultDTO =
  OrchestratorSchemas['WorkflowOverviewListResultDTO'];
/** Answer of `GET /v2/workflows/names`: readable workflows by name, nothing else. @public */
export type WorkflowNamesDTO = OrchestratorSchemas['WorkflowNamesDTO'];
/** @public */
export type WorkflowNameDTO = OrchestratorSchemas['WorkflowNameDTO'];
/** Where run figures came from, and whether the run index is still being built. @public */
export type RunStatisticsDTO = OrchestratorSchemas['RunStatisticsDTO'];
/** @public */
export type GetOverviewsForEntityRequestDTO =
  OrchestratorSchemas['GetOverviewsForEntityRequestDTO'];
/** @public */
export type InputSchemaResponseDTO =
  OrchestratorSchemas['InputSchemaResponseDTO'];
/** @public */
export type WorkflowAvailabilityResponseDTO =
  OrchestratorSchemas['WorkflowAvailabilityResponseDTO'];
/** @public */
export type WorkflowRunStatsDTO = OrchestratorSchemas['WorkflowRunStatsDTO'];
/** @public */
export type ProcessInstanceStatusDTO =
  OrchestratorSchemas['ProcessInstanceStatusDTO'];
/** @public */
export type WorkflowRunStatusDTO = OrchestratorSchemas['WorkflowRunStatusDTO'];
/** @public */
export type NodeInstanceDTO = OrchestratorSchemas['NodeInstanceDTO'];
/** @public */
export type ProcessInstanceErrorDTO =
  OrchestratorSchemas['ProcessInstanceErrorDTO'];
/** @public */
export type WorkflowSuggestionDTO =
  OrchestratorSchemas['WorkflowSuggestionDTO'];
/** @public */
export type WorkflowOutputFormatDTO =
  OrchestratorSchemas['WorkflowOutputFormatDTO'];
/** @public */
export type WorkflowOutputDTO = OrchestratorSchemas['WorkflowOutputDTO'];
/** @public */
export type WorkflowOptionDTO = OrchestratorSchemas['WorkflowOptionDTO'];
/** @public */
export type WorkflowOptionGroupDTO =
  OrchestratorSchemas['WorkflowOptionGroupDTO'];
/** @public */
export type WorkflowOptionsDTO = OrchestratorSchemas['WorkflowOptionsDTO'];
/** @public */
export type WorkflowResultDTO = OrchestratorSchemas['WorkflowResultDTO'];
/** @public */
export type WorkflowDataDTO = OrchestratorSchemas['WorkflowDataDTO'];
/** @public */
export type ProcessInstanceDTO = OrchestratorSchemas['ProcessInstanceDTO'];
/** @public */
export type ProcessInstanceListResultDTO =
  OrchestratorSchemas['ProcessInstanceListResultDTO'];
/** @public */
export type GetInstancesForEntityRequestDTO =
  OrchestratorSchemas['GetInstancesForEntityRequestDTO'];
/** @public */
export type AuthTokenDTO = OrchestratorSchemas['AuthTokenDTO'];
/** @public */
export type ExecuteWorkflowRequestDTO =
  OrchestratorSchemas['ExecuteWorkflowRequestDTO'];
/** @public */
export type ExecuteWorkflowResponseDTO =
  OrchestratorSchemas['ExecuteWorkflowResponseDTO'];
/** @public */
export type RetriggerInstanceRequestDTO =
  OrchestratorSchemas['RetriggerInstanceRequestDTO'];
/** @public */
export type RerunInstanceRequestDTO =
  OrchestratorSchemas['RerunInstanceRequestDTO'];
/** @public */
export type InstanceIdsRequestDTO =
  OrchestratorSchemas['InstanceIdsRequestDTO'];
/** @public */
export type BulkActionItemResultDTO =
  OrchestratorSchemas['BulkActionItemResultDTO'];
/** @public */
export type BulkActionResultDTO = OrchestratorSchemas['BulkActionResultDTO'];
/** Payload of the `orchestrator:instance:<id>` signal, sent to the run's owner only. @public */
export type InstanceSignalPayload =
  OrchestratorSchemas['InstanceSignalPayload'];
/** Content-free tick on `orchestrator:workflow:<id>`: some run changed, refetch. @public */
export type WorkflowChangedSignalPayload =
  OrchestratorSchemas['WorkflowChangedSignalPayload'];
/** Answer of `GET /health/details`. @public */
export type HealthDetailsDTO = OrchestratorSchemas['HealthDetailsDTO'];
/** Answer of `GET /v2/workflows/loadProblems` (admins only). @public */
export type WorkflowLoadProblemsDTO =
  OrchestratorSchemas['WorkflowLoadProblemsDTO'];
/** One workflow file that did not load, and why. @public */
export type WorkflowLoadProblemDTO =
  OrchestratorSchemas['WorkflowLoadProblemDTO'];
/** Auth tokens forwarded to a workflow service. @public */
export type AuthTokensDTO = OrchestratorSchemas['AuthTokensDTO'];
/** Answer of `GET /v2/workflows/instances/{instanceId}/logs` (upstream RHDH's name). @public */
export type WorkflowLogsResponse = OrchestratorSchemas['WorkflowLogsResponse'];
/** One log line of a run. @public */
export type WorkflowLogEntry = OrchestratorSchemas['WorkflowLogEntry'];
