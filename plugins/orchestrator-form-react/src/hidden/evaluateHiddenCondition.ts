import type { JsonObject, JsonValue } from '@backstage/types';
import get from 'lodash/get';
import isEqual from 'lodash/isEqual';

/**
 * A condition on another field of the form, found by its dot path from the
 * form root (`config.server.port`). Every operator present must hold.
 * @public
 */
export type HiddenConditionObject = {
  when: string;
  /** Hidden when the field equals this value, or any value of the array. */
  is?: JsonValue;
  /** Hidden when the field equals none of these values. */
  isNot?: JsonValue;
  /** `true`: hidden when the field is empty; `false`: hidden when it is not. */
  isEmpty?: boolean;
};

/** @public */
export type HiddenConditionComposite = {
  /** Hidden when every condition holds. */
  allOf?: HiddenCondition[];
  /** Hidden when at least one condition holds. */
  anyOf?: HiddenCondition[];
};

/**
 * The value of `ui:hidden`: a boolean, or a condition on form data.
 * @public
 */
export type HiddenCondition =
  | boolean
  | HiddenConditionObject
  | HiddenConditionComposite
  | (HiddenConditionObject & HiddenConditionComposite);

/** Empty as a user sees it: nothing typed, nothing chosen. */
export function isEmptyValue(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

const matchesAny = (value: unknown, expected: JsonValue) =>
  Array.isArray(expected)
    ? expected.some(candidate => isEqual(candidate, value)) ||
      isEqual(expected, value)
    : isEqual(expected, value);

/**
 * Whether a field is hidden now. Each operator of a condition is evaluated
 * and all of them must hold (AND), including `allOf`/`anyOf` next to
 * `when`. Paths are read from the whole form's data, whichever step the
 * field is on. An unknown shape hides nothing: a typo must not swallow a
 * field the run needs.
 * @public
 */
export function evaluateHiddenCondition(
  condition: unknown,
  formData: JsonObject | undefined,
): boolean {
  if (typeof condition === 'boolean') return condition;
  if (!condition || typeof condition !== 'object' || Array.isArray(condition)) {
    return false;
  }
  const c = condition as Record<string, unknown>;
  const checks: boolean[] = [];
  if (typeof c.when === 'string') {
    const value = get(formData ?? {}, c.when);
    if ('is' in c) checks.push(matchesAny(value, c.is as JsonValue));
    if ('isNot' in c) checks.push(!matchesAny(value, c.isNot as JsonValue));
    if (typeof c.isEmpty === 'boolean') {
      checks.push(isEmptyValue(value) === c.isEmpty);
    }
  }
  if (Array.isArray(c.allOf)) {
    checks.push(c.allOf.every(sub => evaluateHiddenCondition(sub, formData)));
  }
  if (Array.isArray(c.anyOf)) {
    checks.push(c.anyOf.some(sub => evaluateHiddenCondition(sub, formData)));
  }
  return checks.length > 0 && checks.every(Boolean);
}
