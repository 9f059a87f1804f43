/*
 * Copyright The Orchestrator Suite Authors
 *
 * Licensed under the Apache License, Version 2.0.
 */

// One name per concept, derived from the generated OpenAPI types so the spec stays the only
// definition. Edit src/schema/openapi.yaml, run `yarn generate`, never edit these by hand.
import type { components } from '../generated/openapi.types';

type Schemas = components['schemas'];

/** @public */
export type ErrorResponse = Schemas['ErrorResponse'];
/** A failing field of a 400 answer; `path` is a JSON pointer. @public */
export type FieldErrorDTO = Schemas['FieldErrorDTO'];
/** @public */
export type PaginationInfoDTO = Schemas['PaginationInfoDTO'];
/** @public */
export type SearchRequest = Schemas['SearchRequest'];
/** @public */
export type Filter = Schemas['Filter'];
/** @public */
export type LogicalFilter = Schemas['LogicalFilter'];
/** @public */
export type FieldFilter = Schemas['FieldFilter'];
/** @public */
export type FieldFilterOperatorEnum = Schemas['FieldFilterOperatorEnum'];
/** @public */
export type NestedFilter = Schemas['NestedFilter'];
/** @public */
export type WorkflowFormatDTO = Schemas['WorkflowFormatDTO'];
/** @public */
export type WorkflowCategoryDTO = Schemas['WorkflowCategoryDTO'];
/** @public */
export type WorkflowOverviewDTO = Schemas['WorkflowOverviewDTO'];
/** @public */
export type WorkflowOverviewListResultDTO =
  Schemas['WorkflowOverviewListResultDTO'];
/** @public */
export type GetOverviewsForEntityRequestDTO =
  Schemas['GetOverviewsForEntityRequestDTO'];
/** @public */
export type InputSchemaResponseDTO = Schemas['InputSchemaResponseDTO'];
/** @public */
export type WorkflowAvailabilityResponseDTO =
  Schemas['WorkflowAvailabilityResponseDTO'];
/** @public */
export type WorkflowRunStatsDTO = Schemas['WorkflowRunStatsDTO'];
/** @public */
export type ProcessInstanceStatusDTO = Schemas['ProcessInstanceStatusDTO'];
/** @public */
export type WorkflowRunStatusDTO = Schemas['WorkflowRunStatusDTO'];
/** @public */
export type NodeInstanceDTO = Schemas['NodeInstanceDTO'];
/** @public */
export type ProcessInstanceErrorDTO = Schemas['ProcessInstanceErrorDTO'];
/** @public */
export type WorkflowSuggestionDTO = Schemas['WorkflowSuggestionDTO'];
/** @public */
export type WorkflowOutputFormatDTO = Schemas['WorkflowOutputFormatDTO'];
/** @public */
export type WorkflowOutputDTO = Schemas['WorkflowOutputDTO'];
/** @public */
export type WorkflowOptionDTO = Schemas['WorkflowOptionDTO'];
/** @public */
export type WorkflowOptionGroupDTO = Schemas['WorkflowOptionGroupDTO'];
/** @public */
export type WorkflowOptionsDTO = Schemas['WorkflowOptionsDTO'];
/** @public */
export type WorkflowResultDTO = Schemas['WorkflowResultDTO'];
/** @public */
export type WorkflowDataDTO = Schemas['WorkflowDataDTO'];
/** @public */
export type ProcessInstanceDTO = Schemas['ProcessInstanceDTO'];
/** @public */
export type ProcessInstanceListResultDTO =
  Schemas['ProcessInstanceListResultDTO'];
/** @public */
export type GetInstancesForEntityRequestDTO =
  Schemas['GetInstancesForEntityRequestDTO'];
/** @public */
export type AuthTokenDTO = Schemas['AuthTokenDTO'];
/** @public */
export type ExecuteWorkflowRequestDTO = Schemas['ExecuteWorkflowRequestDTO'];
/** @public */
export type ExecuteWorkflowResponseDTO = Schemas['ExecuteWorkflowResponseDTO'];
/** @public */
export type RetriggerInstanceRequestDTO =
  Schemas['RetriggerInstanceRequestDTO'];
/** @public */
export type RerunInstanceRequestDTO = Schemas['RerunInstanceRequestDTO'];
/** @public */
export type InstanceIdsRequestDTO = Schemas['InstanceIdsRequestDTO'];
/** @public */
export type BulkActionItemResultDTO = Schemas['BulkActionItemResultDTO'];
/** @public */
export type BulkActionResultDTO = Schemas['BulkActionResultDTO'];
/** Payload of the `orchestrator:instance:<id>` signal, sent to the run's owner only. @public */
export type InstanceSignalPayload = Schemas['InstanceSignalPayload'];
/** Content-free tick on `orchestrator:workflow:<id>`: some run changed, refetch. @public */
export type WorkflowChangedSignalPayload =
  Schemas['WorkflowChangedSignalPayload'];
/** Answer of `GET /health/details`. @public */
export type HealthDetailsDTO = Schemas['HealthDetailsDTO'];
/** Answer of `GET /v2/workflows/loadProblems` (admins only). @public */
export type WorkflowLoadProblemsDTO = Schemas['WorkflowLoadProblemsDTO'];
/** One workflow file that did not load, and why. @public */
export type WorkflowLoadProblemDTO = Schemas['WorkflowLoadProblemDTO'];
/** Auth tokens forwarded to a workflow service. @public */
export type AuthTokensDTO = Schemas['AuthTokensDTO'];
