import type { JsonObject } from '@backstage/types';
import type { JSONSchema7 } from 'json-schema';
import { evaluateHiddenCondition } from './evaluateHiddenCondition';
import {
  alternativeSubschemas,
  asSchema,
  isObjectSchema,
  resolveLocalRef,
} from '../schema/schemaNodes';

/** Widgets that render nothing: a step made only of them is empty. */
const VIRTUAL_WIDGETS = new Set(['hidden', 'AuthRequester']);

/** Whether the field with this uiSchema node is hidden for the data now. */
export function isFieldHidden(
  ui: Record<string, unknown> | undefined,
  formData: JsonObject | undefined,
): boolean {
  if (!ui) return false;
  const widget = ui['ui:widget'];
  if (typeof widget === 'string' && VIRTUAL_WIDGETS.has(widget)) return true;
  return evaluateHiddenCondition(ui['ui:hidden'], formData);
}

function propertiesOf(schema: JSONSchema7, root: JSONSchema7) {
  const all: Record<string, JSONSchema7> = {};
  for (const source of [schema, ...alternativeSubschemas(schema)]) {
    for (const [key, value] of Object.entries(source.properties ?? {})) {
      const property = resolveLocalRef(asSchema(value), root);
      if (property && !all[key]) all[key] = property;
    }
  }
  return all;
}

/**
 * Whether a schema node shows at least one field to the user: used to skip
 * a step with nothing to fill instead of showing an empty page.
 */
export function hasVisibleField(
  definition: JSONSchema7 | undefined,
  ui: Record<string, unknown> | undefined,
  formData: JsonObject | undefined,
  root: JSONSchema7,
): boolean {
  const schema = resolveLocalRef(definition, root);
  if (!schema || isFieldHidden(ui, formData)) return false;
  if (!isObjectSchema(schema)) return true;
  const properties = propertiesOf(schema, root);
  if (Object.keys(properties).length === 0)
    return !!schema.additionalProperties;
  return Object.entries(properties).some(([key, property]) =>
    hasVisibleField(
      property,
      ui?.[key] as Record<string, unknown> | undefined,
      formData,
      root,
    ),
  );
}
