import type { JSONSchema7 } from 'json-schema';
import { asSchema, isObjectSchema, resolveLocalRef } from './schemaNodes';
import { orderKeys } from './orderKeys';

/** One page of a multi-step form: a top-level property of the schema. @public */
export type FormStep = { key: string; title: string; schema: JSONSchema7 };

/**
 * Upstream's rule, kept so existing workflows render as they do in RHDH: a
 * form is multi-step when the root is an object and every top-level
 * property is an object.
 * @public
 */
export function isMultiStepSchema(schema: JSONSchema7): boolean {
  if (schema.type !== 'object') return false;
  const properties = Object.values(schema.properties ?? {});
  return (
    properties.length > 0 &&
    properties.every(property =>
      isObjectSchema(resolveLocalRef(asSchema(property), schema)),
    )
  );
}

/**
 * The steps of a multi-step schema, ordered by the root `ui:order` and
 * titled by each property's `title`, the key when it has none.
 * @public
 */
export function getSteps(
  schema: JSONSchema7,
  order: unknown = schema['ui:order' as keyof JSONSchema7],
): FormStep[] {
  const properties = schema.properties ?? {};
  return orderKeys(Object.keys(properties), order).map(key => {
    const step = resolveLocalRef(asSchema(properties[key]), schema) ?? {};
    return { key, title: step.title || key, schema: step };
  });
}
