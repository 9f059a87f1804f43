import type { JSONSchema7 } from 'json-schema';
import type { FormStep } from './steps';

/**
 * The schema of one step's RJSF form: the root reduced to that step's
 * property. Keeping the root shape (instead of the bare sub-schema) makes
 * field ids, error paths, `customValidate` and `ui:hidden` paths whole-form
 * paths, keeps the other steps' data in formData, and keeps local `$ref`s to
 * the root's definitions resolvable.
 */
export function pageSchema(root: JSONSchema7, step: FormStep): JSONSchema7 {
  const { definitions, $defs } = root as JSONSchema7 & { $defs?: unknown };
  const page: JSONSchema7 & { $defs?: unknown } = {
    type: 'object',
    properties: { [step.key]: root.properties?.[step.key] ?? {} },
    required: root.required?.includes(step.key) ? [step.key] : [],
  };
  if (definitions) page.definitions = definitions;
  if ($defs) page.$defs = $defs;
  return page;
}
