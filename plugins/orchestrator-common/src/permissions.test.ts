/*
 * Copyright The Orchestrator Suite Authors
 *
 * Licensed under the Apache License, Version 2.0.
 */
import {
  isResourcePermission,
  isPermission,
} from '@backstage/plugin-permission-common';
import Ajv from 'ajv';
import {
  createIsAllowedWorkflowIdCondition,
  IS_ALLOWED_WORKFLOW_ID,
  isAllowedWorkflowIdParamsSchema,
  orchestratorAdminViewPermission,
  orchestratorInstanceAdminViewPermission,
  orchestratorPermissions,
  orchestratorWorkflowPermission,
  orchestratorWorkflowSpecificPermission,
  orchestratorWorkflowUsePermission,
  orchestratorWorkflowUseSpecificPermission,
  RESOURCE_TYPE_ORCHESTRATOR_WORKFLOW,
} from './permissions';

describe('orchestrator permissions', () => {
  it('keep the upstream names, types and actions', () => {
    expect(orchestratorWorkflowPermission).toEqual({
      type: 'resource',
      name: 'orchestrator.workflow',
      attributes: { action: 'read' },
      resourceType: 'orchestrator-workflow',
    });
    expect(orchestratorWorkflowUsePermission).toEqual({
      type: 'resource',
      name: 'orchestrator.workflow.use',
      attributes: { action: 'update' },
      resourceType: 'orchestrator-workflow',
    });
    expect(orchestratorAdminViewPermission).toEqual({
      type: 'basic',
      name: 'orchestrator.workflowAdminView',
      attributes: { action: 'read' },
    });
    expect(orchestratorInstanceAdminViewPermission).toEqual({
      type: 'basic',
      name: 'orchestrator.instanceAdminView',
      attributes: { action: 'read' },
    });
  });

  it('lists all four for registration', () => {
    expect(orchestratorPermissions.map(p => p.name)).toEqual([
      'orchestrator.workflow',
      'orchestrator.workflow.use',
      'orchestrator.workflowAdminView',
      'orchestrator.instanceAdminView',
    ]);
    expect(
      orchestratorPermissions.every(p =>
        isPermission(p, orchestratorPermissions.find(q => q.name === p.name)!),
      ),
    ).toBe(true);
  });

  it('makes the workflow permissions conditional on the workflow resource type', () => {
    expect(RESOURCE_TYPE_ORCHESTRATOR_WORKFLOW).toBe('orchestrator-workflow');
    expect(
      isResourcePermission(
        orchestratorWorkflowPermission,
        RESOURCE_TYPE_ORCHESTRATOR_WORKFLOW,
      ),
    ).toBe(true);
    expect(isResourcePermission(orchestratorAdminViewPermission)).toBe(false);
  });

  it('names the IS_ALLOWED_WORKFLOW_ID rule and validates its params', () => {
    expect(IS_ALLOWED_WORKFLOW_ID).toBe('IS_ALLOWED_WORKFLOW_ID');
    const validate = new Ajv().compile(isAllowedWorkflowIdParamsSchema);
    expect(validate({ workflowIds: ['greeting'] })).toBe(true);
    expect(validate({ workflowIds: 'greeting' })).toBe(false);
    expect(validate({})).toBe(false);
    expect(
      createIsAllowedWorkflowIdCondition({ workflowIds: ['greeting', 'a'] }),
    ).toEqual({
      rule: 'IS_ALLOWED_WORKFLOW_ID',
      resourceType: 'orchestrator-workflow',
      params: { workflowIds: ['greeting', 'a'] },
    });
  });

  it("builds RHDH 1.8's per-workflow names as basic permissions with RBAC's actions", () => {
    expect(orchestratorWorkflowSpecificPermission('greeting')).toEqual({
      type: 'basic',
      name: 'orchestrator.workflow.greeting',
      attributes: { action: 'read' },
    });
    expect(orchestratorWorkflowUseSpecificPermission('greeting')).toEqual({
      type: 'basic',
      name: 'orchestrator.workflow.use.greeting',
      attributes: { action: 'update' },
    });
  });
});
