import type { JsonObject, JsonValue } from '@backstage/types';
import type { JSONSchema7, JSONSchema7Definition } from 'json-schema';
import {
  alternativeSubschemas,
  asSchema,
  resolveLocalRef,
} from '../schema/schemaNodes';

type Shape = {
  properties: Record<string, JSONSchema7Definition>;
  patterns: RegExp[];
  additional: JSONSchema7Definition | undefined;
  declaresKeys: boolean;
};

// The keys any branch may accept: data of a conditional branch the user
// filled is kept; it is the server's validation that rejects a wrong branch.
function shapeOf(schema: JSONSchema7, root: JSONSchema7): Shape {
  const shape: Shape = {
    properties: {},
    patterns: [],
    additional: undefined,
    declaresKeys: false,
  };
  const visit = (node: JSONSchema7 | undefined) => {
    const resolved = resolveLocalRef(node, root);
    if (!resolved) return;
    if (resolved.properties) {
      shape.declaresKeys = true;
      for (const [key, value] of Object.entries(resolved.properties)) {
        shape.properties[key] ??= value;
      }
    }
    for (const pattern of Object.keys(resolved.patternProperties ?? {})) {
      shape.declaresKeys = true;
      shape.patterns.push(new RegExp(pattern, 'u'));
    }
    if (resolved.additionalProperties !== undefined) shape.declaresKeys = true;
    if (resolved.additionalProperties) {
      shape.additional ??= resolved.additionalProperties;
    }
    alternativeSubschemas(resolved).forEach(visit);
  };
  visit(schema);
  return shape;
}

function pruneObject(
  schema: JSONSchema7,
  data: JsonObject,
  root: JSONSchema7,
): JsonObject {
  const shape = shapeOf(schema, root);
  // A free-form object (`{type: object}` and nothing else) keeps everything.
  if (!shape.declaresKeys) return data;
  const result: JsonObject = {};
  for (const [key, value] of Object.entries(data)) {
    const declared = shape.properties[key];
    if (declared !== undefined) {
      result[key] = pruneValue(declared, value!, root);
    } else if (shape.patterns.some(pattern => pattern.test(key))) {
      result[key] = value;
    } else if (shape.additional) {
      result[key] = pruneValue(shape.additional, value!, root);
    }
  }
  return result;
}

function pruneValue(
  definition: JSONSchema7Definition,
  value: JsonValue,
  root: JSONSchema7,
): JsonValue {
  const schema = resolveLocalRef(asSchema(definition), root);
  if (!schema || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const items = schema.items;
    return value.map((item, index) => {
      const itemSchema = Array.isArray(items)
        ? items[index] ?? schema.additionalItems
        : items;
      return itemSchema === undefined
        ? item
        : pruneValue(itemSchema, item, root);
    });
  }
  return pruneObject(schema, value, root);
}

/**
 * Drops the keys of the data the (possibly updated) schema no longer
 * describes, at every depth, so a field a `SchemaUpdater` removed is not
 * sent with the run. Keys allowed by `additionalProperties` or
 * `patternProperties`, and the content of free-form objects, are kept.
 * @public
 */
export function pruneFormData(
  schema: JSONSchema7,
  formData: JsonObject,
): JsonObject {
  return pruneObject(schema, formData, schema);
}
