import type { UiSchema } from '@rjsf/utils';

/**
 * A widget's `ui:props`: `fetch:*`, `validate:*`, `fetch:response:*`
 * selectors and widget-specific `ui:*` keys. Values come from the workflow
 * schema, so every reader checks their types.
 */
export type UiProps = Record<string, unknown>;

export function readUiProps(uiSchema: UiSchema | undefined): UiProps {
  const props = uiSchema?.['ui:props'];
  return props && typeof props === 'object' && !Array.isArray(props)
    ? (props as UiProps)
    : {};
}

/** The `fetch:response:<key>` selectors, keyed by `<key>`. */
export function readResponseSelectors(
  uiProps: UiProps,
): Record<string, string> {
  const selectors: Record<string, string> = {};
  for (const [key, value] of Object.entries(uiProps)) {
    if (key.startsWith('fetch:response:') && typeof value === 'string') {
      selectors[key.slice('fetch:response:'.length)] = value;
    }
  }
  return selectors;
}

/** `fetch:retrigger` / `validate:retrigger` as a list of strings. */
export function readRetrigger(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string')
    : [];
}

export function readFlag(uiProps: UiProps, key: string): boolean {
  const value = uiProps[key];
  return value === true || value === 'true';
}
