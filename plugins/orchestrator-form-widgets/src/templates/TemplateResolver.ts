import {
  ApiHolder,
  ConfigApi,
  IdentityApi,
  OAuthApi,
  OpenIdConnectApi,
  ProfileInfoApi,
  createApiRef,
} from '@backstage/core-plugin-api';
import { JsonObject } from '@backstage/types';
import { authProviderApiRef } from '@orchestrator-suite/backstage-plugin-orchestrator-form-api';
import get from 'lodash/get';
import { isSecretTemplateKey } from './templates';

type AuthApi = Partial<OAuthApi & OpenIdConnectApi & ProfileInfoApi>;

/** Config subtree that `rjsfConfig.orchestrator.<key>` reads. */
export const WIDGETS_CONFIG_ROOT = 'orchestrator.rjsf-widgets';

/** What one resolution may read besides the Backstage APIs. */
export type ResolveContext = {
  /** The whole form's data (`current.*`). */
  formData: JsonObject;
  /** Values selected from the widget's own fetch (`fetch:response:*`). */
  responseValues?: Record<string, unknown>;
  /** When false, credential keys resolve to undefined (text rendering). */
  allowSecrets: boolean;
};

/**
 * Resolves template keys to values from the form, the config and the
 * Backstage identity and auth APIs. Only the families listed in the README
 * exist; anything else resolves to undefined, so a workflow schema cannot
 * read arbitrary config or call arbitrary APIs.
 */
export class TemplateResolver {
  private constructor(
    private readonly options: {
      configApi: ConfigApi;
      identityApi: IdentityApi;
      apiHolder: ApiHolder;
      backendBaseUrl: string;
    },
  ) {}

  static create(options: {
    configApi: ConfigApi;
    identityApi: IdentityApi;
    apiHolder: ApiHolder;
    backendBaseUrl: string;
  }) {
    return new TemplateResolver(options);
  }

  async resolve(
    keys: string[],
    context: ResolveContext,
  ): Promise<Record<string, unknown>> {
    const entries = await Promise.all(
      keys.map(async key => {
        if (!context.allowSecrets && isSecretTemplateKey(key)) {
          return [key, undefined] as const;
        }
        return [key, await this.resolveKey(key, context)] as const;
      }),
    );
    return Object.fromEntries(entries);
  }

  private async resolveKey(key: string, context: ResolveContext) {
    if (key.startsWith('fetch:response:')) {
      return context.responseValues?.[key.slice('fetch:response:'.length)];
    }
    const [family, ...rest] = key.split('.');
    const name = rest.join('.');
    switch (family) {
      case 'current':
        return name ? get(context.formData, name) : context.formData;
      case 'backend':
        return name === 'baseUrl' ? this.options.backendBaseUrl : undefined;
      case 'rjsfConfig':
        return rest[0] === 'orchestrator' && rest.length > 1
          ? this.options.configApi.getOptional(
              `${WIDGETS_CONFIG_ROOT}.${rest.slice(1).join('.')}`,
            )
          : undefined;
      case 'identityApi':
        return this.fromIdentity(name);
      case 'customAuthApi':
        return this.fromAuthApi(
          this.options.apiHolder.get(
            createApiRef<AuthApi>({ id: rest.slice(0, -1).join('.') }),
          ),
          rest[rest.length - 1],
        );
      default: {
        // `<provider>AuthApi`: one of Backstage's auth APIs.
        const ref = family.endsWith('AuthApi')
          ? authProviderApiRef(family.slice(0, -'AuthApi'.length))
          : undefined;
        return ref
          ? this.fromAuthApi(this.options.apiHolder.get(ref) as AuthApi, name)
          : undefined;
      }
    }
  }

  private async fromIdentity(name: string) {
    const identityApi = this.options.identityApi;
    switch (name) {
      case 'token':
        return (await identityApi.getCredentials()).token;
      case 'userEntityRef':
        return (await identityApi.getBackstageIdentity()).userEntityRef;
      case 'profileEmail':
        return (await identityApi.getProfileInfo()).email;
      case 'displayName':
        return (await identityApi.getProfileInfo()).displayName;
      default:
        return undefined;
    }
  }

  private async fromAuthApi(api: AuthApi | undefined, name: string) {
    if (!api) return undefined;
    switch (name) {
      case 'token':
        return api.getAccessToken?.();
      case 'openIdToken':
        return api.getIdToken?.();
      case 'profileEmail':
        return (await api.getProfile?.())?.email;
      case 'profileName':
        return (await api.getProfile?.())?.displayName;
      default:
        return undefined;
    }
  }
}
