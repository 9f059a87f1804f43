/**
 * `$${{family.key}}` templates in `ui:props` values. Pure: the caller resolves
 * the keys (some need async Backstage APIs) and hands the values back, so the
 * substitution rules can be tested without any API.
 */

const TEMPLATE = /\$\$\{\{\s*([^{}]+?)\s*\}\}/g;
const WHOLE_TEMPLATE = /^\$\$\{\{\s*([^{}]+?)\s*\}\}$/;

/** A template-bearing `ui:props` value: a string, or objects/arrays of them. */
export type TemplateValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | TemplateValue[]
  | { [key: string]: TemplateValue };

/** Every template key used anywhere inside `value`, once each. */
export function collectTemplateKeys(value: unknown): string[] {
  const keys = new Set<string>();
  const visit = (v: unknown) => {
    if (typeof v === 'string') {
      for (const match of v.matchAll(TEMPLATE)) keys.add(match[1]);
    } else if (Array.isArray(v)) {
      v.forEach(visit);
    } else if (v && typeof v === 'object') {
      Object.values(v).forEach(visit);
    }
  };
  visit(value);
  return [...keys];
}

/** How an embedded unit reads inside surrounding text. */
function stringifyUnit(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function substituteString(text: string, values: Record<string, unknown>) {
  // A template that is the whole value keeps its type (number, array, ...);
  // one embedded in text becomes text.
  const whole = WHOLE_TEMPLATE.exec(text);
  if (whole) return values[whole[1]];
  return text.replace(TEMPLATE, (_, key: string) => stringifyUnit(values[key]));
}

/** Replaces every template in `value` (deeply) with its resolved value. */
export function substituteTemplates(
  value: unknown,
  values: Record<string, unknown>,
): unknown {
  if (typeof value === 'string') return substituteString(value, values);
  if (Array.isArray(value)) {
    return value.map(v => substituteTemplates(v, values));
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        substituteTemplates(v, values),
      ]),
    );
  }
  return value;
}

/**
 * Keys whose value is a credential. They may only travel to the backend or an
 * allow-listed host, and are never rendered as text.
 */
export function isSecretTemplateKey(key: string): boolean {
  if (key === 'identityApi.token') return true;
  const parts = key.split('.');
  const last = parts[parts.length - 1];
  const isTokenKey = last === 'token' || last === 'openIdToken';
  if (parts[0] === 'customAuthApi') return parts.length < 3 || isTokenKey;
  return /AuthApi$/.test(parts[0]) && isTokenKey;
}

/**
 * Retrigger entries name keys, with or without the `$${{ }}` wrapper
 * (`current.name` or `$${{current.name}}`).
 */
export function normalizeTemplateKey(entry: string): string {
  const whole = WHOLE_TEMPLATE.exec(entry.trim());
  return whole ? whole[1] : entry.trim();
}

/** True for values a retrigger dependency counts as "not filled in yet". */
export function isEmptyValue(v: unknown): boolean {
  if (v === undefined || v === null || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  return false;
}
