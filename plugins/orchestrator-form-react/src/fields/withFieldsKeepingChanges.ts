import { getDefaultRegistry } from '@rjsf/core';
import type { Field } from './keepingConcurrentChanges';
import { objectFieldKeepingChanges } from './ObjectFieldKeepingChanges';
import { arrayFieldKeepingChanges } from './ArrayFieldKeepingChanges';

/**
 * The fields a page's Form gets: the injected ones, with ObjectField and
 * ArrayField (theirs or RJSF's) keeping concurrent changes. RJSF draws every
 * nested object and array with these, so it holds at any depth.
 */
export function withFieldsKeepingChanges(
  fields: Record<string, Field> | undefined,
): Record<string, Field> {
  const defaults = getDefaultRegistry().fields;
  return {
    ...fields,
    ObjectField: objectFieldKeepingChanges(
      fields?.ObjectField ?? (defaults.ObjectField as Field),
    ),
    ArrayField: arrayFieldKeepingChanges(
      fields?.ArrayField ?? (defaults.ArrayField as Field),
    ),
  };
}
