import type { AuthTokenDescriptor } from '@orchestrator-suite/backstage-plugin-orchestrator-form-api';

export const AUTH_REQUESTER_WIDGET = 'AuthRequester';

/** The descriptors an `AuthRequester` field's `ui:props` declare. */
export function descriptorsOf(uiProps: unknown): AuthTokenDescriptor[] {
  const list = (uiProps as { authTokenDescriptors?: unknown } | undefined)
    ?.authTokenDescriptors;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (item): item is AuthTokenDescriptor =>
      !!item && typeof item === 'object' && typeof item.provider === 'string',
  );
}

/**
 * Every `AuthRequester` field's descriptors found in the uiSchema, so the
 * tokens are requested even when the field's step was never shown (a step
 * made only of virtual fields is skipped).
 */
export function collectAuthTokenDescriptors(
  uiSchema: unknown,
): AuthTokenDescriptor[] {
  if (!uiSchema || typeof uiSchema !== 'object') return [];
  const node = uiSchema as Record<string, unknown>;
  const own =
    node['ui:widget'] === AUTH_REQUESTER_WIDGET
      ? descriptorsOf(node['ui:props'])
      : [];
  const nested = Object.entries(node)
    .filter(([key]) => !key.startsWith('ui:'))
    .flatMap(([, child]) =>
      Array.isArray(child)
        ? child.flatMap(collectAuthTokenDescriptors)
        : collectAuthTokenDescriptors(child),
    );
  return [...own, ...nested];
}
