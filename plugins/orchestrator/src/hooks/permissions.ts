// TEMPORARY: the permissions belong to orchestrator-common; switch these
// imports to it as soon as it exports them (same names and ids as the contract).
import { createPermission } from '@backstage/plugin-permission-common';

export const orchestratorWorkflowUsePermission = createPermission({
  name: 'orchestrator.workflow.use',
  attributes: { action: 'update' },
  resourceType: 'orchestrator-workflow',
});

export const orchestratorAdminViewPermission = createPermission({
  name: 'orchestrator.workflowAdminView',
  attributes: { action: 'read' },
});

export const orchestratorInstanceAdminViewPermission = createPermission({
  name: 'orchestrator.instanceAdminView',
  attributes: { action: 'read' },
});
