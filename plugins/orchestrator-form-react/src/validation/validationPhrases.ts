import type { RJSFValidationError } from '@rjsf/utils';
import type { OrchestratorFormTranslate } from '../translation';

type Params = Record<string, any>;
type Phrase = (
  params: Params,
  field: string,
  t: OrchestratorFormTranslate,
) => string;

// What "must be" is followed by, per ajv format name.
const FORMATS: Record<string, (t: OrchestratorFormTranslate) => string> = {
  email: t => t('formats.email'),
  uri: t => t('formats.url'),
  url: t => t('formats.url'),
  'uri-reference': t => t('formats.uriReference'),
  date: t => t('formats.date'),
  'date-time': t => t('formats.dateTime'),
  time: t => t('formats.time'),
  ipv4: t => t('formats.ipv4'),
  ipv6: t => t('formats.ipv6'),
  hostname: t => t('formats.hostname'),
  uuid: t => t('formats.uuid'),
};

const TYPES: Record<string, (t: OrchestratorFormTranslate) => string> = {
  string: t => t('types.string'),
  number: t => t('types.number'),
  integer: t => t('types.integer'),
  boolean: t => t('types.boolean'),
  array: t => t('types.array'),
  object: t => t('types.object'),
  null: t => t('types.null'),
};

function typeName(type: unknown, t: OrchestratorFormTranslate): string {
  const types = Array.isArray(type) ? type : String(type).split(',');
  return types
    .map(name => TYPES[name]?.(t) ?? name)
    .join(` ${t('validation.or')} `);
}

const counted = (p: Params, field: string) => ({
  field,
  count: Number(p.limit),
});
const limited = (p: Params, field: string) => ({
  field,
  limit: String(p.limit),
});

const PHRASES: Record<string, Phrase> = {
  required: (_, field, t) => t('validation.required', { field }),
  pattern: (p, field, t) =>
    t('validation.pattern', { field, pattern: String(p.pattern) }),
  minLength: (p, field, t) => t('validation.minLength', counted(p, field)),
  maxLength: (p, field, t) => t('validation.maxLength', counted(p, field)),
  minimum: (p, field, t) => t('validation.minimum', limited(p, field)),
  maximum: (p, field, t) => t('validation.maximum', limited(p, field)),
  exclusiveMinimum: (p, field, t) =>
    t('validation.exclusiveMinimum', limited(p, field)),
  exclusiveMaximum: (p, field, t) =>
    t('validation.exclusiveMaximum', limited(p, field)),
  multipleOf: (p, field, t) =>
    t('validation.multipleOf', { field, factor: String(p.multipleOf) }),
  minItems: (p, field, t) => t('validation.minItems', counted(p, field)),
  maxItems: (p, field, t) => t('validation.maxItems', counted(p, field)),
  uniqueItems: (_, field, t) => t('validation.uniqueItems', { field }),
  minProperties: (p, field, t) =>
    t('validation.minProperties', counted(p, field)),
  maxProperties: (p, field, t) =>
    t('validation.maxProperties', counted(p, field)),
  format: (p, field, t) =>
    t('validation.format', {
      field,
      format:
        FORMATS[p.format]?.(t) ??
        t('formats.other', { format: String(p.format) }),
    }),
  enum: (p, field, t) =>
    t('validation.enum', {
      field,
      values: (p.allowedValues ?? []).join(', '),
    }),
  const: (p, field, t) =>
    t('validation.const', { field, value: JSON.stringify(p.allowedValue) }),
  type: (p, field, t) =>
    t('validation.type', { field, type: typeName(p.type, t) }),
  oneOf: (_, field, t) => t('validation.oneOf', { field }),
  anyOf: (_, field, t) => t('validation.anyOf', { field }),
  additionalProperties: (p, field, t) =>
    t('validation.additionalProperties', {
      field,
      name: String(p.additionalProperty),
    }),
};

/**
 * The sentence for one error, naming the field (`field`, its title) in the
 * user's language. A keyword without a phrase of its own reads "is not
 * valid": ajv's own message is English only.
 */
export function phraseOf(
  error: RJSFValidationError,
  field: string,
  titleAt: (property: string) => string | undefined,
  t: OrchestratorFormTranslate,
): string {
  const params = error.params ?? {};
  // RJSF places a dependency's error at the missing field; name the field that asked for it.
  if (error.name === 'dependencies' || error.name === 'dependentRequired') {
    const parent = (error.property ?? '').split('.').slice(0, -1).join('.');
    const other = titleAt(`${parent}.${params.property}`);
    return t('validation.requiredWhen', {
      field,
      other: other ?? String(params.property),
    });
  }
  const phrase = error.name ? PHRASES[error.name] : undefined;
  return phrase ? phrase(params, field, t) : t('validation.invalid', { field });
}
