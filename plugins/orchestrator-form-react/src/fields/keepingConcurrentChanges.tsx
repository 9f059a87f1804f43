import { useMemo, type ComponentType } from 'react';
import type { ErrorSchema, FieldProps } from '@rjsf/utils';

export type Field = ComponentType<FieldProps<any, any, any>>;

/** How one kind of container field (object, array) merges the changes it reports. */
export type ChangeLaying<T> = {
  name: string;
  /** The field's data as the base of its changes; undefined to pass changes through. */
  baseOf: (formData: unknown) => T | undefined;
  accepts: (next: unknown) => next is T;
  /** `next` is `base` with some parts changed: lays those over `accumulated`. */
  lay: (accumulated: T, base: T, next: T) => T;
};

/**
 * RJSF 5's ObjectField and ArrayField build each change they report from
 * the formData of their last render (`{ ...formData, [name]: value }`, the
 * array with item `index` replaced). When two of their children change
 * before the next render (two widgets applying fetched values in one
 * commit), the second report drops the first. The returned wrapper lays
 * each report's changed parts over what it reported since the last render,
 * so every change reaches the form.
 */
export function keepingConcurrentChanges<T>(
  laying: ChangeLaying<T>,
): (Inner: Field) => Field {
  // One wrapper per field component: a new wrapper identity would re-mount the fields.
  const wrappers = new WeakMap<Field, Field>();
  return Inner => {
    const known = wrappers.get(Inner);
    if (known) return known;
    const KeepingChanges = (props: FieldProps<any, any, any>) => {
      const { formData, onChange } = props;
      // A new handler per render (the parent's onChange is new on each), so
      // what it accumulates is what changed since the last render.
      const handleChange = useMemo(() => {
        let accumulated: T | undefined;
        return (next: unknown, errorSchema?: ErrorSchema, id?: string) => {
          const base = laying.baseOf(formData);
          if (base === undefined || !laying.accepts(next)) {
            onChange(next, errorSchema, id);
            return;
          }
          accumulated = laying.lay(accumulated ?? base, base, next);
          onChange(accumulated, errorSchema, id);
        };
      }, [formData, onChange]);
      return <Inner {...props} onChange={handleChange} />;
    };
    KeepingChanges.displayName = laying.name;
    wrappers.set(Inner, KeepingChanges);
    return KeepingChanges;
  };
}
