import type { PermissionsRegistryService } from '@backstage/backend-plugin-api';
import type { OrchestratorPermissionSet } from './WorkflowAuthorizer';
import { orchestratorRules, orchestratorWorkflowResourceRef } from './rules';

/**
 * Registers the workflow resource type with its conditional rule and the
 * plugin's permissions. Resources are loaded by id alone: the only rule needs
 * nothing else, so no Data Index call happens per permission check.
 */
export function registerPermissions(
  registry: PermissionsRegistryService,
  set: OrchestratorPermissionSet,
) {
  registry.addResourceType({
    resourceRef: orchestratorWorkflowResourceRef,
    permissions: [set.workflowRead, set.workflowUse],
    rules: orchestratorRules,
    getResources: async resourceRefs => resourceRefs.map(id => ({ id })),
  });
  registry.addPermissions([set.workflowAdminView, set.instanceAdminView]);
}
