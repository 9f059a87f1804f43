import type { ApiHolder, ApiRef } from '@backstage/core-plugin-api';
import {
  authProviderApiRef,
  type AuthTokenDescriptor,
} from '@orchestrator-suite/backstage-plugin-orchestrator-form-api';
import type { AuthToken } from '../types';
import type { OrchestratorFormTranslate } from '../translation';

type TokenApi = {
  getAccessToken?: (scope?: string | string[]) => Promise<string>;
  getIdToken?: () => Promise<string>;
};

const scopesOf = (scope: AuthTokenDescriptor['scope']): string[] =>
  (Array.isArray(scope) ? scope : (scope ?? '').split(/[\s,]+/)).filter(
    Boolean,
  );

/**
 * The descriptors of all fields, one per provider and token type, with
 * their scopes joined: the user sees one consent per provider.
 */
export function mergeAuthTokenDescriptors(
  descriptors: AuthTokenDescriptor[],
): AuthTokenDescriptor[] {
  const merged = new Map<string, AuthTokenDescriptor>();
  for (const descriptor of descriptors) {
    const tokenType = descriptor.tokenType ?? 'oauth';
    const key = `${descriptor.provider}\u0000${tokenType}`;
    const scopes = [
      ...scopesOf(merged.get(key)?.scope),
      ...scopesOf(descriptor.scope),
    ];
    merged.set(key, {
      provider: descriptor.provider,
      tokenType,
      scope: scopes.length ? [...new Set(scopes)] : undefined,
    });
  }
  return [...merged.values()];
}

function apiFor(provider: string, apis: ApiHolder): TokenApi | undefined {
  // An unknown name is taken as the id of an adopter's own auth API ref.
  const ref =
    authProviderApiRef(provider) ??
    ({
      id: provider,
      T: undefined,
      toString: () => `apiRef{${provider}}`,
    } as unknown as ApiRef<unknown>);
  return apis.get(ref) as TokenApi | undefined;
}

async function acquireOne(
  descriptor: AuthTokenDescriptor,
  apis: ApiHolder,
  t: OrchestratorFormTranslate,
): Promise<AuthToken> {
  const { provider } = descriptor;
  const api = apiFor(provider, apis);
  if (!api) {
    throw new Error(t('auth.noProvider', { provider }));
  }
  let token: string | undefined;
  try {
    token =
      descriptor.tokenType === 'openId'
        ? await api.getIdToken?.()
        : await api.getAccessToken?.(scopesOf(descriptor.scope));
  } catch (error) {
    const reason = String((error as Error)?.message ?? error);
    throw new Error(t('auth.failed', { provider, reason }));
  }
  if (!token) {
    throw new Error(t('auth.noToken', { provider }));
  }
  return { provider, token };
}

/**
 * Acquires the tokens the form's fields asked for through Backstage auth
 * APIs (`getAccessToken(scope)` for oauth, `getIdToken()` for openId), in
 * turn so the user faces one sign-in popup at a time. Throws on the first
 * failure with a message naming the provider, in the user's language.
 */
export async function acquireAuthTokens(
  descriptors: AuthTokenDescriptor[],
  apis: ApiHolder,
  t: OrchestratorFormTranslate,
): Promise<AuthToken[]> {
  const tokens: AuthToken[] = [];
  for (const descriptor of mergeAuthTokenDescriptors(descriptors)) {
    tokens.push(await acquireOne(descriptor, apis, t));
  }
  return tokens;
}
