import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { orchestratorPermissionSet } from './permissionSet';
import { registerPermissions, registerWorkflowPermissions } from './register';
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
      workflowIds: async () => [],
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

  it('read and use of one workflow: one batch per permission style, the first refusal named', async () => {
    const allowedNames = ['orchestrator.workflow.greeting'];
    const permissions = mockServices.permissions.mock({
      authorizeConditional: async requests =>
        requests.map(() => ({ result: AuthorizeResult.DENY })) as any,
      authorize: async requests =>
        requests.map(r => ({
          result: allowedNames.includes(r.permission.name)
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY,
        })),
    });
    const decider = DefaultWorkflowAuthorizer.create({
      permissions,
      permissionSet: orchestratorPermissionSet,
      workflowIds: async () => [],
    });
    await expect(
      decider.assertWorkflow(credentials, 'greeting', ['read', 'use']),
    ).rejects.toThrow(
      new NotAllowedError(
        "Unauthorized: orchestrator.workflow.use is not allowed for workflow 'greeting'",
      ),
    );
    expect(permissions.authorizeConditional).toHaveBeenCalledTimes(1);
    expect(
      permissions.authorizeConditional.mock.calls[0][0].map(
        r => r.permission.name,
      ),
    ).toEqual(['orchestrator.workflow', 'orchestrator.workflow.use']);
    expect(permissions.authorize).toHaveBeenCalledTimes(1);
    expect(
      permissions.authorize.mock.calls[0][0].map(r => r.permission.name),
    ).toEqual([
      'orchestrator.workflow.greeting',
      'orchestrator.workflow.use.greeting',
    ]);
    allowedNames.push('orchestrator.workflow.use.greeting');
    await expect(
      decider.assertWorkflow(credentials, 'greeting', ['read', 'use']),
    ).resolves.toBeUndefined();
  });

  describe("RHDH 1.8's per-workflow names", () => {
    function rbac(options: {
      generic: any;
      allowedNames: string[];
      workflowIds?: string[];
    }) {
      const permissions = mockServices.permissions.mock({
        authorizeConditional: async () => [options.generic],
        authorize: async requests =>
          requests.map(r => ({
            result: options.allowedNames.includes(r.permission.name)
              ? AuthorizeResult.ALLOW
              : AuthorizeResult.DENY,
          })) as any,
      });
      const workflowIds = jest.fn(
        async () => options.workflowIds ?? ['greeting', 'other', 'third'],
      );
      const decider = DefaultWorkflowAuthorizer.create({
        permissions,
        permissionSet: orchestratorPermissionSet,
        workflowIds,
      });
      return { decider, permissions, workflowIds };
    }

    it('an allow on orchestrator.workflow.<id> scopes reads to that workflow, in one batch', async () => {
      const { decider, permissions } = rbac({
        generic: { result: AuthorizeResult.DENY },
        allowedNames: ['orchestrator.workflow.greeting'],
      });
      const scope = await decider.scope(credentials, 'read');
      expect(scopeWhere(scope, 'processId')).toEqual({
        processId: { in: ['greeting'] },
      });
      expect(scopeAllows(scope, 'greeting')).toBe(true);
      expect(scopeAllows(scope, 'other')).toBe(false);
      expect(permissions.authorize).toHaveBeenCalledTimes(1);
      expect(
        permissions.authorize.mock.calls[0][0].map(r => r.permission.name),
      ).toEqual([
        'orchestrator.workflow.greeting',
        'orchestrator.workflow.other',
        'orchestrator.workflow.third',
      ]);
    });

    it('use is decided by orchestrator.workflow.use.<id>, not by the read name', async () => {
      const { decider } = rbac({
        generic: { result: AuthorizeResult.DENY },
        allowedNames: [
          'orchestrator.workflow.greeting',
          'orchestrator.workflow.use.other',
        ],
      });
      const use = await decider.scope(credentials, 'use');
      expect(scopeAllows(use, 'other')).toBe(true);
      expect(scopeAllows(use, 'greeting')).toBe(false);
      await expect(
        decider.assertWorkflow(credentials, 'greeting', 'use'),
      ).rejects.toThrow(NotAllowedError);
      await expect(
        decider.assertWorkflow(credentials, 'other', 'use'),
      ).resolves.toBeUndefined();
    });

    it('widens a conditional decision instead of replacing it', async () => {
      const { decider } = rbac({
        generic: {
          result: AuthorizeResult.CONDITIONAL,
          pluginId: 'orchestrator',
          resourceType: 'orchestrator-workflow',
          conditions: condition(['third']),
        },
        allowedNames: ['orchestrator.workflow.greeting'],
      });
      const scope = await decider.scope(credentials, 'read');
      expect(scopeWhere(scope, 'id')).toEqual({
        or: [{ id: { in: ['third'] } }, { id: { in: ['greeting'] } }],
      });
      expect(scopeAllows(scope, 'other')).toBe(false);
    });

    it('a generic allow needs neither the workflow list nor a second call', async () => {
      const { decider, permissions, workflowIds } = rbac({
        generic: { result: AuthorizeResult.ALLOW },
        allowedNames: [],
      });
      expect((await decider.scope(credentials, 'read')).kind).toBe('all');
      await decider.assertWorkflow(credentials, 'greeting', 'read');
      expect(workflowIds).not.toHaveBeenCalled();
      expect(permissions.authorize).not.toHaveBeenCalled();
    });

    it('checking one workflow asks for its own name only', async () => {
      const { decider, permissions, workflowIds } = rbac({
        generic: { result: AuthorizeResult.DENY },
        allowedNames: ['orchestrator.workflow.greeting'],
      });
      await decider.assertWorkflow(credentials, 'greeting', 'read');
      await expect(
        decider.assertWorkflow(credentials, 'other', 'read'),
      ).rejects.toThrow(NotAllowedError);
      expect(workflowIds).not.toHaveBeenCalled();
      expect(
        permissions.authorize.mock.calls.map(c => c[0][0].permission.name),
      ).toEqual([
        'orchestrator.workflow.greeting',
        'orchestrator.workflow.other',
      ]);
    });

    it('registers the per-workflow names of the deployed workflows at startup', async () => {
      const registry = mockServices.permissionsRegistry.mock();
      const ids = await registerWorkflowPermissions({
        registry,
        set: orchestratorPermissionSet,
        workflowIds: async () => ['greeting'],
        logger: mockServices.logger.mock(),
        waitMs: 1000,
      });
      expect(ids).toEqual(['greeting']);
      expect(
        (registry.addPermissions.mock.calls[0][0] as any[]).map(p => [
          p.name,
          p.attributes.action,
        ]),
      ).toEqual([
        ['orchestrator.workflow.greeting', 'read'],
        ['orchestrator.workflow.use.greeting', 'update'],
      ]);
    });

    it('a Data Index that does not answer at startup delays it at most waitMs', async () => {
      const registry = mockServices.permissionsRegistry.mock();
      const logger = mockServices.logger.mock();
      const started = Date.now();
      const ids = await registerWorkflowPermissions({
        registry,
        set: orchestratorPermissionSet,
        workflowIds: () => new Promise(() => {}),
        logger,
        waitMs: 50,
      });
      expect(ids).toEqual([]);
      expect(Date.now() - started).toBeLessThan(1000);
      expect(registry.addPermissions).not.toHaveBeenCalled();
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining('no answer within 50 ms'),
      );
    });
  });
});
