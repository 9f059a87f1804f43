import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { InputValidationError } from './errors';
import { LoadedWorkflow } from './loader/loadWorkflows';

/** Validates start inputs against each workflow's resolved dataInputSchema. */
export class InputValidator {
  private readonly ajv: Ajv;
  private readonly compiled = new Map<string, ValidateFunction | null>();

  constructor() {
    this.ajv = new Ajv({
      allErrors: true,
      strict: false,
      validateSchema: false,
    });
    addFormats(this.ajv);
  }

  validate(wf: LoadedWorkflow, data: unknown) {
    if (!wf.inputSchema || !wf.failOnValidationErrors) return;
    if (!this.compiled.has(wf.id)) {
      const {
        $schema: _ignored,
        $id: _id,
        ...schema
      } = wf.inputSchema as Record<string, unknown>;
      this.compiled.set(wf.id, this.ajv.compile(schema));
    }
    const validate = this.compiled.get(wf.id)!;
    if (!validate(data)) {
      throw new InputValidationError(
        (validate.errors ?? []).map(e => ({
          path:
            e.keyword === 'required'
              ? `${e.instancePath}/${
                  (e.params as { missingProperty: string }).missingProperty
                }`
              : e.instancePath || '/',
          message: e.message ?? e.keyword,
        })),
      );
    }
  }
}
