import { ConfigReader } from '@backstage/config';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { PolicyQueryUser } from '@backstage/plugin-permission-node';
import { LocalPermissionPolicy } from './LocalPermissionPolicy';

const workflowRead = createPermission({
  name: 'orchestrator.workflow',
  attributes: { action: 'read' },
  resourceType: 'orchestrator-workflow',
});
const instanceAdmin = createPermission({
  name: 'orchestrator.instanceAdminView',
  attributes: { action: 'read' },
});

function userOf(ref: string, groups: string[] = []): PolicyQueryUser {
  return {
    info: { userEntityRef: ref, ownershipEntityRefs: [ref, ...groups] },
  } as unknown as PolicyQueryUser;
}

function policyWith(localPolicy: object) {
  return LocalPermissionPolicy.fromConfig(
    new ConfigReader({ permission: { localPolicy } }),
  );
}

describe('LocalPermissionPolicy', () => {
  it('allows everything when nothing is configured', async () => {
    const policy = policyWith({});
    await expect(
      policy.handle(
        { permission: instanceAdmin },
        userOf('user:default/guest'),
      ),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
  });

  it('denies by default when configured so', async () => {
    const policy = policyWith({ defaultDecision: 'deny' });
    await expect(
      policy.handle(
        { permission: instanceAdmin },
        userOf('user:default/guest'),
      ),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
  });

  it('applies the first rule that matches the permission and a principal (user or group)', async () => {
    const policy = policyWith({
      rules: [
        {
          permissions: ['orchestrator.instanceAdminView'],
          principals: ['group:default/admins'],
          decision: 'allow',
        },
        { permissions: ['orchestrator.*'], decision: 'deny' },
      ],
    });
    await expect(
      policy.handle(
        { permission: instanceAdmin },
        userOf('user:default/ada', ['group:default/admins']),
      ),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
    await expect(
      policy.handle({ permission: instanceAdmin }, userOf('user:default/bob')),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
  });

  it('narrows workflow permissions to listed ids with a conditional decision', async () => {
    const policy = policyWith({
      rules: [
        {
          permissions: ['orchestrator.workflow'],
          decision: 'allow',
          workflowIds: ['greeting'],
        },
      ],
    });
    await expect(
      policy.handle({ permission: workflowRead }, userOf('user:default/bob')),
    ).resolves.toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'orchestrator',
      resourceType: 'orchestrator-workflow',
      conditions: {
        rule: 'IS_ALLOWED_WORKFLOW_ID',
        resourceType: 'orchestrator-workflow',
        params: { workflowIds: ['greeting'] },
      },
    });
  });
});
