import { databaseServiceFactory } from '@backstage/backend-defaults/database';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import eventsPlugin from '@backstage/plugin-events-backend';
import {
  eventsServiceFactory,
  eventsServiceRef,
} from '@backstage/plugin-events-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import signalsPlugin from '@backstage/plugin-signals-backend';
import {
  DefaultSignalsService,
  SignalPayload,
  signalsServiceRef,
} from '@backstage/plugin-signals-node';
import knexFactory, { Knex } from 'knex';
import crypto from 'node:crypto';
import request from 'supertest';
import WebSocket from 'ws';
import { orchestratorPlugin } from '../plugin';

/** Admin permissions are the only ones a replica test user lacks (unless named an admin). */
const ADMIN_PERMISSIONS = [
  'orchestrator.workflowAdminView',
  'orchestrator.instanceAdminView',
];

/** One scratch PostgreSQL database shared by every replica of a test run. */
export interface SharedDatabase {
  name: string;
  /** Connection string of the scratch database. */
  url: string;
  /** Admin client on the scratch database, for assertions on what the replicas stored. */
  knex: Knex;
  drop(): Promise<void>;
}

export async function createSharedDatabase(
  serverUrl: string,
): Promise<SharedDatabase> {
  const name = `orchestrator_replicas_${crypto.randomBytes(6).toString('hex')}`;
  const admin = knexFactory({
    client: 'pg',
    connection: withDatabase(serverUrl, 'postgres'),
  });
  await admin.raw('CREATE DATABASE ??', [name]);
  const url = withDatabase(serverUrl, name);
  const knex = knexFactory({ client: 'pg', connection: url });
  return {
    name,
    url,
    knex,
    drop: async () => {
      await knex.destroy();
      // FORCE: a replica that failed to start may still hold a pooled connection.
      await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [name]);
      await admin.destroy();
    },
  };
}

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** A signal as one replica's orchestrator plugin handed it to the events service. */
export interface PublishedSignal {
  replica: string;
  channel: string;
  recipients: SignalPayload['recipients'];
  message: unknown;
}

export interface Replica {
  name: string;
  /** Base URL, e.g. http://localhost:41234 */
  baseUrl: string;
  request: ReturnType<typeof request>;
  stop(): Promise<void>;
}

/**
 * One backend replica as RHDH would run it, in a test backend: the
 * orchestrator plugin with the real database service (PostgreSQL, one schema
 * per plugin in the shared database), the real scheduler (global tasks locked
 * in that database), the real events service with the events backend (event
 * bus in that database) and the signals backend (WebSocket endpoint for
 * browsers). Only identities, permissions and notifications are mocked.
 */
export async function startReplica(options: {
  name: string;
  databaseUrl: string;
  dataIndexUrl: string;
  /** Every replica appends what its orchestrator plugin publishes here. */
  published: PublishedSignal[];
  notifications: jest.Mock;
  /** Users holding the admin permissions too. */
  admins?: string[];
}): Promise<Replica> {
  const { name, published } = options;
  const permissions = mockServices.permissions.mock({
    authorize: async (requests, authorizeOptions) => {
      const user = (
        authorizeOptions?.credentials.principal as { userEntityRef?: string }
      ).userEntityRef;
      const admin = !!user && !!options.admins?.includes(user);
      return requests.map(r => ({
        result:
          ADMIN_PERMISSIONS.includes(r.permission.name) && !admin
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
      })) as any;
    },
    authorizeConditional: async requests =>
      requests.map(() => ({ result: AuthorizeResult.ALLOW })) as any,
  });

  const backend = await startTestBackend({
    features: [
      orchestratorPlugin,
      eventsPlugin,
      signalsPlugin,
      databaseServiceFactory,
      schedulerServiceFactory,
      eventsServiceFactory,
      permissions.factory,
      // REPLICAS_LOG_LEVEL=debug shows the event bus and signals traffic when a run goes wrong.
      mockServices.rootLogger.factory({
        level: (process.env.REPLICAS_LOG_LEVEL as any) ?? 'none',
      }),
      // Calls without a token are anonymous, as in production.
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      mockServices.rootConfig.factory({
        data: {
          backend: {
            database: {
              client: 'pg',
              connection: options.databaseUrl,
              pluginDivisionMode: 'schema',
            },
          },
          events: { notifyTimeoutMs: 5_000 },
          orchestrator: {
            dataIndexService: { url: options.dataIndexUrl, readRetries: 0 },
            // Ticks come from the test (scheduler trigger) so the signal cannot
            // slip out before a browser subscribed; the first tick runs at startup.
            instanceWatcher: { enabled: true, intervalSeconds: 3600 },
          },
        },
      }),
      // The real signals service (publishing through the events service), recording who published.
      createServiceFactory({
        service: signalsServiceRef,
        deps: { events: eventsServiceRef },
        factory({ events }) {
          const real = DefaultSignalsService.create({ events });
          return {
            publish: async (signal: SignalPayload) => {
              published.push({
                replica: name,
                channel: signal.channel,
                recipients: signal.recipients,
                message: signal.message,
              });
              await real.publish(signal);
            },
          };
        },
      }),
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => ({
          send: async (...args: unknown[]) => {
            options.notifications(name, ...args);
          },
        }),
      }),
    ],
  });
  return {
    name,
    baseUrl: `http://localhost:${backend.server.port()}`,
    request: request(backend.server),
    stop: () => backend.stop(),
  };
}

/** A browser tab connected to one replica's signals endpoint. */
export interface SignalsBrowser {
  messages: { channel: string; message: any }[];
  subscribe(channel: string): void;
  waitFor(
    predicate: (m: { channel: string; message: any }) => boolean,
    timeoutMs: number,
  ): Promise<{ channel: string; message: any }>;
  close(): void;
}

/**
 * Opens the WebSocket the Backstage signals client opens (`/api/signals`,
 * token as sub-protocol). The signals backend starts listening for upgrades on
 * the first upgrade request it sees and leaves that one unanswered, so the
 * first attempt times out (the frontend's client reconnects the same way).
 */
export async function connectSignalsBrowser(
  baseUrl: string,
): Promise<SignalsBrowser> {
  const url = `${baseUrl.replace(/^http/, 'ws')}/api/signals`;
  let ws: WebSocket | undefined;
  for (let attempt = 1; !ws; attempt++) {
    try {
      ws = await open(url);
    } catch (error) {
      if (attempt >= 10) throw error;
      await new Promise(r => setTimeout(r, 100));
    }
  }
  const socket = ws;
  const messages: SignalsBrowser['messages'] = [];
  const waiters = new Set<() => void>();
  socket.on('message', data => {
    messages.push(JSON.parse(data.toString()));
    waiters.forEach(w => w());
  });
  return {
    messages,
    subscribe: channel =>
      socket.send(JSON.stringify({ action: 'subscribe', channel })),
    waitFor: (predicate, timeoutMs) =>
      new Promise((resolve, reject) => {
        const pending: { timer?: NodeJS.Timeout } = {};
        const check = () => {
          const found = messages.find(predicate);
          if (!found) return;
          clearTimeout(pending.timer);
          waiters.delete(check);
          resolve(found);
        };
        pending.timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `no matching signal within ${timeoutMs} ms; got ${JSON.stringify(
                messages,
              )}`,
            ),
          );
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    close: () => socket.terminate(),
  };
}

function open(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    // The very first upgrade request gets no answer at all: time it out and retry.
    const ws = new WebSocket(url, mockCredentials.user.token(), {
      handshakeTimeout: 1_000,
    });
    ws.once('open', () => resolve(ws));
    ws.once('error', error => {
      ws.terminate();
      reject(error);
    });
  });
}
