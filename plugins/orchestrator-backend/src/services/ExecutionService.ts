import {
  ConflictError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import type { JsonObject } from '@backstage/types';
import type {
  BulkActionResultDTO,
  ExecuteWorkflowRequestDTO,
  ExecuteWorkflowResponseDTO,
  RerunInstanceRequestDTO,
  RetriggerInstanceRequestDTO,
  RunAction,
} from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import {
  isRunActionAllowed,
  statusesAllowing,
} from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import type { DataIndexClient } from '../dataIndex/DataIndexClient';
import { assertWorkflowId } from '../dataIndex/ids';
import type { WorkflowAuthorizer } from '../permissions/WorkflowAuthorizer';
import { assertAuthTokens } from '../runtime/authTokens';
import type { WorkflowRuntimeClient } from '../runtime/WorkflowRuntimeClient';
import type { Caller } from './Caller';
import type { DefinitionCache } from './DefinitionCache';
import { assertEntityRef } from './entityRef';
import type { InputValidator } from './InputValidator';
import type { AccessibleInstance, InstanceAccess } from './InstanceAccess';
import { toStatus } from './instanceMapping';
import type { RunInputs } from './RunInputs';
import type { RunStarter } from './RunStarter';
import { ValidationPolicy } from './ValidationPolicy';

/** Everything that changes state; each needs `orchestrator.workflow.use`. */
export interface ExecutionService {
  execute(
    caller: Caller,
    workflowId: string,
    request: ExecuteWorkflowRequestDTO,
  ): Promise<ExecuteWorkflowResponseDTO>;
  rerun(
    caller: Caller,
    workflowId: string,
    instanceId: string,
    request: RerunInstanceRequestDTO,
  ): Promise<ExecuteWorkflowResponseDTO>;
  retrigger(
    caller: Caller,
    workflowId: string,
    instanceId: string,
    request: RetriggerInstanceRequestDTO,
  ): Promise<JsonObject>;
  abort(caller: Caller, instanceId: string): Promise<string>;
  abortMany(
    caller: Caller,
    instanceIds: string[],
  ): Promise<BulkActionResultDTO>;
  retriggerMany(
    caller: Caller,
    instanceIds: string[],
  ): Promise<BulkActionResultDTO>;
}

export interface ExecutionServiceOptions {
  definitions: DefinitionCache;
  runtime: WorkflowRuntimeClient;
  authorizer: WorkflowAuthorizer;
  access: InstanceAccess;
  validator: InputValidator;
  /** A rerun without inputs starts from the previous run's, as the form's prefill does. */
  runInputs: RunInputs;
  /** Every start goes through it: recorded before the call, settled after a lost answer. */
  starter: RunStarter;
  /** Reads `failOnValidationErrors` from definitions; without it every schema is enforced. */
  dataIndex?: DataIndexClient;
}

export class DefaultExecutionService implements ExecutionService {
  private readonly policy: ValidationPolicy;

  static create(options: ExecutionServiceOptions) {
    return new DefaultExecutionService(options);
  }

  private constructor(private readonly o: ExecutionServiceOptions) {
    this.policy = ValidationPolicy.create({ dataIndex: o.dataIndex });
  }

  async execute(
    caller: Caller,
    workflowId: string,
    request: ExecuteWorkflowRequestDTO,
  ) {
    assertAuthTokens(request.authTokens);
    if (request.targetEntity !== undefined)
      assertEntityRef(request.targetEntity, '/targetEntity');
    assertWorkflowId(workflowId);
    // Starting needs read and use: both decided in one batch.
    await this.o.authorizer.assertWorkflow(caller.credentials, workflowId, [
      'read',
      'use',
    ]);
    return this.start(caller, workflowId, {
      inputs: (request.inputData ?? {}) as JsonObject,
      targetEntity: request.targetEntity,
      authTokens: request.authTokens,
      idempotencyKey: request.idempotencyKey,
    });
  }

  async rerun(
    caller: Caller,
    workflowId: string,
    instanceId: string,
    request: RerunInstanceRequestDTO,
  ) {
    assertAuthTokens(request.authTokens);
    if (request.targetEntity !== undefined)
      assertEntityRef(request.targetEntity, '/targetEntity');
    const previous = await this.o.access.load(caller, instanceId, {
      workflowId,
      action: 'use',
    });
    this.assertState(previous, 'rerun', 'rerun');
    const inputs =
      (request.inputData as JsonObject | undefined) ??
      this.o.runInputs.previousInputs(previous);
    return this.start(caller, workflowId, {
      inputs,
      targetEntity: request.targetEntity ?? previous.run?.targetEntity,
      authTokens: request.authTokens,
      rerunOf: instanceId,
      idempotencyKey: request.idempotencyKey,
    });
  }

  async retrigger(
    caller: Caller,
    workflowId: string,
    instanceId: string,
    request: RetriggerInstanceRequestDTO,
  ) {
    assertAuthTokens(request.authTokens);
    const target = await this.o.access.load(caller, instanceId, {
      workflowId,
      action: 'use',
    });
    return this.retriggerLoaded(target, instanceId, request);
  }

  abort(caller: Caller, instanceId: string) {
    return this.abortOne(caller, instanceId);
  }

  abortMany(caller: Caller, instanceIds: string[]) {
    // bulk() has checked instanceAdminView: each run's own checks need not ask again.
    return this.bulk(caller, instanceIds, id =>
      this.abortOne(caller, id, true),
    );
  }

  retriggerMany(caller: Caller, instanceIds: string[]) {
    return this.bulk(caller, instanceIds, async id => {
      const target = await this.o.access.load(caller, id, {
        action: 'use',
        isInstanceAdmin: true,
      });
      await this.retriggerLoaded(target, id, {});
    });
  }

  /** Inputs are frozen: a retrigger resumes the same run from its failing node. */
  private async retriggerLoaded(
    target: AccessibleInstance,
    instanceId: string,
    request: RetriggerInstanceRequestDTO,
  ) {
    this.assertState(target, 'retrigger', 'retriggered');
    return this.o.runtime.retrigger({
      workflowId: target.instance.processId,
      serviceUrl: await this.serviceUrlOf(target),
      instanceId,
      authTokens: request.authTokens,
    });
  }

  private async abortOne(
    caller: Caller,
    instanceId: string,
    isInstanceAdmin?: boolean,
  ) {
    const target = await this.o.access.load(caller, instanceId, {
      action: 'use',
      isInstanceAdmin,
    });
    this.assertState(target, 'abort', 'aborted');
    await this.o.runtime.abort({
      workflowId: target.instance.processId,
      serviceUrl: await this.serviceUrlOf(target),
      instanceId,
    });
    return `Workflow instance ${instanceId} successfully aborted`;
  }

  /** Bulk actions are for instance admins; every id still passes the single-run checks. */
  private async bulk(
    caller: Caller,
    instanceIds: string[],
    action: (id: string) => Promise<unknown>,
  ): Promise<BulkActionResultDTO> {
    if (!(await this.o.authorizer.isInstanceAdmin(caller.credentials))) {
      throw new NotAllowedError(
        'Unauthorized: bulk actions need orchestrator.instanceAdminView',
      );
    }
    const results = [];
    for (const instanceId of instanceIds) {
      try {
        await action(instanceId);
        results.push({ instanceId, ok: true });
      } catch (error) {
        results.push({
          instanceId,
          ok: false,
          error: (error as Error).message,
        });
      }
    }
    return { results };
  }

  private async start(
    caller: Caller,
    workflowId: string,
    run: {
      inputs: JsonObject;
      targetEntity?: string;
      authTokens?: ExecuteWorkflowRequestDTO['authTokens'];
      rerunOf?: string;
      idempotencyKey?: string;
    },
  ): Promise<ExecuteWorkflowResponseDTO> {
    const definition = await this.o.definitions.get(workflowId);
    if (!definition)
      throw new NotFoundError(`Workflow '${workflowId}' not found`);
    if (!definition.serviceUrl) {
      throw new ServiceUnavailableError(
        `Workflow service of '${workflowId}' is unavailable: the Data Index lists no service URL`,
      );
    }
    const target = { workflowId, serviceUrl: definition.serviceUrl };
    const [schema, strict] = await Promise.all([
      this.o.runtime.getInputSchema(target),
      this.policy.failsOnValidationErrors(workflowId),
    ]);
    // `failOnValidationErrors: false`: SonataFlow starts the run anyway, so do we, and say why.
    let warnings: string[] = [];
    if (strict) this.o.validator.assertValid(workflowId, schema, run.inputs);
    else
      warnings = this.o.validator
        .problems(workflowId, schema, run.inputs)
        .map(p => `${p.path} ${p.message}`);
    const id = await this.o.starter.start({
      ...target,
      initiator: caller.initiator,
      inputs: run.inputs,
      targetEntity: run.targetEntity,
      rerunOf: run.rerunOf,
      authTokens: run.authTokens,
      idempotencyKey: run.idempotencyKey,
    });
    return warnings.length ? { id, warnings } : { id };
  }

  /** The run-state rules live in common (RUN_ACTIONS_BY_STATUS), shared with the UI. */
  private assertState(
    target: AccessibleInstance,
    action: RunAction,
    verb: string,
  ) {
    const state = toStatus(target.instance.state);
    if (!isRunActionAllowed(action, state)) {
      throw new ConflictError(
        `Only ${statusesAllowing(action).join(
          ', ',
        )} runs can be ${verb}; this run is ${state ?? 'unknown'}`,
      );
    }
  }

  private async serviceUrlOf(target: AccessibleInstance): Promise<string> {
    const url =
      target.instance.serviceUrl ??
      (await this.o.definitions.get(target.instance.processId))?.serviceUrl;
    if (!url) {
      throw new ServiceUnavailableError(
        `Workflow service of '${target.instance.processId}' is unavailable: no service URL known`,
      );
    }
    return url;
  }
}
