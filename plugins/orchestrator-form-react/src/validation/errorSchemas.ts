import type { JsonObject } from '@backstage/types';
import type { ErrorSchema } from '@rjsf/utils';
import isEqual from 'lodash/isEqual';

type Errors = ErrorSchema<JsonObject>;

/**
 * An error schema from outside (server, remote validation) made safe for
 * RJSF: `__errors` always an array of strings. Upstream crashed on a
 * single-string `__errors`.
 */
export function normalizeErrorSchema(input: unknown): Errors | undefined {
  if (!input || typeof input !== 'object' || Array.isArray(input))
    return undefined;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (key === '__errors') {
      const list = (Array.isArray(value) ? value : [value])
        .filter(
          message =>
            message !== undefined && message !== null && message !== '',
        )
        .map(String);
      if (list.length) result.__errors = list;
    } else {
      const child = normalizeErrorSchema(value);
      if (child) result[key] = child;
    }
  }
  return Object.keys(result).length ? (result as Errors) : undefined;
}

/** All error schemas at once; messages at the same field are concatenated, each once. */
export function mergeErrorSchemas(
  ...schemas: (Errors | undefined)[]
): Errors | undefined {
  const merged: Record<string, any> = {};
  for (const schema of schemas) {
    if (!schema) continue;
    for (const [key, value] of Object.entries(schema)) {
      if (key === '__errors') {
        merged.__errors = [
          ...new Set([...(merged.__errors ?? []), ...(value as string[])]),
        ];
      } else {
        merged[key] = mergeErrorSchemas(merged[key], value as Errors);
      }
    }
  }
  return normalizeErrorSchema(merged);
}

/** True when the error schema holds at least one message. */
export function hasErrors(schema: unknown): boolean {
  return normalizeErrorSchema(schema) !== undefined;
}

/**
 * Drops the errors of fields whose value changed: a message the server or a
 * remote check gave about an old value must not stay after the user fixed it.
 */
export function dropErrorsOfChangedFields(
  errors: Errors | undefined,
  before: unknown,
  after: unknown,
): Errors | undefined {
  if (!errors || isEqual(before, after)) return errors;
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(errors)) {
    if (key === '__errors') continue;
    const child = dropErrorsOfChangedFields(
      value as Errors,
      (before as Record<string, unknown> | undefined)?.[key],
      (after as Record<string, unknown> | undefined)?.[key],
    );
    if (child) kept[key] = child;
  }
  return normalizeErrorSchema(kept);
}

/** Flat `path → messages` list, for a summary of errors no field shows. */
export function flattenErrors(
  schema: Errors | undefined,
  path: string[] = [],
): { path: string[]; message: string }[] {
  if (!schema) return [];
  return Object.entries(schema).flatMap(([key, value]) =>
    key === '__errors'
      ? (value as string[]).map(message => ({ path, message }))
      : flattenErrors(value as Errors, [...path, key]),
  );
}
