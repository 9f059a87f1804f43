import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
  PermissionCriteria,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { createConditionTransformer } from '@backstage/plugin-permission-node';
import type { WhereArgument } from '../dataIndex/types';
import { WorkflowIdsQuery, orchestratorRules } from './rules';

/** The permissions this plugin checks (defined in orchestrator-common). */
export interface OrchestratorPermissionSet {
  workflowRead: ResourcePermission;
  workflowUse: ResourcePermission;
  workflowAdminView: BasicPermission;
  instanceAdminView: BasicPermission;
  /** RHDH 1.8's per-workflow names, `orchestrator.workflow.<id>` and `orchestrator.workflow.use.<id>`. */
  workflowReadFor(workflowId: string): BasicPermission;
  workflowUseFor(workflowId: string): BasicPermission;
}

type Criteria = PermissionCriteria<WorkflowIdsQuery>;

/**
 * Which workflows a caller may read or use. Conditional decisions stay
 * criteria so they can go INTO the Data Index query (before pagination)
 * rather than trimming a page afterwards.
 */
export type WorkflowScope =
  | { kind: 'all' }
  | { kind: 'none' }
  | { kind: 'conditional'; criteria: Criteria };

export type WorkflowAction = 'read' | 'use';

const transform = createConditionTransformer<WorkflowIdsQuery>(
  orchestratorRules as any,
);

function matches(criteria: Criteria, workflowId: string): boolean {
  if ('anyOf' in criteria)
    return criteria.anyOf.some(c => matches(c, workflowId));
  if ('allOf' in criteria)
    return criteria.allOf.every(c => matches(c, workflowId));
  if ('not' in criteria) return !matches(criteria.not, workflowId);
  return criteria.values.includes(workflowId);
}

function toWhere(criteria: Criteria, field: 'id' | 'processId'): WhereArgument {
  if ('anyOf' in criteria)
    return { or: criteria.anyOf.map(c => toWhere(c, field)) };
  if ('allOf' in criteria)
    return { and: criteria.allOf.map(c => toWhere(c, field)) };
  if ('not' in criteria) return { not: toWhere(criteria.not, field) };
  // An empty allow-list matches nothing; ids are never null.
  return criteria.values.length
    ? { [field]: { in: criteria.values } }
    : { [field]: { isNull: true } };
}

export function scopeAllows(scope: WorkflowScope, workflowId: string): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'none') return false;
  return matches(scope.criteria, workflowId);
}

/** The scope as a `where` part on `id` (definitions) or `processId` (instances). */
export function scopeWhere(
  scope: WorkflowScope,
  field: 'id' | 'processId',
): WhereArgument | undefined {
  if (scope.kind === 'all') return undefined;
  if (scope.kind === 'none') return { [field]: { isNull: true } };
  return toWhere(scope.criteria, field);
}

export interface WorkflowAuthorizer {
  scope(
    credentials: BackstageCredentials,
    action: WorkflowAction,
  ): Promise<WorkflowScope>;
  /**
   * Throws NotAllowedError (403) unless the caller may do `action` (every one, when several)
   * on the workflow. Several actions are decided together: one batch per permission style.
   */
  assertWorkflow(
    credentials: BackstageCredentials,
    workflowId: string,
    action: WorkflowAction | WorkflowAction[],
  ): Promise<void>;
  isInstanceAdmin(credentials: BackstageCredentials): Promise<boolean>;
  isWorkflowAdmin(credentials: BackstageCredentials): Promise<boolean>;
}

/** Adds the workflows a per-workflow permission allows to what the generic one allowed. */
function widen(scope: WorkflowScope, allowedIds: string[]): WorkflowScope {
  if (scope.kind === 'all' || allowedIds.length === 0) return scope;
  const specific: Criteria = { key: 'workflowIds', values: allowedIds };
  if (scope.kind === 'none') return { kind: 'conditional', criteria: specific };
  return {
    kind: 'conditional',
    criteria: { anyOf: [scope.criteria, specific] },
  };
}

/**
 * Decides with both permission styles RBAC policies use: the generic resource permission
 * (allow, deny, or conditional on IS_ALLOWED_WORKFLOW_ID) and RHDH 1.8's per-workflow basic
 * permissions. A caller may act on a workflow if either allows it (RHDH's documented rule: a
 * per-workflow deny cannot take back a generic allow).
 */
export class DefaultWorkflowAuthorizer implements WorkflowAuthorizer {
  static create(options: {
    permissions: PermissionsService;
    permissionSet: OrchestratorPermissionSet;
    /** Ids of the deployed workflows, the candidates for per-workflow permissions in lists. */
    workflowIds: () => Promise<Iterable<string>>;
  }) {
    return new DefaultWorkflowAuthorizer(
      options.permissions,
      options.permissionSet,
      options.workflowIds,
    );
  }

  private constructor(
    private readonly permissions: PermissionsService,
    private readonly set: OrchestratorPermissionSet,
    private readonly workflowIds: () => Promise<Iterable<string>>,
  ) {}

  /**
   * At most two permission calls whatever the number of workflows: the generic decision, and
   * only when it is not a plain allow, ONE batch of the per-workflow names of every deployed
   * workflow. The result stays criteria, so lists are still filtered inside the Data Index
   * query, before pagination.
   */
  async scope(
    credentials: BackstageCredentials,
    action: WorkflowAction,
  ): Promise<WorkflowScope> {
    const generic = await this.generic(credentials, action);
    if (generic.kind === 'all') return generic;
    const ids = [...(await this.workflowIds())];
    return widen(
      generic,
      await this.specificallyAllowed(credentials, action, ids),
    );
  }

  async assertWorkflow(
    credentials: BackstageCredentials,
    workflowId: string,
    action: WorkflowAction | WorkflowAction[],
  ) {
    const actions = Array.isArray(action) ? action : [action];
    // One workflow: its own per-workflow names are the only candidates, no list needed.
    const generic = await this.generics(credentials, actions);
    const undecided = actions.filter(
      (_, i) => !scopeAllows(generic[i], workflowId),
    );
    const specific = await this.specificDecisions(
      credentials,
      undecided.map(a => ({ action: a, workflowId })),
    );
    const denied = undecided.find((_, i) => !specific[i]);
    if (denied) {
      const name =
        denied === 'read'
          ? this.set.workflowRead.name
          : this.set.workflowUse.name;
      throw new NotAllowedError(
        `Unauthorized: ${name} is not allowed for workflow '${workflowId}'`,
      );
    }
  }

  private async generic(
    credentials: BackstageCredentials,
    action: WorkflowAction,
  ): Promise<WorkflowScope> {
    return (await this.generics(credentials, [action]))[0];
  }

  /** The generic decisions of several actions in one permission call. */
  private async generics(
    credentials: BackstageCredentials,
    actions: WorkflowAction[],
  ): Promise<WorkflowScope[]> {
    if (actions.length === 0) return [];
    const decisions = await this.permissions.authorizeConditional(
      actions.map(action => ({
        permission:
          action === 'read' ? this.set.workflowRead : this.set.workflowUse,
      })),
      { credentials },
    );
    return decisions.map((decision): WorkflowScope => {
      if (decision.result === AuthorizeResult.ALLOW) return { kind: 'all' };
      if (decision.result === AuthorizeResult.CONDITIONAL) {
        return {
          kind: 'conditional',
          criteria: transform(decision.conditions),
        };
      }
      return { kind: 'none' };
    });
  }

  private async specificallyAllowed(
    credentials: BackstageCredentials,
    action: WorkflowAction,
    workflowIds: string[],
  ): Promise<string[]> {
    const allowed = await this.specificDecisions(
      credentials,
      workflowIds.map(workflowId => ({ action, workflowId })),
    );
    return workflowIds.filter((_, i) => allowed[i]);
  }

  /** RHDH 1.8's per-workflow names, any mix of actions and workflows, in one permission call. */
  private async specificDecisions(
    credentials: BackstageCredentials,
    checks: { action: WorkflowAction; workflowId: string }[],
  ): Promise<boolean[]> {
    if (checks.length === 0) return [];
    const decisions = await this.permissions.authorize(
      checks.map(({ action, workflowId }) => ({
        permission:
          action === 'read'
            ? this.set.workflowReadFor(workflowId)
            : this.set.workflowUseFor(workflowId),
      })),
      { credentials },
    );
    return decisions.map(d => d.result === AuthorizeResult.ALLOW);
  }
  isInstanceAdmin(credentials: BackstageCredentials): Promise<boolean> {
    return this.allowed(credentials, this.set.instanceAdminView);
  }

  isWorkflowAdmin(credentials: BackstageCredentials): Promise<boolean> {
    return this.allowed(credentials, this.set.workflowAdminView);
  }

  private async allowed(
    credentials: BackstageCredentials,
    permission: BasicPermission,
  ) {
    const [decision] = await this.permissions.authorize([{ permission }], {
      credentials,
    });
    return decision.result === AuthorizeResult.ALLOW;
  }
}
