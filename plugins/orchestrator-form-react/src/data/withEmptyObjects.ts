import type { JsonObject } from '@backstage/types';
import type { JSONSchema7 } from 'json-schema';
import {
  asSchema,
  isObjectSchema,
  resolveLocalRef,
} from '../schema/schemaNodes';

/**
 * The data with every declared nested object present (an empty `{}` where
 * the user left it out). JSON Schema validates `required` only inside an
 * object that exists, so without this a left-out optional section would
 * skip its own required fields; with it, they are reported.
 * @public
 */
export function withEmptyObjects(
  schema: JSONSchema7,
  formData: JsonObject,
  root: JSONSchema7 = schema,
): JsonObject {
  const resolved = resolveLocalRef(schema, root);
  if (!resolved?.properties) return formData;
  const result: JsonObject = { ...formData };
  for (const [key, definition] of Object.entries(resolved.properties)) {
    const property = resolveLocalRef(asSchema(definition), root);
    if (!property || !isObjectSchema(property)) continue;
    const value = result[key];
    if (value === undefined) {
      result[key] = withEmptyObjects(property, {}, root);
    } else if (value && typeof value === 'object' && !Array.isArray(value)) {
      result[key] = withEmptyObjects(property, value, root);
    }
  }
  return result;
}
