import type { JSONSchema7 } from 'json-schema';

const isEmpty = (value: unknown) =>
  value === undefined || value === null || value === '';

/**
 * Whether a leaf field is left out of the review: it holds no value and
 * only shows something. That is a schema that allows nothing but `null`
 * (a heading, a note), a read-only field (nobody could fill it), or a
 * `ui:widget` the decorator declares display-only (ActiveText,
 * SchemaUpdater). An ordinary optional field left empty is not: its "—"
 * tells the user the run gets nothing for it.
 */
export function isDisplayOnly(
  schema: JSONSchema7,
  ui: Record<string, unknown> | undefined,
  value: unknown,
  displayOnlyWidgets: readonly string[],
): boolean {
  if (!isEmpty(value)) return false;
  if (schema.type === 'null') return true;
  if (schema.readOnly === true || ui?.['ui:readonly'] === true) return true;
  const widget = ui?.['ui:widget'];
  return typeof widget === 'string' && displayOnlyWidgets.includes(widget);
}
