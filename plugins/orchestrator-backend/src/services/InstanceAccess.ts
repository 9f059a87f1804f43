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
import { ownerOfRun } from './runOwner';

/** Roots with sub-flows a list includes by id: the newest this many (see ownershipWhere). */
export const SUBFLOW_ROOTS_IN_LISTS = 200;

export interface AccessibleInstance {
  instance: GqlProcessInstanceDetails;
  run?: RunRecord;
  isInstanceAdmin: boolean;
  warnings: string[];
}

export interface LoadOptions {
  /** The workflow in the path: a run of another one answers 404. */
  workflowId?: string;
  action: WorkflowAction;
  /** instanceAdminView when this request has resolved it already (a bulk action checks it first). */
  isInstanceAdmin?: boolean;
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
    options: LoadOptions,
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
    options: LoadOptions,
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
    // Using a run needs reading its workflow too: both decided in one batch.
    await this.authorizer.assertWorkflow(
      caller.credentials,
      instance.processId,
      options.action === 'use' ? ['read', 'use'] : 'read',
    );
    const isInstanceAdmin =
      options.isInstanceAdmin ??
      (await this.authorizer.isInstanceAdmin(caller.credentials));
    if (
      !isInstanceAdmin &&
      (await ownerOfRun(
        instance,
        { runStore: this.runStore, dataIndex: this.dataIndex },
        { run },
      )) !== caller.initiator
    ) {
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
    // Every run started through this backend carries the caller's ref as its `initiatorEntity`
    // process variable (a workflow changes `workflowdata`, not this), so one constant filter
    // covers them however many runs the caller has; the run store is not shipped as an id
    // list. Sub-flows carry no initiator: they come in through their root run, for the
    // caller's newest roots that have any (bounded, so requests never grow with history).
    const mine: WhereArgument = {
      variables: { initiatorEntity: { equal: caller.initiator } },
    };
    const roots = await this.runStore.listRootsWithSubflows(
      caller.initiator,
      SUBFLOW_ROOTS_IN_LISTS,
    );
    return roots.length
      ? { or: [mine, { rootProcessInstanceId: { in: roots } }] }
      : mine;
  }
}
