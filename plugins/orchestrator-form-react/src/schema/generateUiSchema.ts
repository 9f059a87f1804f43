import type { JsonObject } from '@backstage/types';
import type { UiSchema } from '@rjsf/utils';
import type { JSONSchema7, JSONSchema7Definition } from 'json-schema';
import merge from 'lodash/merge';
import { alternativeSubschemas, asSchema } from './schemaNodes';
import { tolerantUiOrder } from './orderKeys';

/** The RJSF uiSchema of a run form. @public */
export type OrchestratorUiSchema = UiSchema<JsonObject, JSONSchema7>;

const isUiKey = (key: string) => key.startsWith('ui:');
// These hold data, not schemas: a `ui:` key inside them is a value.
const DATA_KEYWORDS = new Set(['const', 'enum', 'default', 'examples']);

function ownHints(schema: JSONSchema7): Record<string, unknown> {
  const hints: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (isUiKey(key)) hints[key] = value;
  }
  if ('ui:order' in hints)
    hints['ui:order'] = tolerantUiOrder(hints['ui:order']);
  return hints;
}

function itemsHints(
  items: JSONSchema7['items'],
): OrchestratorUiSchema | OrchestratorUiSchema[] | undefined {
  if (Array.isArray(items)) return items.map(item => hintsOf(item));
  const schema = asSchema(items);
  return schema ? hintsOf(schema) : undefined;
}

function hintsOf(definition: JSONSchema7Definition): OrchestratorUiSchema {
  const schema = asSchema(definition);
  if (!schema) return {};
  const ui: OrchestratorUiSchema = {};
  // Subschemas first: the field's own hints win over those of a branch.
  for (const sub of alternativeSubschemas(schema)) merge(ui, hintsOf(sub));
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    const child = hintsOf(property);
    if (Object.keys(child).length) ui[key] = merge(ui[key] ?? {}, child);
  }
  const items = itemsHints(schema.items);
  if (items && Object.keys(items).length) {
    ui.items = Array.isArray(items) ? items : merge(ui.items ?? {}, items);
  }
  const additional = asSchema(schema.additionalItems);
  if (additional) ui.additionalItems = hintsOf(additional);
  return Object.assign(ui, ownHints(schema));
}

/**
 * Extracts the `ui:*` hints a workflow author wrote inside the JSON Schema
 * into an RJSF uiSchema, at every depth: properties, array `items`, and the
 * properties of `oneOf`/`anyOf`/`allOf`/`dependencies`/`if`/`then`/`else`
 * branches (RJSF keys the uiSchema by property name, not by branch).
 * @public
 */
export function generateUiSchema(schema: JSONSchema7): OrchestratorUiSchema {
  return hintsOf(schema);
}

/**
 * The schema without `ui:*` keys and without its root `$id`/`$schema`: what
 * RJSF and ajv receive. Stripping keeps ajv strict-safe and keeps RJSF's
 * allOf merging from tripping over hint values; dropping the root `$id`
 * stops the validator from reusing a stale compiled schema after an update.
 * @public
 */
export function toRjsfSchema(schema: JSONSchema7): JSONSchema7 {
  const { $id: _id, $schema: _dialect, ...rest } = schema;
  return stripUiKeys(rest) as JSONSchema7;
}

function stripUiKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripUiKeys);
  if (!value || typeof value !== 'object') return value;
  const result: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (isUiKey(key)) continue;
    // `const`, `enum`, `default` and `examples` hold data, not schemas.
    result[key] = DATA_KEYWORDS.has(key) ? child : stripUiKeys(child);
  }
  return result;
}
