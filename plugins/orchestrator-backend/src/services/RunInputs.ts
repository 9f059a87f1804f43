import type { JsonObject } from '@backstage/types';
import type { InputSchemaResponseDTO } from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import type { GqlProcessDefinition } from '../dataIndex/types';
import type { WorkflowRuntimeClient } from '../runtime/WorkflowRuntimeClient';
import type { Caller } from './Caller';
import type { InputValidator } from './InputValidator';
import type { AccessibleInstance, InstanceAccess } from './InstanceAccess';
import { parseVariables } from './instanceMapping';

/**
 * What a run starts from: the workflow's input schema, and the inputs of an earlier run (the
 * form's prefill, a rerun's defaults). One home, so the form and a rerun agree on what "the
 * previous inputs" of a run are.
 */
export interface RunInputs {
  /**
   * The input schema of a readable workflow and, given a run the caller may read, the data to
   * prefill its form with (trimmed to the schema when the run is of another workflow).
   */
  forForm(
    caller: Caller,
    definition: GqlProcessDefinition,
    instanceId?: string,
  ): Promise<InputSchemaResponseDTO>;
  /** Inputs of a previous run: as recorded, else its data without the result. */
  previousInputs(previous: AccessibleInstance): JsonObject;
}

export interface RunInputsOptions {
  runtime: WorkflowRuntimeClient;
  validator: InputValidator;
  access: InstanceAccess;
}

export class DefaultRunInputs implements RunInputs {
  static create(options: RunInputsOptions) {
    return new DefaultRunInputs(options);
  }

  private constructor(private readonly o: RunInputsOptions) {}

  async forForm(
    caller: Caller,
    definition: GqlProcessDefinition,
    instanceId?: string,
  ): Promise<InputSchemaResponseDTO> {
    const workflowId = definition.id;
    const [inputSchema, prefilled] = await Promise.all([
      definition.serviceUrl
        ? this.o.runtime.getInputSchema({
            workflowId,
            serviceUrl: definition.serviceUrl,
          })
        : Promise.resolve(undefined),
      instanceId
        ? this.prefillFrom(caller, workflowId, instanceId)
        : Promise.resolve(undefined),
    ]);
    const data =
      prefilled && !prefilled.sameWorkflow
        ? this.o.validator.fittingFields(
            workflowId,
            inputSchema,
            prefilled.data,
          )
        : prefilled?.data;
    return {
      ...(inputSchema ? { inputSchema } : {}),
      ...(data ? { data } : {}),
    };
  }

  previousInputs(previous: AccessibleInstance): JsonObject {
    return (
      previous.run?.inputs ??
      dataWithoutResult(previous.instance.variables) ??
      {}
    );
  }

  /**
   * Data of a previous run the caller may see (same checks as any instance operation). A run of
   * this workflow gives its recorded inputs; a run of another workflow (an assessment whose
   * result suggests this one) gives its inputs and data, which the caller trims to this schema.
   */
  private async prefillFrom(
    caller: Caller,
    workflowId: string,
    instanceId: string,
  ): Promise<{ data: JsonObject; sameWorkflow: boolean } | undefined> {
    const previous = await this.o.access.load(caller, instanceId, {
      action: 'read',
    });
    const sameWorkflow = previous.instance.processId === workflowId;
    if (sameWorkflow) {
      const data =
        previous.run?.inputs ?? dataWithoutResult(previous.instance.variables);
      return data ? { data, sameWorkflow } : undefined;
    }
    return {
      data: {
        ...dataWithoutResult(previous.instance.variables),
        ...previous.run?.inputs,
      },
      sameWorkflow,
    };
  }
}

/**
 * A run's `workflowdata` minus its result: the best guess at its inputs when none were recorded
 * (runs started outside this backend). Undefined when the run has no data at all.
 */
function dataWithoutResult(variables: unknown): JsonObject | undefined {
  const workflowdata = parseVariables(variables)?.workflowdata;
  if (!workflowdata) return undefined;
  if (typeof workflowdata !== 'object' || Array.isArray(workflowdata))
    return {};
  const { result: _result, ...data } = workflowdata as JsonObject;
  return data;
}
