import { InputError } from '@backstage/errors';
import jsonata from 'jsonata';

/** Plain JSON copy: JSONata marks result arrays as "sequences" with extra props. */
function toPlain(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

/** Evaluates a `fetch:response:*` JSONata selector over a response. */
export async function select(
  expression: string,
  data: unknown,
): Promise<unknown> {
  try {
    return toPlain(await jsonata(expression).evaluate(data));
  } catch (e) {
    const message = (e as { message?: string }).message ?? String(e);
    throw new InputError(`Selector "${expression}" failed: ${message}`);
  }
}

/** Evaluates every selector; a failing one fails the whole set. */
export async function selectAll(
  selectors: Record<string, string>,
  data: unknown,
): Promise<Record<string, unknown>> {
  const entries = await Promise.all(
    Object.entries(selectors).map(
      async ([key, expression]) =>
        [key, await select(expression, data)] as const,
    ),
  );
  return Object.fromEntries(entries);
}

/** A selected value as a list of strings (a single string counts as one item). */
export function asStringArray(value: unknown, what: string): string[] {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  if (list.some(v => typeof v === 'object' && v !== null)) {
    throw new InputError(`${what} must select strings, not objects`);
  }
  return list.filter(v => v !== null && v !== undefined).map(v => String(v));
}
