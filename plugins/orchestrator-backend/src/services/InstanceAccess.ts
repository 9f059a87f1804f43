import { NotAllowedError, NotFoundError } from '@backstage/errors';
import type { DataIndexClient } from '../dataIndex/DataIndexClient';
import { assertInstanceId, assertWorkflowId } from '../dataIndex/ids';
import type {
  GqlProcessInstanceDetails,
  WhereArgument,
} from '../dataIndex/types';
import type {
  WorkflowAuthorizer,
  WorkflowAction,
} from '../permissions/WorkflowAuthorizer';
import type { RunRecord, RunStore } from '../runStore/RunStore';
import type { Caller } from './Caller';
import { initiatorOf } from './instanceMapping';

export interface AccessibleInstance {
  instance: GqlProcessInstanceDetails;
  run?: RunRecord;
  isInstanceAdmin: boolean;
  warnings: string[];
}

/**
 * The one place that decides whether a caller may touch a run: it exists,
 * it belongs to the workflow in the path, the caller holds the workflow
 * permission for the action, and owns the run or holds instanceAdminView.
 * Every instance operation (view, abort, retrigger, rerun, prefill) goes here.
 */
export interface InstanceAccess {
  load(
    caller: Caller,
    instanceId: string,
    options: { workflowId?: string; action: WorkflowAction },
  ): Promise<AccessibleInstance>;
  /** `where` part limiting instance lists to the caller's own runs; undefined for admins. */
  ownershipWhere(
    caller: Caller,
    isInstanceAdmin: boolean,
  ): Promise<WhereArgument | undefined>;
}

export class DefaultInstanceAccess implements InstanceAccess {
  static create(options: {
    dataIndex: DataIndexClient;
    runStore: RunStore;
    authorizer: WorkflowAuthorizer;
  }) {
    return new DefaultInstanceAccess(
      options.dataIndex,
      options.runStore,
      options.authorizer,
    );
  }

  private constructor(
    private readonly dataIndex: DataIndexClient,
    private readonly runStore: RunStore,
    private readonly authorizer: WorkflowAuthorizer,
  ) {}

  async load(
    caller: Caller,
    instanceId: string,
    options: { workflowId?: string; action: WorkflowAction },
  ): Promise<AccessibleInstance> {
    assertInstanceId(instanceId);
    if (options.workflowId !== undefined) assertWorkflowId(options.workflowId);
    const [{ data: instance, warnings }, run] = await Promise.all([
      this.dataIndex.getInstance(instanceId),
      this.runStore.get(instanceId),
    ]);
    // "Not in this workflow" answers like "not found": it must not reveal other workflows' runs.
    if (
      !instance ||
      (options.workflowId !== undefined &&
        instance.processId !== options.workflowId)
    ) {
      throw new NotFoundError(`Workflow instance '${instanceId}' not found`);
    }
    await this.authorizer.assertWorkflow(
      caller.credentials,
      instance.processId,
      'read',
    );
    if (options.action === 'use') {
      await this.authorizer.assertWorkflow(
        caller.credentials,
        instance.processId,
        'use',
      );
    }
    const isInstanceAdmin = await this.authorizer.isInstanceAdmin(
      caller.credentials,
    );
    if (!isInstanceAdmin && initiatorOf(instance, run) !== caller.initiator) {
      throw new NotAllowedError(
        `Unauthorized: workflow instance '${instanceId}' was started by someone else`,
      );
    }
    return { instance, run, isInstanceAdmin, warnings };
  }

  async ownershipWhere(
    caller: Caller,
    isInstanceAdmin: boolean,
  ): Promise<WhereArgument | undefined> {
    if (isInstanceAdmin) return undefined;
    // The run store is the authority; the variable covers runs started outside Backstage.
    const mine: WhereArgument = {
      variables: { initiatorEntity: { equal: caller.initiator } },
    };
    const ids = await this.runStore.listInstanceIdsByInitiator(
      caller.initiator,
    );
    return ids.length ? { or: [mine, { id: { in: ids } }] } : mine;
  }
}
