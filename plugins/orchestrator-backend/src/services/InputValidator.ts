import type { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import type { JsonObject } from '@backstage/types';
import type { FieldErrorDTO } from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * Validates start inputs against the workflow's resolved `dataInputSchema`
 * before anything is started. Failures are a 400 whose `error.details` lists
 * every failing field as a JSON pointer into the request (`/inputData/...`).
 */
export interface InputValidator {
  assertValid(
    workflowId: string,
    schema: JsonObject | undefined,
    inputs: JsonObject,
  ): void;
  /** The same check, returning the failing fields instead of throwing. */
  problems(
    workflowId: string,
    schema: JsonObject | undefined,
    inputs: JsonObject,
  ): FieldErrorDTO[];
  /**
   * The fields of `data` this schema declares at its top level and accepts as they are:
   * a prefill taken from another workflow's run (an assessment suggesting this one) must
   * not put values into the form that the form would then reject.
   */
  fittingFields(
    workflowId: string,
    schema: JsonObject | undefined,
    data: JsonObject,
  ): JsonObject;
}

function pointerOf(error: ErrorObject): string {
  const missing =
    error.keyword === 'required'
      ? `/${(error.params as any).missingProperty}`
      : '';
  return `/inputData${error.instancePath}${missing}`;
}

export function toFieldErrors(errors: ErrorObject[]): FieldErrorDTO[] {
  return errors.map(error => ({
    path: pointerOf(error),
    message: error.message ?? 'is invalid',
    keyword: error.keyword,
  }));
}

export class DefaultInputValidator implements InputValidator {
  /** Compiled validators by schema text; schemas change only on redeploy. */
  private readonly compiled = new Map<string, ValidateFunction | null>();
  private readonly ajv: Ajv;

  static create(options: { logger: LoggerService }) {
    return new DefaultInputValidator(options.logger);
  }

  private constructor(private readonly logger: LoggerService) {
    // strict: false, because form schemas carry `ui:*` keywords for the UI.
    this.ajv = new Ajv({
      allErrors: true,
      strict: false,
      validateSchema: false,
    });
    addFormats(this.ajv);
  }

  problems(
    workflowId: string,
    schema: JsonObject | undefined,
    inputs: JsonObject,
  ): FieldErrorDTO[] {
    if (!schema) return [];
    const validate = this.validatorFor(workflowId, schema);
    if (!validate || validate(inputs)) return [];
    return toFieldErrors(validate.errors ?? []);
  }

  assertValid(
    workflowId: string,
    schema: JsonObject | undefined,
    inputs: JsonObject,
  ): void {
    const details = this.problems(workflowId, schema, inputs);
    if (!details.length) return;
    const summary = details.map(d => `${d.path} ${d.message}`).join('; ');
    throw Object.assign(new InputError(`Invalid input: ${summary}`), {
      details,
    });
  }

  fittingFields(
    workflowId: string,
    schema: JsonObject | undefined,
    data: JsonObject,
  ): JsonObject {
    const properties = schema?.properties;
    if (!schema || !properties || typeof properties !== 'object') return {};
    const entries = Object.entries(data).filter(([key]) => key in properties);
    const declared: JsonObject = Object.fromEntries(entries);
    // Missing required fields are the user's to fill: only what is present is checked.
    const validate = this.validatorFor(`${workflowId}\u0000prefill`, {
      ...schema,
      required: [],
    });
    if (!validate || validate(declared)) return validate ? declared : {};
    const rejected = new Set(
      (validate.errors ?? []).map(e => e.instancePath.split('/')[1]),
    );
    return Object.fromEntries(entries.filter(([key]) => !rejected.has(key)));
  }

  private validatorFor(
    workflowId: string,
    schema: JsonObject,
  ): ValidateFunction | null {
    const key = `${workflowId}\u0000${JSON.stringify(schema)}`;
    if (!this.compiled.has(key)) {
      // `$schema`/`$id` would pin a draft or collide across workflows; the content is what we check.
      const { $schema: _s, $id: _i, ...body } = schema;
      try {
        this.compiled.set(key, this.ajv.compile(body));
      } catch (error) {
        // An uncompilable schema (e.g. an unresolved external $ref) must not block every run;
        // the workflow service still validates with its own copy.
        this.logger.warn(
          `Input schema of workflow '${workflowId}' cannot be compiled; start inputs are not pre-validated: ${
            (error as Error).message
          }`,
        );
        this.compiled.set(key, null);
      }
    }
    return this.compiled.get(key) ?? null;
  }
}
