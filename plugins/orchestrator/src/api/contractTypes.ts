// TEMPORARY: stands in for the generated types of
// @orchestrator-suite/backstage-plugin-orchestrator-common until that package
// exports them; then this file becomes re-exports only. Field names follow
// docs/TEAM-BRIEF.md (the agreed contract).

export type ProcessInstanceStatusDTO =
  | 'ACTIVE'
  | 'ERROR'
  | 'COMPLETED'
  | 'ABORTED'
  | 'SUSPENDED'
  | 'PENDING';

export interface PaginationInfoDTO {
  pageSize?: number;
  offset?: number;
  orderBy?: string;
  orderDirection?: 'ASC' | 'DESC';
}

export type FieldFilterOperator =
  | 'EQ'
  | 'GT'
  | 'GTE'
  | 'LT'
  | 'LTE'
  | 'IN'
  | 'IS_NULL'
  | 'LIKE'
  | 'BETWEEN';

export interface FieldFilter {
  field: string;
  operator: FieldFilterOperator;
  value?: unknown;
}
export interface LogicalFilter {
  operator: 'AND' | 'OR' | 'NOT';
  filters: Filter[];
}
export interface NestedFilter {
  field: string;
  nested: Filter;
}
export type Filter = FieldFilter | LogicalFilter | NestedFilter;

export interface SearchRequest {
  paginationInfo?: PaginationInfoDTO;
  filters?: Filter;
  search?: string;
}

export interface WorkflowAvailabilityResponseDTO {
  isAvailable: boolean;
  statusCode?: number;
  urlToFetch?: string;
  reason?: string;
  checkedAt?: string;
}

export interface WorkflowRunStatsDTO {
  successRatio?: number;
  runsLastMonth?: number;
  successCount?: number;
  errorCount?: number;
  totalCount?: number;
  averageTimeToComplete?: number;
}

export interface WorkflowOverviewDTO {
  workflowId: string;
  name?: string;
  format: 'yaml' | 'json';
  version?: string;
  description?: string;
  lastRunId?: string;
  lastTriggeredMs?: number;
  lastRunStatus?: ProcessInstanceStatusDTO;
  isAvailable?: boolean;
  availability?: WorkflowAvailabilityResponseDTO;
  annotations?: string[];
  category?: 'assessment' | 'infrastructure';
  stats?: WorkflowRunStatsDTO;
}

export interface WorkflowOverviewListResultDTO {
  overviews: WorkflowOverviewDTO[];
  paginationInfo: PaginationInfoDTO;
  totalCount: number;
  warnings?: string[];
}

export interface NodeInstanceDTO {
  id: string;
  name?: string;
  type?: string;
  enter?: string;
  exit?: string;
  definitionId?: string;
  nodeId?: string;
}

export interface WorkflowSuggestionDTO {
  id: string;
  name: string;
}

export interface WorkflowResultOutputDTO {
  key: string;
  value: unknown;
  format?: 'text' | 'number' | 'link' | 'markdown';
}

export type WorkflowOptionDTO = WorkflowSuggestionDTO | WorkflowSuggestionDTO[];

export interface WorkflowOptionsDTO {
  currentVersion?: WorkflowOptionDTO;
  upgradeOptions?: WorkflowOptionDTO;
  migrateOptions?: WorkflowOptionDTO;
  newOptions?: WorkflowOptionDTO;
  continuationOptions?: WorkflowOptionDTO;
  otherOptions?: WorkflowOptionDTO;
}

export interface WorkflowResultDTO {
  message?: string;
  nextWorkflows?: WorkflowSuggestionDTO[];
  outputs?: WorkflowResultOutputDTO[];
  completedWith?: 'error' | 'success';
  workflowOptions?: WorkflowOptionsDTO;
}

export interface ProcessInstanceDTO {
  id: string;
  processId: string;
  processName?: string;
  version?: string;
  state?: ProcessInstanceStatusDTO;
  endpoint?: string;
  serviceUrl?: string;
  start?: string;
  end?: string;
  duration?: number;
  lastUpdate?: string;
  description?: string;
  workflowdata?: { result?: WorkflowResultDTO; [key: string]: unknown };
  inputData?: Record<string, unknown>;
  initiatorEntity?: string;
  targetEntity?: string;
  executionSummary?: string[];
  nodes?: NodeInstanceDTO[];
  error?: { nodeDefinitionId: string; message?: string };
  parentProcessInstanceId?: string;
  rootProcessInstanceId?: string;
  rerunOf?: string;
  variables?: Record<string, unknown>;
}

export interface ProcessInstanceListResultDTO {
  items: ProcessInstanceDTO[];
  paginationInfo: PaginationInfoDTO;
  totalCount: number;
  warnings?: string[];
}

export interface InputSchemaResponseDTO {
  inputSchema?: Record<string, unknown>;
  data?: Record<string, unknown>;
}

export interface WorkflowRunStatusDTO {
  key: string;
  value: string;
}

export interface ExecuteWorkflowRequestDTO {
  inputData?: Record<string, unknown>;
  authTokens?: { provider: string; token: string }[];
  targetEntity?: string;
}

export interface ExecuteWorkflowResponseDTO {
  id: string;
}

export interface BulkActionResultDTO {
  results: { instanceId: string; ok: boolean; error?: string }[];
}

export interface InstanceSignalPayload {
  type: 'instance-updated';
  instanceId: string;
  workflowId: string;
  state: ProcessInstanceStatusDTO;
  lastUpdate?: string;
  nodeDefinitionId?: string;
}
