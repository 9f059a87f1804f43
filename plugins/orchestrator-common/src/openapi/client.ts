/*
 * Copyright The Orchestrator Suite Authors
 *
 * Licensed under the Apache License, Version 2.0.
 */
import { ResponseError } from '@backstage/errors';
import type { operations } from '../generated/openapi.types';
import { operationRoutes, OperationRoute } from './operationRoutes';

/** The operationIds of the Orchestrator API. @public */
export type OrchestratorOperationId = keyof operations;

/** The parameters (path, query) an operation declares. @public */
export type OrchestratorOperationParameters<Op> = Op extends {
  parameters: infer P;
}
  ? P
  : {};
/** The `path` parameters an operation declares. @public */
export type OrchestratorPathOptions<Op> =
  OrchestratorOperationParameters<Op> extends {
    path: infer P;
  }
    ? { path: P }
    : {};
/** The `query` parameters an operation declares, all optional. @public */
export type OrchestratorQueryOptions<Op> =
  OrchestratorOperationParameters<Op> extends {
    query?: infer Q;
  }
    ? [NonNullable<Q>] extends [never]
      ? {}
      : { query?: NonNullable<Q> }
    : {};
/** The request body an operation declares, if any. @public */
export type OrchestratorRequestBody<Op> = Op extends { requestBody?: infer R }
  ? NonNullable<R>
  : never;
/** The JSON body an operation takes, required when the spec says so. @public */
export type OrchestratorBodyOptions<Op> = OrchestratorRequestBody<Op> extends {
  content: { 'application/json': infer B };
}
  ? Op extends { requestBody: unknown }
    ? { body: B }
    : { body?: B }
  : {};

/** Options of one call: path/query parameters and body as the spec declares them. @public */
export type OrchestratorRequestOptions<Id extends OrchestratorOperationId> =
  OrchestratorPathOptions<operations[Id]> &
    OrchestratorQueryOptions<operations[Id]> &
    OrchestratorBodyOptions<operations[Id]> & {
      signal?: AbortSignal;
      headers?: Record<string, string>;
    };

/** The body of the 200 answer of an operation. @public */
export type OrchestratorResponse<Id extends OrchestratorOperationId> =
  operations[Id] extends { responses: { 200: { content: infer C } } }
    ? C[keyof C]
    : void;

/** A method's arguments: the options are optional when nothing in them is required. @public */
export type OrchestratorCallArgs<Id extends OrchestratorOperationId> =
  {} extends OrchestratorRequestOptions<Id>
    ? [options?: OrchestratorRequestOptions<Id>]
    : [options: OrchestratorRequestOptions<Id>];

/**
 * One method per operationId of the Orchestrator OpenAPI document, typed from the generated
 * `operations`. Non-2xx answers reject with `ResponseError` (from `@backstage/errors`), whose
 * `body.error.details` holds the field paths of a 400.
 * @public
 */
export type OrchestratorClient = {
  [Id in OrchestratorOperationId]: (
    ...args: OrchestratorCallArgs<Id>
  ) => Promise<OrchestratorResponse<Id>>;
};

/** @public */
export interface OrchestratorClientOptions {
  /**
   * Base URL of the backend plugin, e.g. `http://localhost:7007/api/orchestrator`, or a function
   * giving it (`() => discoveryApi.getBaseUrl('orchestrator')`).
   */
  baseUrl: string | (() => string | Promise<string>);
  /** The fetch to use: Backstage `fetchApi.fetch` in the browser, an authenticated fetch in backends. */
  fetch?: typeof fetch;
}

type LooseOptions = {
  path?: Record<string, string>;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  signal?: AbortSignal;
  headers?: Record<string, string>;
};

function buildUrl(
  baseUrl: string,
  route: OperationRoute,
  options: LooseOptions,
) {
  const path = route.path.replace(/\{([^}]+)\}/g, (_match, name: string) => {
    const value = options.path?.[name];
    if (value === undefined) {
      throw new TypeError(
        `${route.operationId}: missing path parameter ${name}`,
      );
    }
    return encodeURIComponent(value);
  });
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(options.query ?? {})) {
    if (value !== undefined) query.append(key, String(value));
  }
  const search = query.toString();
  return `${baseUrl.replace(/\/+$/, '')}${path}${search ? `?${search}` : ''}`;
}

async function call(
  clientOptions: OrchestratorClientOptions,
  route: OperationRoute,
  options: LooseOptions = {},
): Promise<unknown> {
  const baseUrl =
    typeof clientOptions.baseUrl === 'string'
      ? clientOptions.baseUrl
      : await clientOptions.baseUrl();
  const fetchFn = clientOptions.fetch ?? globalThis.fetch;
  const hasBody = options.body !== undefined;
  const response = await fetchFn(buildUrl(baseUrl, route, options), {
    method: route.method.toUpperCase(),
    headers: {
      ...(hasBody ? { 'Content-Type': 'application/json' } : {}),
      ...options.headers,
    },
    body: hasBody ? JSON.stringify(options.body) : undefined,
    signal: options.signal,
  });
  if (!response.ok) {
    throw await ResponseError.fromResponse(response);
  }
  return route.responseType === 'text' ? response.text() : response.json();
}

/**
 * Creates a typed client of the Orchestrator backend: one method per operationId.
 *
 * @example
 * ```ts
 * const client = createOrchestratorClient({
 *   baseUrl: () => discoveryApi.getBaseUrl('orchestrator'),
 *   fetch: fetchApi.fetch,
 * });
 * const { id } = await client.executeWorkflow({
 *   path: { workflowId: 'greeting' },
 *   body: { inputData: { language: 'English' } },
 * });
 * ```
 * @public
 */
export function createOrchestratorClient(
  options: OrchestratorClientOptions,
): OrchestratorClient {
  const client: Record<string, (o?: LooseOptions) => Promise<unknown>> = {};
  for (const route of operationRoutes) {
    client[route.operationId] = callOptions =>
      call(options, route, callOptions);
  }
  return client as unknown as OrchestratorClient;
}
