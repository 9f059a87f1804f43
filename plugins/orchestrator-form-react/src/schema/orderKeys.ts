/**
 * Orders keys as RJSF's `ui:order` does (`*` stands for every key not
 * listed), but never throws: names not present are ignored and a list
 * without `*` keeps the unlisted keys at the end, so a schema update that
 * adds or removes a property cannot break the form.
 */
export function orderKeys(keys: string[], order: unknown): string[] {
  if (!Array.isArray(order)) return keys;
  const present = new Set(keys);
  const listed = order.filter(
    (key): key is string =>
      typeof key === 'string' && (key === '*' || present.has(key)),
  );
  const unique = listed.filter((key, index) => listed.indexOf(key) === index);
  const rest = keys.filter(key => !unique.includes(key));
  const star = unique.indexOf('*');
  if (star === -1) return [...unique, ...rest];
  return [...unique.slice(0, star), ...rest, ...unique.slice(star + 1)];
}

/** A `ui:order` RJSF accepts for any set of keys: one trailing `*` at most. */
export function tolerantUiOrder(order: unknown): string[] | undefined {
  if (!Array.isArray(order)) return undefined;
  const names = order.filter((key): key is string => typeof key === 'string');
  const unique = names.filter((key, index) => names.indexOf(key) === index);
  return unique.includes('*') ? unique : [...unique, '*'];
}
