import { JsonObject } from '@backstage/types';
import type { ErrorSchema, UiSchema } from '@rjsf/utils';
import type { JSONSchema7 } from 'json-schema';
import set from 'lodash/set';
import { WidgetRequester } from '../http/WidgetRequester';
import { UiProps, readUiProps } from '../uiProps';
import { validateField } from './validateField';

type ValidatedField = { path: string[]; uiProps: UiProps };

/** Fields whose `ui:props` carry `validate:url`, with their property paths (arrays' items are not walked). */
export function findValidatedFields(
  uiSchema: unknown,
  path: string[] = [],
): ValidatedField[] {
  if (!uiSchema || typeof uiSchema !== 'object') return [];
  const found: ValidatedField[] = [];
  const uiProps = readUiProps(uiSchema as UiSchema);
  if (path.length > 0 && typeof uiProps['validate:url'] === 'string') {
    found.push({ path, uiProps });
  }
  for (const [key, child] of Object.entries(uiSchema)) {
    if (key.startsWith('ui:') || key === 'items') continue;
    if (child && typeof child === 'object' && !Array.isArray(child)) {
      found.push(...findValidatedFields(child as UiSchema, [...path, key]));
    }
  }
  return found;
}

/**
 * The decorator's getExtraErrors: validates every `validate:url` field of
 * `uiSchema` in parallel and returns their messages in RJSF's ErrorSchema
 * shape (always `__errors: string[]`), or undefined when all pass.
 */
export async function collectRemoteErrors(options: {
  requester: WidgetRequester;
  formData: JsonObject;
  uiSchema: UiSchema<JsonObject, JSONSchema7> | undefined;
  /** Whole-form data for `current.*` templates (formData may be one step). */
  wholeFormData?: JsonObject;
}): Promise<ErrorSchema<JsonObject> | undefined> {
  const fields = findValidatedFields(options.uiSchema);
  const results = await Promise.all(
    fields.map(async field => ({
      field,
      messages: await validateField(options.requester, field.uiProps, {
        formData: options.wholeFormData ?? options.formData,
        fieldName: field.path[field.path.length - 1],
      }),
    })),
  );
  const errors: Record<string, unknown> = {};
  for (const { field, messages } of results) {
    if (messages.length) set(errors, [...field.path, '__errors'], messages);
  }
  return Object.keys(errors).length
    ? (errors as ErrorSchema<JsonObject>)
    : undefined;
}
