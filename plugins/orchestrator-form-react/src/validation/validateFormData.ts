import type { JsonObject } from '@backstage/types';
import type { CustomValidator, ErrorSchema, UiSchema } from '@rjsf/utils';
import type { JSONSchema7 } from 'json-schema';
import type { GetExtraErrors } from '@orchestrator-suite/backstage-plugin-orchestrator-form-api';
import { formValidator } from './validator';
import { createTransformErrors } from './readableErrors';
import { mergeErrorSchemas, normalizeErrorSchema } from './errorSchemas';
import { placeErrorsAtFields } from './errorPaths';
import { withEmptyObjects } from '../data/withEmptyObjects';
import type { OrchestratorFormTranslate } from '../translation';

/** What {@link validateFormData} checks the data with. */
export type ValidationInput = {
  schema: JSONSchema7;
  uiSchema: UiSchema<JsonObject, JSONSchema7>;
  formData: JsonObject;
  customValidate?: CustomValidator<JsonObject, JSONSchema7, any>;
  getExtraErrors?: GetExtraErrors;
  /** Words the messages in the user's language. */
  t: OrchestratorFormTranslate;
};

/**
 * Everything the form checks before Next or Run, in order: the schema (with
 * absent nested objects made present, so their `required` counts), the
 * decorator's `customValidate`, then its async `getExtraErrors`. Returns the
 * errors in RJSF's shape, undefined when the data passes.
 */
export async function validateFormData(
  input: ValidationInput,
): Promise<ErrorSchema<JsonObject> | undefined> {
  const data = withEmptyObjects(input.schema, input.formData);
  const { errorSchema } = formValidator.validateFormData(
    data,
    input.schema,
    input.customValidate,
    createTransformErrors(input.schema, input.t),
    input.uiSchema as any,
  );
  const local = normalizeErrorSchema(errorSchema);
  if (local || !input.getExtraErrors) return local;
  let remote: unknown;
  try {
    remote = await input.getExtraErrors(data, input.uiSchema);
  } catch (error) {
    // A failing remote check must block with a reason, not crash the form.
    return {
      __errors: [
        input.t('errors.validationFailed', {
          message: String((error as Error)?.message ?? error),
        }),
      ],
    } as ErrorSchema<JsonObject>;
  }
  return mergeErrorSchemas(
    local,
    placeErrorsAtFields(remote, input.schema, input.uiSchema),
  );
}
