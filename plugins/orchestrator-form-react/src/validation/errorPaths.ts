import type { JsonObject } from '@backstage/types';
import type { ErrorSchema, UiSchema as RjsfUiSchema } from '@rjsf/utils';
import type { JSONSchema7 } from 'json-schema';
import { asSchema, resolveLocalRef } from '../schema/schemaNodes';
import { mergeErrorSchemas, normalizeErrorSchema } from './errorSchemas';

type Errors = ErrorSchema<JsonObject>;
type UiSchema = RjsfUiSchema<JsonObject, JSONSchema7>;
type Node = Record<string, unknown>;

/** `/regions/1` (JSON pointer) or `regions[1].name` as a path; undefined for a plain key. */
function pathOfKey(key: string): string[] | undefined {
  if (key.startsWith('/')) {
    return key
      .slice(1)
      .split('/')
      .map(s => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  }
  if (/\[\d+\]/.test(key)) {
    return key
      .replace(/\[(\d+)\]/g, '.$1')
      .split('.')
      .filter(Boolean);
  }
  return undefined;
}

function nest(path: string[], value: unknown): Node {
  return path.reduceRight<Node>(
    (inner, key) => ({ [key]: inner }),
    value as Node,
  );
}

/** Error schema keys that are whole paths, expanded into nested keys. */
function expandPaths(errors: unknown): unknown {
  if (!errors || typeof errors !== 'object' || Array.isArray(errors))
    return errors;
  const parts: Node[] = [];
  for (const [key, value] of Object.entries(errors)) {
    if (key === '__errors') {
      parts.push({ __errors: value });
      continue;
    }
    parts.push(nest(pathOfKey(key) ?? [key], expandPaths(value)));
  }
  return mergeErrorSchemas(...parts.map(p => normalizeErrorSchema(p)));
}

/** An array RJSF draws as one widget (multi-select, chips, a custom field): its items have no field of their own. */
function isOneWidgetArray(schema: JSONSchema7, ui: UiSchema | undefined) {
  if (ui?.['ui:widget'] || ui?.['ui:field']) return true;
  const items = asSchema(schema.items as JSONSchema7 | undefined);
  return !!schema.uniqueItems && !!items?.enum;
}

/** Every message under an item's error node, with the item's number. */
function itemMessages(errors: Node): string[] {
  return Object.entries(errors).flatMap(([key, value]) => {
    if (key === '__errors' || !/^\d+$/.test(key)) return [];
    const messages = (function all(node: Node): string[] {
      return Object.entries(node).flatMap(([k, v]) =>
        k === '__errors' ? (v as string[]) : all(v as Node),
      );
    })(value as Node);
    return messages.map(message => `#${Number(key) + 1}: ${message}`);
  });
}

function place(
  errors: Node,
  definition: JSONSchema7 | undefined,
  ui: UiSchema | undefined,
  root: JSONSchema7,
): Node {
  const schema = resolveLocalRef(definition, root);
  if (!schema) return errors;
  if (schema.type === 'array') {
    if (isOneWidgetArray(schema, ui)) {
      const lifted = itemMessages(errors);
      const own = (errors.__errors as string[] | undefined) ?? [];
      return lifted.length ? { __errors: [...own, ...lifted] } : errors;
    }
    const items = asSchema(schema.items as JSONSchema7 | undefined);
    return Object.fromEntries(
      Object.entries(errors).map(([key, value]) => [
        key,
        key === '__errors'
          ? value
          : place(value as Node, items, ui?.items as UiSchema, root),
      ]),
    );
  }
  return Object.fromEntries(
    Object.entries(errors).map(([key, value]) => [
      key,
      key === '__errors'
        ? value
        : place(
            value as Node,
            asSchema(schema.properties?.[key]),
            ui?.[key] as UiSchema | undefined,
            root,
          ),
    ]),
  );
}

/**
 * Errors from outside the form (a server 400, a remote check) placed where
 * a field shows them: keys that are paths (`/regions/1`, `regions[1]`) are
 * nested, and an item's errors of an array drawn as one widget (chips, a
 * multi-select) go to the array's field, numbered, since the item has no
 * field of its own.
 */
export function placeErrorsAtFields(
  errors: unknown,
  schema: JSONSchema7,
  uiSchema: UiSchema | undefined,
): Errors | undefined {
  const expanded = normalizeErrorSchema(expandPaths(errors));
  if (!expanded) return undefined;
  return normalizeErrorSchema(
    place(expanded as Node, schema, uiSchema, schema),
  );
}
