import { githubAuthApiRef, gitlabAuthApiRef } from '@backstage/core-plugin-api';
import { TestApiRegistry } from '@backstage/test-utils';
import {
  acquireAuthTokens,
  mergeAuthTokenDescriptors,
} from './acquireAuthTokens';
import { collectAuthTokenDescriptors } from './collectAuthTokenDescriptors';
import { englishTranslate } from '../__testUtils__/englishTranslate';

describe('acquireAuthTokens', () => {
  const t = englishTranslate();
  const github = { getAccessToken: jest.fn(async () => 'gh-token') };
  const gitlab = { getIdToken: jest.fn(async () => 'gl-id') };
  const custom = { getAccessToken: jest.fn(async () => 'custom-token') };
  const apis = TestApiRegistry.from(
    [githubAuthApiRef, github],
    [gitlabAuthApiRef, gitlab],
    [{ id: 'my.auth' } as any, custom],
  );

  it('asks each provider once, oauth with the joined scopes, openId for an id token', async () => {
    const tokens = await acquireAuthTokens(
      [
        { provider: 'github', scope: 'repo' },
        { provider: 'github', scope: ['read:org', 'repo'] },
        { provider: 'gitlab', tokenType: 'openId' },
        { provider: 'my.auth' },
      ],
      apis,
      t,
    );
    expect(tokens).toEqual([
      { provider: 'github', token: 'gh-token' },
      { provider: 'gitlab', token: 'gl-id' },
      { provider: 'my.auth', token: 'custom-token' },
    ]);
    expect(github.getAccessToken).toHaveBeenCalledTimes(1);
    expect(github.getAccessToken).toHaveBeenCalledWith(['repo', 'read:org']);
  });

  it('fails with a message naming the provider', async () => {
    await expect(
      acquireAuthTokens([{ provider: 'nowhere' }], apis, t),
    ).rejects.toThrow(/nowhere/);
    github.getAccessToken.mockRejectedValueOnce(new Error('popup closed'));
    await expect(
      acquireAuthTokens([{ provider: 'github' }], apis, t),
    ).rejects.toThrow('Signing in to github failed: popup closed');
  });

  it('merges descriptors and finds them in a uiSchema', () => {
    expect(
      mergeAuthTokenDescriptors([
        { provider: 'a' },
        { provider: 'a', tokenType: 'oauth' },
      ]),
    ).toHaveLength(1);
    const ui = {
      step: {
        token: {
          'ui:widget': 'AuthRequester',
          'ui:props': { authTokenDescriptors: [{ provider: 'github' }] },
        },
      },
    };
    expect(collectAuthTokenDescriptors(ui)).toEqual([{ provider: 'github' }]);
  });
});
