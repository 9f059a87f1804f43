import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import type { ExecutionService } from '../services/ExecutionService';
import type { InstanceService } from '../services/InstanceService';
import type { WorkflowService } from '../services/WorkflowService';
import type { WorkflowLogService } from '../workflowLogs/WorkflowLogService';
import type { PortalLinks } from './links';

/**
 * What the actions call: the very services behind the REST routes, so an agent is authorized,
 * scoped by ownership and validated exactly like the UI (the services do the checking).
 */
export interface OrchestratorActionsContext {
  registry: ActionsRegistryService;
  workflows: WorkflowService;
  instances: InstanceService;
  execution: ExecutionService;
  logs: WorkflowLogService;
  links: PortalLinks;
}
