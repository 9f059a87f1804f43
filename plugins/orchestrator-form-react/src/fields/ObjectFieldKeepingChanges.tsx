import { useMemo, type ComponentType } from 'react';
import { getDefaultRegistry } from '@rjsf/core';
import type { ErrorSchema, FieldProps } from '@rjsf/utils';

type Field = ComponentType<FieldProps<any, any, any>>;

const isObject = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * `next` is `base` with some keys replaced or removed (RJSF keeps the other
 * values as they were): lays those keys over `accumulated`.
 */
export function layChangedKeys(
  accumulated: Record<string, unknown>,
  base: Record<string, unknown>,
  next: Record<string, unknown>,
): Record<string, unknown> {
  const result = { ...accumulated };
  for (const key of Object.keys(base)) {
    if (!(key in next)) delete result[key];
  }
  for (const [key, value] of Object.entries(next)) {
    if (!(key in base) || base[key] !== value) result[key] = value;
  }
  return result;
}

// One wrapper per field component: a new wrapper identity would re-mount the fields.
const wrappers = new WeakMap<Field, Field>();

/**
 * RJSF 5's ObjectField reports a change as `{ ...formData, [name]: value }`
 * with the formData of its last render. When two of its fields change before
 * the next render (two widgets applying fetched values in one commit), the
 * second report would drop the first. This wrapper lays each report's
 * changed keys over what it reported since the last render, so every change
 * reaches the form.
 */
export function keepingConcurrentChanges(Inner: Field): Field {
  const known = wrappers.get(Inner);
  if (known) return known;
  const ObjectFieldKeepingChanges = (props: FieldProps<any, any, any>) => {
    const { formData, onChange } = props;
    // A new handler per render (the parent's onChange is new on each), so
    // what it accumulates is what changed since the last render.
    const handleChange = useMemo(() => {
      let accumulated: Record<string, unknown> | undefined;
      return (next: unknown, errorSchema?: ErrorSchema, id?: string) => {
        if (
          !isObject(next) ||
          (formData !== undefined && !isObject(formData))
        ) {
          onChange(next, errorSchema, id);
          return;
        }
        const base = isObject(formData) ? formData : {};
        accumulated = layChangedKeys(accumulated ?? base, base, next);
        onChange(accumulated, errorSchema, id);
      };
    }, [formData, onChange]);
    return <Inner {...props} onChange={handleChange} />;
  };
  wrappers.set(Inner, ObjectFieldKeepingChanges);
  return ObjectFieldKeepingChanges;
}

/** The fields a page's Form gets: the injected ones, ObjectField (theirs or RJSF's) wrapped. */
export function withObjectFieldKeepingChanges(
  fields: Record<string, Field> | undefined,
): Record<string, Field> {
  const ObjectField =
    fields?.ObjectField ?? (getDefaultRegistry().fields.ObjectField as Field);
  return { ...fields, ObjectField: keepingConcurrentChanges(ObjectField) };
}
