/*
 * Copyright The Orchestrator Suite Authors
 *
 * Licensed under the Apache License, Version 2.0.
 */
import {
  createPermission,
  PermissionCondition,
} from '@backstage/plugin-permission-common';

/** Resource type of workflows, for conditional (per-workflow) policies. @public */
export const RESOURCE_TYPE_ORCHESTRATOR_WORKFLOW = 'orchestrator-workflow';

/** See workflows and their runs. Conditional on the workflow id. @public */
export const orchestratorWorkflowPermission = createPermission({
  name: 'orchestrator.workflow',
  attributes: { action: 'read' },
  resourceType: RESOURCE_TYPE_ORCHESTRATOR_WORKFLOW,
});

/** Start, abort, retrigger and rerun workflows. Conditional on the workflow id. @public */
export const orchestratorWorkflowUsePermission = createPermission({
  name: 'orchestrator.workflow.use',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_ORCHESTRATOR_WORKFLOW,
});

/**
 * RHDH 1.8's per-workflow read permission, `orchestrator.workflow.<workflowId>` (action `read`),
 * as RBAC policies written for it name it. An allow on it grants reading that one workflow and
 * its runs, in addition to whatever `orchestrator.workflow` grants. Upstream deprecates these
 * names in favour of {@link IS_ALLOWED_WORKFLOW_ID}; both are honoured here.
 * @public
 */
export function orchestratorWorkflowSpecificPermission(workflowId: string) {
  return createPermission({
    name: `${orchestratorWorkflowPermission.name}.${workflowId}`,
    attributes: { action: 'read' },
  });
}

/**
 * RHDH 1.8's per-workflow use permission, `orchestrator.workflow.use.<workflowId>` (action
 * `update`): start, abort, retrigger and rerun that one workflow.
 * @public
 */
export function orchestratorWorkflowUseSpecificPermission(workflowId: string) {
  return createPermission({
    name: `${orchestratorWorkflowUsePermission.name}.${workflowId}`,
    attributes: { action: 'update' },
  });
}

/** See administrative details of workflows (e.g. process variables). @public */
export const orchestratorAdminViewPermission = createPermission({
  name: 'orchestrator.workflowAdminView',
  attributes: { action: 'read' },
});

/** See and act on every user's runs, not only one's own. @public */
export const orchestratorInstanceAdminViewPermission = createPermission({
  name: 'orchestrator.instanceAdminView',
  attributes: { action: 'read' },
});

/** Every permission of the plugin, for registration with the permission framework. @public */
export const orchestratorPermissions = [
  orchestratorWorkflowPermission,
  orchestratorWorkflowUsePermission,
  orchestratorAdminViewPermission,
  orchestratorInstanceAdminViewPermission,
];

/**
 * Name of the conditional rule that allows the listed workflow ids. The rule itself (toQuery,
 * apply) lives in the backend; policies refer to it by this name.
 * @public
 */
export const IS_ALLOWED_WORKFLOW_ID = 'IS_ALLOWED_WORKFLOW_ID';

/** Parameters of {@link IS_ALLOWED_WORKFLOW_ID}. @public */
export type IsAllowedWorkflowIdParams = {
  /** Workflow ids the policy allows */
  workflowIds: string[];
};

/** JSON Schema of {@link IsAllowedWorkflowIdParams}, as the rule's metadata reports it. @public */
export const isAllowedWorkflowIdParamsSchema = {
  type: 'object',
  properties: {
    workflowIds: {
      type: 'array',
      items: { type: 'string' },
      description: 'Workflow ids the policy allows',
    },
  },
  required: ['workflowIds'],
  additionalProperties: false,
} as const;

/**
 * The condition a policy returns to allow only some workflows, e.g. from
 * `createConditionalDecision(permission, createIsAllowedWorkflowIdCondition({ workflowIds }))`.
 * @public
 */
export function createIsAllowedWorkflowIdCondition(
  params: IsAllowedWorkflowIdParams,
): PermissionCondition<
  typeof RESOURCE_TYPE_ORCHESTRATOR_WORKFLOW,
  IsAllowedWorkflowIdParams
> {
  return {
    rule: IS_ALLOWED_WORKFLOW_ID,
    resourceType: RESOURCE_TYPE_ORCHESTRATOR_WORKFLOW,
    params: { workflowIds: [...params.workflowIds] },
  };
}
