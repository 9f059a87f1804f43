import type { RJSFValidationError } from '@rjsf/utils';
import type { JSONSchema7 } from 'json-schema';
import get from 'lodash/get';
import { asSchema, resolveLocalRef } from '../schema/schemaNodes';

type Params = Record<string, any>;

const FORMAT_NAMES: Record<string, string> = {
  email: 'an email address',
  uri: 'a URL',
  url: 'a URL',
  'uri-reference': 'a URL or path',
  date: 'a date (YYYY-MM-DD)',
  'date-time': 'a date and time',
  time: 'a time',
  ipv4: 'an IPv4 address',
  ipv6: 'an IPv6 address',
  hostname: 'a host name',
  uuid: 'a UUID',
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

const PHRASES: Record<string, (p: Params) => string> = {
  required: () => 'is required',
  pattern: p => `must look like ${p.pattern}`,
  minLength: p => `must be at least ${plural(p.limit, 'character')} long`,
  maxLength: p => `must be at most ${plural(p.limit, 'character')} long`,
  minimum: p => `must be ${p.limit} or more`,
  maximum: p => `must be ${p.limit} or less`,
  exclusiveMinimum: p => `must be more than ${p.limit}`,
  exclusiveMaximum: p => `must be less than ${p.limit}`,
  multipleOf: p => `must be a multiple of ${p.multipleOf}`,
  minItems: p => `needs at least ${plural(p.limit, 'item')}`,
  maxItems: p => `takes at most ${plural(p.limit, 'item')}`,
  uniqueItems: () => 'must not list the same item twice',
  minProperties: p => `needs at least ${plural(p.limit, 'entry')}`,
  format: p => `must be ${FORMAT_NAMES[p.format] ?? `a valid ${p.format}`}`,
  enum: p => `must be one of: ${(p.allowedValues ?? []).join(', ')}`,
  const: p => `must be ${JSON.stringify(p.allowedValue)}`,
  type: p => `must be ${typeName(p.type)}`,
  oneOf: () => 'must match exactly one of the options',
  anyOf: () => 'must match one of the options',
  additionalProperties: p => `does not accept "${p.additionalProperty}"`,
};

function typeName(type: unknown): string {
  const names: Record<string, string> = {
    string: 'text',
    number: 'a number',
    integer: 'a whole number',
    boolean: 'yes or no',
    array: 'a list',
    object: 'a group of fields',
    null: 'empty',
  };
  const types = Array.isArray(type) ? type : String(type).split(',');
  return types.map(t => names[t] ?? t).join(' or ');
}

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
 * into a sentence that names the field by its title.
 * @public
 */
export function createTransformErrors(schema: JSONSchema7) {
  return (errors: RJSFValidationError[]): RJSFValidationError[] =>
    errors.map(error => {
      const phrase = error.name ? PHRASES[error.name] : undefined;
      const title = titleAt(schema, error.property ?? '');
      const text = phrase ? phrase(error.params ?? {}) : error.message ?? '';
      const message = title ? `${title} ${text}` : text;
      return { ...error, message, stack: message };
    });
}
