import { usePermission } from '@backstage/plugin-permission-react';
import {
  orchestratorAdminViewPermission,
  orchestratorInstanceAdminViewPermission,
  orchestratorWorkflowUsePermission,
} from '@orchestrator-suite/backstage-plugin-orchestrator-common';

export interface Decision {
  loading: boolean;
  allowed: boolean;
}

/** May the user start (and abort/retrigger/rerun runs of) this workflow? */
export function useCanUseWorkflow(workflowId: string | undefined): Decision {
  const { loading, allowed } = usePermission({
    permission: orchestratorWorkflowUsePermission,
    resourceRef: workflowId,
  });
  return { loading, allowed: Boolean(workflowId) && allowed };
}

/**
 * Admin views: all runs of everyone (run-by column and filter, bulk actions)
 * and raw variables. Either admin permission grants them.
 */
export function useIsOrchestratorAdmin(): Decision {
  const workflowAdmin = usePermission({
    permission: orchestratorAdminViewPermission,
  });
  const instanceAdmin = usePermission({
    permission: orchestratorInstanceAdminViewPermission,
  });
  return {
    loading: workflowAdmin.loading || instanceAdmin.loading,
    allowed: workflowAdmin.allowed || instanceAdmin.allowed,
  };
}
