import { ReactElement } from 'react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { signalApiRef, SignalApi } from '@backstage/plugin-signals-react';
import { ResponseError } from '@backstage/errors';
import {
  TranslationApi,
  translationApiRef,
} from '@backstage/core-plugin-api/alpha';
import { SWRConfig } from 'swr';
import { OrchestratorApi, orchestratorApiRef } from '../api/OrchestratorApi';
import { orchestratorRootRouteRef } from '../routes';

export type MockOrchestratorApi = jest.Mocked<OrchestratorApi>;

/** Every method rejects until a test gives it an answer, so forgotten calls are loud. */
export function mockOrchestratorApi(
  overrides: Partial<Record<keyof OrchestratorApi, jest.Mock>> = {},
): MockOrchestratorApi {
  const methods: (keyof OrchestratorApi)[] = [
    'getWorkflowsOverview',
    'getWorkflowsOverviewForEntity',
    'getWorkflowNames',
    'getWorkflowOverview',
    'getWorkflowSource',
    'getWorkflowInputSchema',
    'getWorkflowAvailability',
    'getWorkflowRunStats',
    'getInstances',
    'getWorkflowLoadProblems',
    'getWorkflowInstances',
    'getInstancesForEntity',
    'getInstance',
    'getWorkflowLogs',
    'getWorkflowStatuses',
    'executeWorkflow',
    'retriggerInstance',
    'abortInstance',
    'rerunInstance',
    'abortInstances',
    'retriggerInstances',
  ];
  const api: Record<string, jest.Mock> = {};
  for (const m of methods) {
    api[m] = jest.fn(() => Promise.reject(new Error(`${m} not mocked`)));
  }
  return Object.assign(api, overrides) as unknown as MockOrchestratorApi;
}

/** A ResponseError as the client would throw it for this status and body. */
export async function responseError(
  status: number,
  body: unknown = {
    error:
      status === 503
        ? {
            name: 'ServiceUnavailableError',
            message:
              'Data Index at http://data-index is unreachable (fetch failed)',
          }
        : { name: 'Error', message: `HTTP ${status}` },
    response: { statusCode: status },
  },
): Promise<ResponseError> {
  return ResponseError.fromResponse(
    new Response(JSON.stringify(body), {
      status,
      statusText: status === 503 ? 'Service Unavailable' : 'Error',
      headers: { 'Content-Type': 'application/json' },
    }) as any,
  );
}

export interface RenderOptions {
  api: MockOrchestratorApi;
  /** Permission names to deny; everything else is allowed. */
  deny?: string[];
  signalApi?: SignalApi;
  routeEntries?: string[];
  /** Replaces the default English translation (see markingTranslationApi). */
  translationApi?: TranslationApi;
  /** Any other API to replace, e.g. `[alertApiRef, { post: jest.fn() }]`. */
  extraApis?: [unknown, unknown][];
}

export function renderWithApis(element: ReactElement, options: RenderOptions) {
  const deny = new Set(options.deny ?? []);
  const apis: any[] = [
    [orchestratorApiRef, options.api],
    // an empty in-memory catalog unless a test brings entities
    [catalogApiRef, catalogApiMock()],
    [
      permissionApiRef,
      mockApis.permission({
        // Denying a name also denies its RHDH per-workflow form (`<name>.<workflowId>`), as
        // an RBAC policy that grants neither would.
        authorize: req =>
          [...deny].some(
            name =>
              req.permission.name === name ||
              req.permission.name.startsWith(`${name}.`),
          )
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
      }),
    ],
  ];
  if (options.signalApi) {
    apis.push([signalApiRef, options.signalApi]);
  }
  if (options.translationApi) {
    apis.push([translationApiRef, options.translationApi]);
  }
  apis.push(...(options.extraApis ?? []));
  // usePermission caches decisions in SWR's global cache; a fresh cache per
  // render keeps one test's permissions from leaking into the next
  return renderInTestApp(
    <SWRConfig value={{ provider: () => new Map() }}>
      <TestApiProvider apis={apis}>{element}</TestApiProvider>
    </SWRConfig>,
    {
      routeEntries: options.routeEntries,
      mountedRoutes: {
        '/orchestrator': orchestratorRootRouteRef,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
    },
  );
}

/** A signal API the test drives by hand: `emit(channel, message)`. */
export function manualSignalApi() {
  const listeners = new Map<string, Set<(m: any) => void>>();
  const api: SignalApi & {
    emit: (channel: string, message: any) => void;
    channels: () => string[];
  } = {
    subscribe(channel, onMessage) {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(onMessage as any);
      return {
        unsubscribe: () => listeners.get(channel)?.delete(onMessage as any),
      };
    },
    emit(channel, message) {
      listeners.get(channel)?.forEach(l => l(message));
    },
    channels: () =>
      [...listeners.entries()].filter(([, s]) => s.size > 0).map(([c]) => c),
  };
  return api;
}
