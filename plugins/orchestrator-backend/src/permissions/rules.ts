import {
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import {
  IS_ALLOWED_WORKFLOW_ID,
  RESOURCE_TYPE_ORCHESTRATOR_WORKFLOW,
} from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import { z } from 'zod';

/** The workflow as the permission framework sees it: its id is all the rule needs. */
export interface WorkflowResource {
  id: string;
}

/** Query form of the rule, turned into a Data Index `in` filter by WorkflowAuthorizer. */
export interface WorkflowIdsQuery {
  key: 'workflowIds';
  values: string[];
}

export const orchestratorWorkflowResourceRef = createPermissionResourceRef<
  WorkflowResource,
  WorkflowIdsQuery
>().with({
  pluginId: 'orchestrator',
  resourceType: RESOURCE_TYPE_ORCHESTRATOR_WORKFLOW as 'orchestrator-workflow',
});

/** Conditional rule used by RBAC policies: the workflow id is one of `workflowIds`. */
export const isAllowedWorkflowIdRule = createPermissionRule({
  name: IS_ALLOWED_WORKFLOW_ID,
  description: 'Allow the listed workflow ids',
  resourceRef: orchestratorWorkflowResourceRef,
  paramsSchema: z.object({
    workflowIds: z.array(z.string()).describe('Workflow ids to allow'),
  }),
  apply: (resource, { workflowIds }) => workflowIds.includes(resource.id),
  toQuery: ({ workflowIds }) => ({ key: 'workflowIds', values: workflowIds }),
});

export const orchestratorRules = [isAllowedWorkflowIdRule];
