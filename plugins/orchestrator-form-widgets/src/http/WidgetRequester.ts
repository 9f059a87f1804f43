import { FetchApi } from '@backstage/core-plugin-api';
import { InputError, NotAllowedError, ResponseError } from '@backstage/errors';
import { JsonObject } from '@backstage/types';
import { TemplateResolver } from '../templates/TemplateResolver';
import {
  collectTemplateKeys,
  isEmptyValue,
  isSecretTemplateKey,
  substituteTemplates,
} from '../templates/templates';
import { UiProps } from '../uiProps';
import { HostPolicy, classifyDestination, parseWidgetUrl } from './hostPolicy';

/** `fetch:*` loads a widget's data, `validate:*` checks its value. */
export type RequestPrefix = 'fetch' | 'validate';

export type RequestOptions = { formData: JsonObject; signal?: AbortSignal };

/** Header and body entries that resolved to nothing are left out of the request. */
function withoutEmptyEntries(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => !isEmptyValue(v)),
  );
}

function buildHeaders(raw: unknown, hasBody: boolean): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(
    (withoutEmptyEntries(raw) as object) ?? {},
  )) {
    headers[k] = typeof v === 'string' ? v : JSON.stringify(v);
  }
  const hasContentType = Object.keys(headers).some(
    k => k.toLowerCase() === 'content-type',
  );
  if (hasBody && !hasContentType) headers['Content-Type'] = 'application/json';
  return headers;
}

function serializeBody(value: unknown): string | undefined {
  const body = withoutEmptyEntries(value);
  if (isEmptyValue(body)) return undefined;
  return typeof body === 'string' ? body : JSON.stringify(body);
}

/**
 * A ResponseError whose message carries the service's own reason when its
 * body has one (`{ message }` or Backstage's `{ error: { message } }`).
 */
async function describeFailure(response: Response): Promise<ResponseError> {
  let detail: unknown;
  try {
    const body = JSON.parse(await response.clone().text());
    detail = body?.error?.message ?? body?.message;
  } catch {
    detail = undefined;
  }
  const error = await ResponseError.fromResponse(response);
  if (typeof detail === 'string' && !error.message.includes(detail)) {
    error.message = `${error.message}: ${detail}`;
  }
  return error;
}

/**
 * Sends the HTTP requests `ui:props` describe. The destination is checked
 * before any credential is resolved and before anything is sent; requests to
 * the backend go through `fetchApi` (the user's Backstage identity attached),
 * requests to allow-listed hosts through plain fetch without cookies.
 */
export class WidgetRequester {
  private constructor(
    private readonly options: {
      resolver: TemplateResolver;
      fetchApi: FetchApi;
      policy: HostPolicy;
    },
  ) {}

  static create(options: {
    resolver: TemplateResolver;
    fetchApi: FetchApi;
    policy: HostPolicy;
  }) {
    return new WidgetRequester(options);
  }

  async send(
    prefix: RequestPrefix,
    uiProps: UiProps,
    { formData, signal }: RequestOptions,
  ): Promise<Response> {
    const { resolver, policy } = this.options;
    const rawUrl = uiProps[`${prefix}:url`];
    const method = String(uiProps[`${prefix}:method`] ?? 'GET').toUpperCase();
    const rawHeaders = uiProps[`${prefix}:headers`];
    const rawBody =
      method === 'GET' || method === 'HEAD'
        ? undefined
        : uiProps[`${prefix}:body`];
    if (typeof rawUrl !== 'string' || !rawUrl) {
      throw new InputError(`${prefix}:url is missing`);
    }

    const keys = collectTemplateKeys([rawUrl, rawHeaders, rawBody]);
    const publicKeys = keys.filter(k => !isSecretTemplateKey(k));
    const secretKeys = keys.filter(isSecretTemplateKey);
    const values = await resolver.resolve(publicKeys, {
      formData,
      allowSecrets: false,
    });
    // Decide where the request goes while credentials are still unresolved,
    // so an off-list host never even triggers a token (or sign-in popup).
    const preview = parseWidgetUrl(
      String(substituteTemplates(rawUrl, values) ?? ''),
      policy.backendBaseUrl,
    );
    const destination = classifyDestination(preview, policy);
    if (secretKeys.length > 0) {
      Object.assign(
        values,
        await resolver.resolve(secretKeys, { formData, allowSecrets: true }),
      );
    }
    const url = parseWidgetUrl(
      String(substituteTemplates(rawUrl, values) ?? ''),
      policy.backendBaseUrl,
    );
    if (url.origin !== preview.origin) {
      throw new NotAllowedError('A token template may not change the host');
    }

    const body = serializeBody(substituteTemplates(rawBody, values));
    const init: RequestInit = {
      method,
      headers: buildHeaders(
        substituteTemplates(rawHeaders, values),
        body !== undefined,
      ),
      body,
      signal,
      // A redirect could lead to a host outside the policy.
      redirect: 'error',
    };
    if (destination === 'backend') {
      return this.options.fetchApi.fetch(url.toString(), init);
    }
    return fetch(url.toString(), { ...init, credentials: 'omit' });
  }

  /** Sends the `fetch:*` request and parses its JSON answer. */
  async fetchJson(uiProps: UiProps, options: RequestOptions): Promise<unknown> {
    const response = await this.send('fetch', uiProps, options);
    if (!response.ok) throw await describeFailure(response);
    const text = await response.text();
    try {
      return JSON.parse(text);
    } catch {
      throw new InputError(
        `The response of ${uiProps['fetch:url']} is not JSON`,
      );
    }
  }
}
