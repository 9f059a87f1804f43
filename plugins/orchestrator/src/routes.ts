import { createRouteRef, createSubRouteRef } from '@backstage/core-plugin-api';

/** Root of the plugin, mounted by the host at `/orchestrator`. @public */
export const orchestratorRootRouteRef = createRouteRef({ id: 'orchestrator' });

/** @public */
export const workflowRouteRef = createSubRouteRef({
  id: 'orchestrator/workflow',
  parent: orchestratorRootRouteRef,
  path: '/workflows/:workflowId',
});

/** @public */
export const executeWorkflowRouteRef = createSubRouteRef({
  id: 'orchestrator/workflow/execute',
  parent: orchestratorRootRouteRef,
  path: '/workflows/:workflowId/execute',
});

/** @public */
export const workflowInstanceRouteRef = createSubRouteRef({
  id: 'orchestrator/instance',
  parent: orchestratorRootRouteRef,
  path: '/instances/:instanceId',
});
