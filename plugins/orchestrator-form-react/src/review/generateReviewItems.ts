import type { JsonObject, JsonValue } from '@backstage/types';
import type { ReviewItem } from '@orchestrator-suite/backstage-plugin-orchestrator-form-api';
import type { JSONSchema7 } from 'json-schema';
import { isFieldHidden } from '../hidden/isFieldHidden';
import { AUTH_REQUESTER_WIDGET } from '../auth/collectAuthTokenDescriptors';
import {
  alternativeSubschemas,
  asSchema,
  resolveLocalRef,
} from '../schema/schemaNodes';
import { orderKeys } from '../schema/orderKeys';
import { isDisplayOnly } from './isDisplayOnly';

type Ui = Record<string, unknown> | undefined;
type Context = {
  root: JSONSchema7;
  formData: JsonObject;
  displayOnlyWidgets: readonly string[];
};

/**
 * What the review needs to know beyond the schema.
 * @public
 */
export type ReviewOptions = {
  /** `ui:widget` names that hold no value (the decorator's `displayOnlyWidgets`). */
  displayOnlyWidgets?: readonly string[];
};

const pointer = (path: string, key: string | number) =>
  `${path}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;

const isPlainObject = (value: unknown): value is JsonObject =>
  !!value && typeof value === 'object' && !Array.isArray(value);

// Declared properties always show; those of a branch (oneOf, dependencies,
// if/then) only when the user gave them a value.
function reviewedProperties(
  schema: JSONSchema7,
  data: JsonObject | undefined,
  root: JSONSchema7,
) {
  const found: Record<string, JSONSchema7> = {};
  for (const [key, value] of Object.entries(schema.properties ?? {})) {
    found[key] = resolveLocalRef(asSchema(value), root) ?? {};
  }
  // Branches nest (a dependency holding a oneOf, an allOf of if/then): walk them, boundedly.
  let branches = alternativeSubschemas(schema);
  for (let depth = 0; depth < 4 && branches.length > 0; depth++) {
    for (const branch of branches) {
      for (const [key, value] of Object.entries(branch.properties ?? {})) {
        if (!found[key] && data?.[key] !== undefined) {
          found[key] = resolveLocalRef(asSchema(value), root) ?? {};
        }
      }
    }
    branches = branches.flatMap(alternativeSubschemas);
  }
  return found;
}

function itemOf(
  key: string | number,
  schema: JSONSchema7,
  ui: Ui,
  value: JsonValue | undefined,
  path: string,
  parentHidden: boolean,
  context: Context,
): ReviewItem | undefined {
  if (ui?.['ui:widget'] === AUTH_REQUESTER_WIDGET) return undefined;
  const hidden = parentHidden || isFieldHidden(ui, context.formData);
  const title = (ui?.['ui:title'] as string) || schema.title || String(key);
  const here = pointer(path, key);
  if (isPlainObject(value) || (value === undefined && schema.properties)) {
    const children = childrenOf(
      schema,
      ui,
      value as JsonObject | undefined,
      here,
      hidden,
      context,
    );
    // Every field of the group was display-only: a heading over nothing.
    if (children.length === 0 && Object.keys(schema.properties ?? {}).length)
      return undefined;
    return { path: here, title, hidden, children };
  }
  if (
    Array.isArray(value) &&
    value.some(v => isPlainObject(v) || Array.isArray(v))
  ) {
    const itemSchema =
      resolveLocalRef(
        asSchema(Array.isArray(schema.items) ? undefined : schema.items),
        context.root,
      ) ?? {};
    const children = value
      .map((entry, index) =>
        itemOf(
          index,
          { ...itemSchema, title: `${itemSchema.title ?? title} ${index + 1}` },
          ui?.items as Ui,
          entry,
          here,
          hidden,
          context,
        ),
      )
      .filter((item): item is ReviewItem => !!item);
    return { path: here, title, hidden, children };
  }
  if (isDisplayOnly(schema, ui, value, context.displayOnlyWidgets))
    return undefined;
  return { path: here, title, hidden, value };
}

function childrenOf(
  schema: JSONSchema7,
  ui: Ui,
  data: JsonObject | undefined,
  path: string,
  hidden: boolean,
  context: Context,
): ReviewItem[] {
  const properties = reviewedProperties(schema, data, context.root);
  return orderKeys(Object.keys(properties), ui?.['ui:order'])
    .map(key =>
      itemOf(
        key,
        properties[key],
        ui?.[key] as Ui,
        data?.[key],
        path,
        hidden,
        context,
      ),
    )
    .filter((item): item is ReviewItem => !!item);
}

/**
 * The rows of the review step: every field with its title and value,
 * nested objects and arrays of objects as groups, hidden fields flagged
 * (they keep their data and are sent, so the user may want to see them).
 * Fields that hold no value and only show something are left out.
 * @public
 */
export function generateReviewItems(
  schema: JSONSchema7,
  uiSchema: Record<string, unknown>,
  formData: JsonObject,
  options: ReviewOptions = {},
): ReviewItem[] {
  return childrenOf(schema, uiSchema, formData, '', false, {
    root: schema,
    formData,
    displayOnlyWidgets: options.displayOnlyWidgets ?? [],
  });
}

/** How a leaf value reads in the review (`booleans`: the words for true and false). */
export function formatReviewValue(
  value: unknown,
  booleans: { yes: string; no: string } = { yes: 'Yes', no: 'No' },
): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'boolean') return value ? booleans.yes : booleans.no;
  if (Array.isArray(value))
    return value.length
      ? value.map(v => formatReviewValue(v, booleans)).join(', ')
      : '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
