import {
  orchestratorAdminViewPermission,
  orchestratorInstanceAdminViewPermission,
  orchestratorWorkflowPermission,
  orchestratorWorkflowSpecificPermission,
  orchestratorWorkflowUsePermission,
  orchestratorWorkflowUseSpecificPermission,
} from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import type { OrchestratorPermissionSet } from './WorkflowAuthorizer';

/** The permissions of orchestrator-common, by the role each plays here. */
export const orchestratorPermissionSet: OrchestratorPermissionSet = {
  workflowRead: orchestratorWorkflowPermission,
  workflowUse: orchestratorWorkflowUsePermission,
  workflowAdminView: orchestratorAdminViewPermission,
  instanceAdminView: orchestratorInstanceAdminViewPermission,
  workflowReadFor: orchestratorWorkflowSpecificPermission,
  workflowUseFor: orchestratorWorkflowUseSpecificPermission,
};
