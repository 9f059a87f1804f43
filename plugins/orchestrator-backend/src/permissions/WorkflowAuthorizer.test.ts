import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { orchestratorPermissionSet } from './permissionSet';
import { registerPermissions } from './register';
import { isAllowedWorkflowIdRule } from './rules';
import {
  DefaultWorkflowAuthorizer,
  scopeAllows,
  scopeWhere,
} from './WorkflowAuthorizer';

const condition = (workflowIds: string[]) => ({
  rule: 'IS_ALLOWED_WORKFLOW_ID',
  resourceType: 'orchestrator-workflow',
  params: { workflowIds },
});

describe('IS_ALLOWED_WORKFLOW_ID', () => {
  it('applies as includes and queries as a workflowIds key', () => {
    expect(
      isAllowedWorkflowIdRule.apply({ id: 'a' }, { workflowIds: ['a', 'b'] }),
    ).toBe(true);
    expect(
      isAllowedWorkflowIdRule.apply({ id: 'c' }, { workflowIds: ['a', 'b'] }),
    ).toBe(false);
    expect(isAllowedWorkflowIdRule.toQuery({ workflowIds: ['a'] })).toEqual({
      key: 'workflowIds',
      values: ['a'],
    });
  });

  it('is registered with the resource type and the basic permissions', async () => {
    const registry = mockServices.permissionsRegistry.mock();
    registerPermissions(registry, orchestratorPermissionSet);
    const options = registry.addResourceType.mock.calls[0][0] as any;
    expect(options.resourceRef.resourceType).toBe('orchestrator-workflow');
    expect(options.rules.map((r: any) => r.name)).toEqual([
      'IS_ALLOWED_WORKFLOW_ID',
    ]);
    expect(options.permissions.map((p: any) => p.name)).toEqual([
      'orchestrator.workflow',
      'orchestrator.workflow.use',
    ]);
    expect(await options.getResources(['a', 'b'])).toEqual([
      { id: 'a' },
      { id: 'b' },
    ]);
    expect(
      (registry.addPermissions.mock.calls[0][0] as any[]).map(p => p.name),
    ).toEqual([
      'orchestrator.workflowAdminView',
      'orchestrator.instanceAdminView',
    ]);
  });
});

describe('DefaultWorkflowAuthorizer', () => {
  const credentials = mockCredentials.user('user:default/ann');

  function authorizer(decision: any) {
    const permissions = mockServices.permissions.mock({
      authorizeConditional: async () => [decision],
      authorize: async () => [{ result: AuthorizeResult.DENY }],
    });
    return DefaultWorkflowAuthorizer.create({
      permissions,
      permissionSet: orchestratorPermissionSet,
    });
  }

  it('turns a conditional decision into a query filter and a predicate', async () => {
    const scope = await authorizer({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'orchestrator',
      resourceType: 'orchestrator-workflow',
      conditions: { anyOf: [condition(['a']), { not: condition(['b']) }] },
    }).scope(credentials, 'read');
    expect(scopeWhere(scope, 'processId')).toEqual({
      or: [{ processId: { in: ['a'] } }, { not: { processId: { in: ['b'] } } }],
    });
    expect(scopeAllows(scope, 'a')).toBe(true);
    expect(scopeAllows(scope, 'b')).toBe(false);
    expect(scopeAllows(scope, 'c')).toBe(true);
  });

  it('an empty allow-list matches nothing, ALLOW adds no filter', async () => {
    const none = await authorizer({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'orchestrator',
      resourceType: 'orchestrator-workflow',
      conditions: condition([]),
    }).scope(credentials, 'read');
    expect(scopeWhere(none, 'id')).toEqual({ id: { isNull: true } });
    const all = await authorizer({ result: AuthorizeResult.ALLOW }).scope(
      credentials,
      'read',
    );
    expect(scopeWhere(all, 'id')).toBeUndefined();
  });

  it('names the permission and the workflow when it refuses', async () => {
    await expect(
      authorizer({ result: AuthorizeResult.DENY }).assertWorkflow(
        credentials,
        'greeting',
        'use',
      ),
    ).rejects.toThrow(
      new NotAllowedError(
        "Unauthorized: orchestrator.workflow.use is not allowed for workflow 'greeting'",
      ),
    );
  });
});
