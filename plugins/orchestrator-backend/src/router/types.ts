import type { ApiRouter } from '@backstage/backend-openapi-utils';
import type { OrchestratorOpenApiSpec } from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import type { ExecutionService } from '../services/ExecutionService';
import type { WorkflowLogService } from '../workflowLogs/WorkflowLogService';
import type { InstanceService } from '../services/InstanceService';
import type { LoadProblemsService } from '../services/LoadProblemsService';
import type { WorkflowService } from '../services/WorkflowService';
import type { StepContext } from './steps';

/** The router typed by the OpenAPI document. */
export type OrchestratorRouter = ApiRouter<OrchestratorOpenApiSpec>;

export interface RouterServices extends StepContext {
  workflows: WorkflowService;
  instances: InstanceService;
  execution: ExecutionService;
  loadProblems: LoadProblemsService;
  logs: WorkflowLogService;
}
