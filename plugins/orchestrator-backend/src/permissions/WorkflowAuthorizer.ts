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
  /** Throws NotAllowedError (403) unless the caller may do `action` on the workflow. */
  assertWorkflow(
    credentials: BackstageCredentials,
    workflowId: string,
    action: WorkflowAction,
  ): Promise<void>;
  isInstanceAdmin(credentials: BackstageCredentials): Promise<boolean>;
  isWorkflowAdmin(credentials: BackstageCredentials): Promise<boolean>;
}

export class DefaultWorkflowAuthorizer implements WorkflowAuthorizer {
  static create(options: {
    permissions: PermissionsService;
    permissionSet: OrchestratorPermissionSet;
  }) {
    return new DefaultWorkflowAuthorizer(
      options.permissions,
      options.permissionSet,
    );
  }

  private constructor(
    private readonly permissions: PermissionsService,
    private readonly set: OrchestratorPermissionSet,
  ) {}

  async scope(
    credentials: BackstageCredentials,
    action: WorkflowAction,
  ): Promise<WorkflowScope> {
    const permission =
      action === 'read' ? this.set.workflowRead : this.set.workflowUse;
    const [decision] = await this.permissions.authorizeConditional(
      [{ permission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.ALLOW) return { kind: 'all' };
    if (decision.result === AuthorizeResult.CONDITIONAL) {
      return { kind: 'conditional', criteria: transform(decision.conditions) };
    }
    return { kind: 'none' };
  }

  async assertWorkflow(
    credentials: BackstageCredentials,
    workflowId: string,
    action: WorkflowAction,
  ) {
    if (!scopeAllows(await this.scope(credentials, action), workflowId)) {
      const name =
        action === 'read'
          ? this.set.workflowRead.name
          : this.set.workflowUse.name;
      throw new NotAllowedError(
        `Unauthorized: ${name} is not allowed for workflow '${workflowId}'`,
      );
    }
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
