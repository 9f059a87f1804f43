import type { JSONSchema7, JSONSchema7Definition } from 'json-schema';

/** The object form of a schema definition (`true`/`false` carry no fields). */
export function asSchema(
  definition: JSONSchema7Definition | undefined,
): JSONSchema7 | undefined {
  return definition && typeof definition === 'object' ? definition : undefined;
}

/**
 * Follows a local `$ref` (`#/definitions/x`, `#/$defs/x`) against the root.
 * The backend inlines file refs; local ones may remain and RJSF resolves
 * them itself, but our own walkers (review, pruning) need them too.
 */
export function resolveLocalRef(
  schema: JSONSchema7 | undefined,
  root: JSONSchema7,
  seen: Set<string> = new Set(),
): JSONSchema7 | undefined {
  const ref = schema?.$ref;
  if (!ref || !ref.startsWith('#/') || seen.has(ref)) return schema;
  seen.add(ref);
  let target: unknown = root;
  for (const part of ref.slice(2).split('/')) {
    const key = decodeURIComponent(
      part.replace(/~1/g, '/').replace(/~0/g, '~'),
    );
    target = (target as Record<string, unknown> | undefined)?.[key];
  }
  const { $ref: _ignored, ...siblings } = schema!;
  const resolved = asSchema(target as JSONSchema7Definition);
  if (!resolved) return siblings;
  return resolveLocalRef({ ...resolved, ...siblings }, root, seen);
}

/**
 * Every subschema whose properties may apply to the same object as `schema`
 * (combinators and conditionals), so hints and allowed keys found there count.
 */
export function alternativeSubschemas(schema: JSONSchema7): JSONSchema7[] {
  const found: JSONSchema7Definition[] = [
    ...(schema.allOf ?? []),
    ...(schema.anyOf ?? []),
    ...(schema.oneOf ?? []),
  ];
  for (const key of ['if', 'then', 'else'] as const) {
    if (schema[key] !== undefined) found.push(schema[key]!);
  }
  for (const dependency of Object.values(schema.dependencies ?? {})) {
    if (!Array.isArray(dependency))
      found.push(dependency as JSONSchema7Definition);
  }
  return found.map(asSchema).filter((s): s is JSONSchema7 => !!s);
}

/** True when the definition describes an object with named properties. */
export function isObjectSchema(schema: JSONSchema7 | undefined): boolean {
  if (!schema) return false;
  const type = schema.type;
  return type === 'object' || (type === undefined && !!schema.properties);
}
