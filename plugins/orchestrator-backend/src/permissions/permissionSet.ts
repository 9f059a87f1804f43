import { createPermission } from '@backstage/plugin-permission-common';
import type { OrchestratorPermissionSet } from './WorkflowAuthorizer';
import { RESOURCE_TYPE_ORCHESTRATOR_WORKFLOW } from './rules';

// Stopgap until orchestrator-common exports the permission definitions: the
// framework matches permissions by name, and these are the contract's names.
// Replace with the common exports in this one file.
export const orchestratorPermissionSet: OrchestratorPermissionSet = {
  workflowRead: createPermission({
    name: 'orchestrator.workflow',
    attributes: { action: 'read' },
    resourceType: RESOURCE_TYPE_ORCHESTRATOR_WORKFLOW,
  }),
  workflowUse: createPermission({
    name: 'orchestrator.workflow.use',
    attributes: { action: 'update' },
    resourceType: RESOURCE_TYPE_ORCHESTRATOR_WORKFLOW,
  }),
  workflowAdminView: createPermission({
    name: 'orchestrator.workflowAdminView',
    attributes: { action: 'read' },
  }),
  instanceAdminView: createPermission({
    name: 'orchestrator.instanceAdminView',
    attributes: { action: 'read' },
  }),
};
