import { keepingConcurrentChanges } from './keepingConcurrentChanges';

/**
 * `next` is `base` with some items replaced (ArrayField's change of one
 * item): lays those items over `accumulated`. A list of another length was
 * built by ArrayField from its own state (an item added, removed, copied)
 * and is taken as it is.
 */
export function layChangedItems(
  accumulated: unknown[],
  base: unknown[],
  next: unknown[],
): unknown[] {
  if (next.length !== base.length) return next;
  const result = [...accumulated];
  next.forEach((item, index) => {
    if (item !== base[index]) result[index] = item;
  });
  return result;
}

/** ArrayField reporting every change of its items made before its next render. */
export const arrayFieldKeepingChanges = keepingConcurrentChanges<unknown[]>({
  name: 'ArrayFieldKeepingChanges',
  baseOf: formData => (Array.isArray(formData) ? formData : undefined),
  accepts: (next): next is unknown[] => Array.isArray(next),
  lay: layChangedItems,
});
