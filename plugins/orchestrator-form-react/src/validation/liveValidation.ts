import type { JsonObject } from '@backstage/types';
import type {
  CustomValidator,
  ErrorSchema,
  UiSchema as RjsfUiSchema,
} from '@rjsf/utils';
import type { JSONSchema7 } from 'json-schema';
import get from 'lodash/get';
import set from 'lodash/set';
import { withEmptyObjects } from '../data/withEmptyObjects';
import { normalizeErrorSchema } from './errorSchemas';
import { createTransformErrors } from './readableErrors';
import { formValidator } from './validator';
import type { OrchestratorFormTranslate } from '../translation';

type UiSchema = RjsfUiSchema<JsonObject, JSONSchema7>;

/**
 * When a field's errors show: `onChange` as the user types, `onBlur` when
 * the user leaves it, `onSubmit` (the default) on Next and Run only.
 * `change`, `blur` and `submit` are read the same.
 */
export type ValidateOn = 'onChange' | 'onBlur' | 'onSubmit';

export function readValidateOn(value: unknown): ValidateOn {
  if (value === 'onChange' || value === 'change') return 'onChange';
  if (value === 'onBlur' || value === 'blur') return 'onBlur';
  return 'onSubmit';
}

/** A field's path and the id RJSF gives its input (`root_a_b`). */
export type LiveField = { path: string[]; id: string; on: ValidateOn };

/** Every field whose uiSchema asks for live errors, at any object depth. */
export function liveFields(
  uiSchema: UiSchema | undefined,
  path: string[] = [],
): LiveField[] {
  if (!uiSchema || typeof uiSchema !== 'object') return [];
  const own: LiveField[] = [];
  const on = readValidateOn(uiSchema['ui:validateOn']);
  if (path.length && on !== 'onSubmit') {
    own.push({ path, id: ['root', ...path].join('_'), on });
  }
  const children = Object.entries(uiSchema)
    .filter(([key]) => !key.startsWith('ui:') && key !== 'items')
    .flatMap(([key, child]) => liveFields(child as UiSchema, [...path, key]));
  return [...own, ...children];
}

/**
 * The schema's (and customValidate's) errors of the given fields only: what
 * a field that validates on change or on blur shows before Next.
 */
export function liveErrors(options: {
  schema: JSONSchema7;
  uiSchema: UiSchema;
  formData: JsonObject;
  paths: string[][];
  customValidate?: CustomValidator<JsonObject, JSONSchema7, any>;
  t: OrchestratorFormTranslate;
}): ErrorSchema<JsonObject> | undefined {
  if (options.paths.length === 0) return undefined;
  const data = withEmptyObjects(options.schema, options.formData);
  const { errorSchema } = formValidator.validateFormData(
    data,
    options.schema,
    options.customValidate,
    createTransformErrors(options.schema, options.t),
    options.uiSchema as any,
  );
  const picked: Record<string, unknown> = {};
  for (const path of options.paths) {
    const errors = get(errorSchema, path);
    if (errors) set(picked, path, errors);
  }
  return normalizeErrorSchema(picked);
}
