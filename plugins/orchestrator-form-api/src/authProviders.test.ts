import {
  githubAuthApiRef,
  vmwareCloudAuthApiRef,
} from '@backstage/core-plugin-api';
import { authProviderApiRef, orchestratorAuthProviders } from './authProviders';

describe('authProviderApiRef', () => {
  it('names Backstage auth APIs by provider', () => {
    expect(authProviderApiRef('github')).toBe(githubAuthApiRef);
    expect(authProviderApiRef('vmwareCloud')).toBe(vmwareCloudAuthApiRef);
    expect(Object.keys(orchestratorAuthProviders)).toHaveLength(11);
  });

  it('knows no other name, not even inherited properties', () => {
    expect(authProviderApiRef('myCorpAuth')).toBeUndefined();
    expect(authProviderApiRef('constructor')).toBeUndefined();
    expect(authProviderApiRef('toString')).toBeUndefined();
  });
});
