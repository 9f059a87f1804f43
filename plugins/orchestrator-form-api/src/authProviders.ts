import {
  ApiRef,
  atlassianAuthApiRef,
  bitbucketAuthApiRef,
  bitbucketServerAuthApiRef,
  githubAuthApiRef,
  gitlabAuthApiRef,
  googleAuthApiRef,
  microsoftAuthApiRef,
  oktaAuthApiRef,
  oneloginAuthApiRef,
  openshiftAuthApiRef,
  vmwareCloudAuthApiRef,
} from '@backstage/core-plugin-api';

/**
 * Backstage's auth APIs by provider name: the `provider` of an
 * {@link AuthTokenDescriptor} and the `<provider>AuthApi` templates of the
 * widgets name them so.
 * @public
 */
export const orchestratorAuthProviders: Readonly<
  Record<string, ApiRef<unknown>>
> = Object.freeze({
  github: githubAuthApiRef,
  gitlab: gitlabAuthApiRef,
  microsoft: microsoftAuthApiRef,
  google: googleAuthApiRef,
  atlassian: atlassianAuthApiRef,
  bitbucket: bitbucketAuthApiRef,
  bitbucketServer: bitbucketServerAuthApiRef,
  okta: oktaAuthApiRef,
  onelogin: oneloginAuthApiRef,
  openshift: openshiftAuthApiRef,
  vmwareCloud: vmwareCloudAuthApiRef,
});

/**
 * The auth API ref of a known provider name; undefined for any other name
 * (own property only, so `constructor` and the like are not providers).
 * @public
 */
export function authProviderApiRef(
  provider: string,
): ApiRef<unknown> | undefined {
  return Object.prototype.hasOwnProperty.call(
    orchestratorAuthProviders,
    provider,
  )
    ? orchestratorAuthProviders[provider]
    : undefined;
}
