import { usePermission } from '@backstage/plugin-permission-react';
import {
  orchestratorAdminViewPermission,
  orchestratorInstanceAdminViewPermission,
  orchestratorWorkflowUsePermission,
  orchestratorWorkflowUseSpecificPermission,
} from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import { useMemo } from 'react';

export interface Decision {
  loading: boolean;
  allowed: boolean;
}

/**
 * May the user start (and abort/retrigger/rerun runs of) this workflow? Either the generic
 * permission (possibly conditional on the workflow id) or RHDH 1.8's per-workflow name
 * `orchestrator.workflow.use.<workflowId>` grants it, as the backend decides.
 */
export function useCanUseWorkflow(workflowId: string | undefined): Decision {
  const generic = usePermission({
    permission: orchestratorWorkflowUsePermission,
    resourceRef: workflowId,
  });
  const specificPermission = useMemo(
    () => orchestratorWorkflowUseSpecificPermission(workflowId ?? ''),
    [workflowId],
  );
  const specific = usePermission({ permission: specificPermission });
  const allowed = generic.allowed || specific.allowed;
  return {
    // one allow is enough: do not wait for the other answer
    loading: !allowed && (generic.loading || specific.loading),
    allowed: Boolean(workflowId) && allowed,
  };
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
