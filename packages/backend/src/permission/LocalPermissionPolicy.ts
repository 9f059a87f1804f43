import { Config } from '@backstage/config';
import {
  AuthorizeResult,
  isResourcePermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  createIsAllowedWorkflowIdCondition,
  RESOURCE_TYPE_ORCHESTRATOR_WORKFLOW,
} from '@orchestrator-suite/backstage-plugin-orchestrator-common';

/** One entry of `permission.localPolicy.rules`; the first matching rule decides. */
export interface LocalPolicyRule {
  /** Permission names this rule covers; a trailing `*` matches a prefix. */
  permissions: string[];
  /** User or group entity refs; empty or absent means everyone. */
  principals?: string[];
  decision: 'allow' | 'deny';
  /**
   * Narrows an `allow` on the `orchestrator-workflow` resource to these workflow ids,
   * answered as a conditional decision so the backend filters before paginating.
   */
  workflowIds?: string[];
}

/**
 * A small, config-driven permission policy for the host backend. It exists so the
 * local suite has real permission decisions to exercise (and so demos can show a
 * restricted user) without pulling in a full RBAC backend; in RHDH the RBAC plugin
 * replaces it.
 */
export class LocalPermissionPolicy implements PermissionPolicy {
  static fromConfig(config: Config): LocalPermissionPolicy {
    const policy = config.getOptionalConfig('permission.localPolicy');
    const defaultDecision =
      policy?.getOptionalString('defaultDecision') === 'deny'
        ? 'deny'
        : 'allow';
    const rules = (policy?.getOptionalConfigArray('rules') ?? []).map(rule => ({
      permissions: rule.getStringArray('permissions'),
      principals: rule.getOptionalStringArray('principals'),
      decision: rule.getString('decision') === 'deny' ? 'deny' : 'allow',
      workflowIds: rule.getOptionalStringArray('workflowIds'),
    })) as LocalPolicyRule[];
    return new LocalPermissionPolicy({ defaultDecision, rules });
  }

  private constructor(
    private readonly options: {
      defaultDecision: 'allow' | 'deny';
      rules: LocalPolicyRule[];
    },
  ) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const name = request.permission.name;
    const principals = new Set(user?.info.ownershipEntityRefs ?? []);
    if (user?.info.userEntityRef) principals.add(user.info.userEntityRef);

    const rule = this.options.rules.find(
      r =>
        r.permissions.some(p => matchesName(p, name)) &&
        (!r.principals?.length || r.principals.some(p => principals.has(p))),
    );
    if (!rule) {
      return {
        result:
          this.options.defaultDecision === 'allow'
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY,
      };
    }
    if (rule.decision === 'deny') return { result: AuthorizeResult.DENY };
    if (
      rule.workflowIds &&
      isResourcePermission(
        request.permission,
        RESOURCE_TYPE_ORCHESTRATOR_WORKFLOW,
      )
    ) {
      return {
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'orchestrator',
        resourceType: RESOURCE_TYPE_ORCHESTRATOR_WORKFLOW,
        conditions: createIsAllowedWorkflowIdCondition({
          workflowIds: rule.workflowIds,
        }),
      };
    }
    return { result: AuthorizeResult.ALLOW };
  }
}

function matchesName(pattern: string, name: string): boolean {
  return pattern.endsWith('*')
    ? name.startsWith(pattern.slice(0, -1))
    : pattern === name;
}
