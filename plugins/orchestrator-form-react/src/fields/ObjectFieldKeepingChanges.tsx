import { keepingConcurrentChanges } from './keepingConcurrentChanges';

type Entries = Record<string, unknown>;

const isObject = (v: unknown): v is Entries =>
  !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * `next` is `base` with some keys replaced or removed (RJSF keeps the other
 * values as they were): lays those keys over `accumulated`.
 */
export function layChangedKeys(
  accumulated: Entries,
  base: Entries,
  next: Entries,
): Entries {
  const result = { ...accumulated };
  for (const key of Object.keys(base)) {
    if (!(key in next)) delete result[key];
  }
  for (const [key, value] of Object.entries(next)) {
    if (!(key in base) || base[key] !== value) result[key] = value;
  }
  return result;
}

/** ObjectField reporting every change of its properties made before its next render. */
export const objectFieldKeepingChanges = keepingConcurrentChanges<Entries>({
  name: 'ObjectFieldKeepingChanges',
  // An object not filled in yet still collects its properties' changes.
  baseOf: formData => {
    if (formData === undefined) return {};
    return isObject(formData) ? formData : undefined;
  },
  accepts: isObject,
  lay: layChangedKeys,
});
