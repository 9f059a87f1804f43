import type { RJSFValidationError } from '@rjsf/utils';
import type { JSONSchema7 } from 'json-schema';
import get from 'lodash/get';
import { asSchema, resolveLocalRef } from '../schema/schemaNodes';
import type { OrchestratorFormTranslate } from '../translation';
import { phraseOf } from './validationPhrases';

/** The title a user sees for the field at an RJSF property path (`.a.0.b`). */
export function titleAt(
  schema: JSONSchema7,
  property: string,
): string | undefined {
  const parts = property.split('.').filter(Boolean);
  let node: JSONSchema7 | undefined = schema;
  for (const part of parts) {
    node = resolveLocalRef(node, schema);
    if (!node) return undefined;
    const items: JSONSchema7['items'] = node.items;
    node =
      /^\d+$/.test(part) && items
        ? asSchema(Array.isArray(items) ? items[Number(part)] : items)
        : asSchema(get(node.properties, part)) ?? findInBranches(node, part);
  }
  return resolveLocalRef(node, schema)?.title ?? parts[parts.length - 1];
}

function findInBranches(
  node: JSONSchema7,
  key: string,
): JSONSchema7 | undefined {
  const branches = [
    ...(node.allOf ?? []),
    ...(node.oneOf ?? []),
    ...(node.anyOf ?? []),
    node.then,
    node.else,
    ...Object.values(node.dependencies ?? {}),
  ];
  for (const branch of branches) {
    const found = asSchema(asSchema(branch as JSONSchema7)?.properties?.[key]);
    if (found) return found;
  }
  return undefined;
}

/**
 * RJSF `transformErrors` turning ajv's wording ("must match pattern ...")
 * into a sentence that names the field by its title, in the user's
 * language: `t` is `useTranslationRef(orchestratorFormTranslationRef).t`.
 * @public
 */
export function createTransformErrors(
  schema: JSONSchema7,
  t: OrchestratorFormTranslate,
) {
  return (errors: RJSFValidationError[]): RJSFValidationError[] =>
    // An `if` error only repeats what its `then`/`else` branch's errors say.
    errors
      .filter(error => error.name !== 'if')
      .map(error => {
        const field =
          titleAt(schema, error.property ?? '') ?? t('step.defaultTitle');
        const message = phraseOf(
          error,
          field,
          (path: string) => titleAt(schema, path),
          t,
        );
        return { ...error, message, stack: message };
      });
}
