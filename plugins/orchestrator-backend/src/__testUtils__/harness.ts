import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  Permission,
} from '@backstage/plugin-permission-common';
import {
  BackendFeature,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { notificationService } from '@backstage/plugin-notifications-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import {
  RunningStandin,
  startStandin,
} from '@orchestrator-suite/sonataflow-standin';
import knexFactory, { Knex } from 'knex';
import { HttpResponse, http } from 'msw';
import { SetupServer, setupServer } from 'msw/node';
import request from 'supertest';
import { orchestratorPlugin } from '../plugin';

export const ANN = 'user:default/ann';
export const BOB = 'user:default/bob';
export const WORKFLOWS_HOST = 'http://workflows.test';

/** What the test permission policy answers: a decision, or a conditional allow-list. */
export type Decision =
  | AuthorizeResult.ALLOW
  | AuthorizeResult.DENY
  | { workflowIds: string[] };
export type Policy = (
  permission: Permission,
  userRef: string | undefined,
) => Decision;

export const allowAll: Policy = () => AuthorizeResult.ALLOW;

const userOf = (credentials: BackstageCredentials) =>
  (credentials.principal as { userEntityRef?: string }).userEntityRef;

export interface Harness {
  request: ReturnType<typeof request>;
  /** Base URL of the test backend, for clients other than supertest (e.g. MCP). */
  url: string;
  standin: RunningStandin;
  knex: Knex;
  msw: SetupServer;
  /** Data Index requests seen since the last reset (query text and variables). */
  graphql: { query: string; variables: Record<string, any> }[];
  /** What the plugin published and sent. */
  signals: jest.Mock;
  notifications: jest.Mock;
  scheduler: { scheduleTask: jest.Mock };
  setPolicy(policy: Policy): void;
  asUser(userRef?: string): { Authorization: string };
  close(): Promise<void>;
}

/**
 * The plugin in a test backend, on the real stand-in Data Index, with
 * workflow services at WORKFLOWS_HOST answered by msw, and a permission
 * policy the test controls.
 */
export async function startHarness(
  options: {
    config?: Record<string, unknown>;
    /** Config outside `orchestrator` (e.g. `backend.actions`, `app.baseUrl`). */
    appConfig?: Record<string, unknown>;
    extraFeatures?: BackendFeature[];
  } = {},
): Promise<Harness> {
  const standin = await startStandin();
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
  let policy: Policy = allowAll;

  const permissions = mockServices.permissions.mock({
    authorize: async (requests, opts) =>
      requests.map(r => {
        const d = policy(r.permission, userOf(opts!.credentials));
        return { result: typeof d === 'object' ? AuthorizeResult.DENY : d };
      }) as any,
    authorizeConditional: async (requests, opts) =>
      requests.map(r => {
        const d = policy(r.permission, userOf(opts!.credentials));
        if (typeof d !== 'object') return { result: d };
        return {
          result: AuthorizeResult.CONDITIONAL,
          pluginId: 'orchestrator',
          resourceType: 'orchestrator-workflow',
          conditions: {
            rule: 'IS_ALLOWED_WORKFLOW_ID',
            resourceType: 'orchestrator-workflow',
            params: { workflowIds: d.workflowIds },
          },
        };
      }) as any,
  });

  const msw = setupServer(...defaultWorkflowServiceHandlers());
  msw.listen({ onUnhandledRequest: 'bypass' });
  const graphql: Harness['graphql'] = [];
  msw.events.on('request:start', async ({ request: req }) => {
    if (req.url.startsWith(standin.url) && req.url.endsWith('/graphql')) {
      graphql.push(await req.clone().json());
    }
  });

  const signals = jest.fn();
  const notifications = jest.fn();
  const scheduler = mockServices.scheduler.mock();

  const { server } = await startTestBackend({
    features: [
      orchestratorPlugin,
      permissions.factory,
      // Calls without a token are anonymous (not the default mock user), as in production.
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: {
          ...options.appConfig,
          orchestrator: {
            workflowService: { timeoutMs: 300, startTimeoutMs: 300 },
            availability: { probeTimeoutMs: 300, listWaitMs: 300 },
            instanceWatcher: { enabled: false },
            ...options.config,
            dataIndexService: {
              url: standin.url,
              timeoutMs: 2000,
              readRetries: 0,
              // Off unless a test is about it: fault tests expect each request's own answer.
              breaker: { failureThreshold: 1_000_000 },
              ...(options.config?.dataIndexService as object | undefined),
            },
          },
        },
      }),
      createServiceFactory({
        service: signalsServiceRef,
        deps: {},
        factory: () => ({ publish: signals }),
      }),
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => ({ send: notifications }),
      }),
      scheduler.factory,
      ...(options.extraFeatures ?? []),
    ],
  });

  return {
    request: request(server),
    url: `http://localhost:${(server.address() as { port: number }).port}`,
    standin,
    knex,
    msw,
    graphql,
    signals,
    notifications,
    scheduler: scheduler as any,
    setPolicy: p => {
      policy = p;
    },
    asUser: (userRef = ANN) => ({
      Authorization: mockCredentials.user.header(userRef),
    }),
    close: async () => {
      msw.close();
      await standin.close();
      await knex.destroy();
    },
  };
}

/** A well-behaved workflow service for every workflow at WORKFLOWS_HOST. */
export function defaultWorkflowServiceHandlers() {
  let n = 0;
  return [
    http.get(
      `${WORKFLOWS_HOST}/management/processes/:workflowId`,
      ({ params }) =>
        HttpResponse.json({
          id: params.workflowId,
          inputSchema: {
            $schema: 'http://json-schema.org/draft-07/schema#',
            type: 'object',
            properties: {
              language: { type: 'string', enum: ['English', 'Spanish'] },
            },
            required: ['language'],
          },
        }),
    ),
    http.post(`${WORKFLOWS_HOST}/:workflowId`, () =>
      HttpResponse.json({ id: `started-${++n}` }, { status: 201 }),
    ),
    http.delete(
      `${WORKFLOWS_HOST}/management/processes/:workflowId/instances/:instanceId`,
      () => new HttpResponse(null, { status: 200 }),
    ),
    http.post(
      `${WORKFLOWS_HOST}/management/processes/:workflowId/instances/:instanceId/retrigger`,
      ({ params }) => HttpResponse.json({ id: params.instanceId }),
    ),
  ];
}

export type Role = 'none' | 'read' | 'use' | 'admin';

/** The four roles of the permission matrix. */
export function role(name: Role): Policy {
  const granted: Record<Role, string[]> = {
    none: [],
    read: ['orchestrator.workflow'],
    use: ['orchestrator.workflow', 'orchestrator.workflow.use'],
    admin: [
      'orchestrator.workflow',
      'orchestrator.workflow.use',
      'orchestrator.workflowAdminView',
      'orchestrator.instanceAdminView',
    ],
  };
  return permission =>
    granted[name].includes(permission.name)
      ? AuthorizeResult.ALLOW
      : AuthorizeResult.DENY;
}
