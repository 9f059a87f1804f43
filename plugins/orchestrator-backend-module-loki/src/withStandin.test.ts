import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { notificationService } from '@backstage/plugin-notifications-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
// A test only: the module's code never imports the plugin it extends, this check needs both.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import orchestratorPlugin from '@orchestrator-suite/backstage-plugin-orchestrator-backend';
import {
  RunningStandin,
  startStandin,
} from '@orchestrator-suite/sonataflow-standin';
import path from 'node:path';
import orchestratorModuleLoki from './index';

jest.setTimeout(60_000);

/**
 * The whole path: the Orchestrator backend, this module, and the stand-in as both the Data
 * Index and the Loki the module asks (its query_range over the lines its runtime wrote).
 */
describe('run logs from the stand-in through the Loki module', () => {
  let standin: RunningStandin;
  let backend: Awaited<ReturnType<typeof startTestBackend>>;

  beforeAll(async () => {
    standin = await startStandin({
      workflowsDir: path.resolve(__dirname, '../../../workflows'),
    });
    backend = await startTestBackend({
      features: [
        orchestratorPlugin,
        orchestratorModuleLoki,
        // Allow-all: the caller holds instanceAdminView, so a run started at the stand-in is readable.
        mockServices.permissions.factory(),
        mockServices.rootConfig.factory({
          data: {
            orchestrator: {
              dataIndexService: { url: standin.url },
              instanceWatcher: { enabled: false },
              workflowLogProvider: {
                loki: {
                  baseUrl: standin.url,
                  logStreamSelectors: [
                    { label: 'service_name', value: 'greeting' },
                  ],
                },
              },
            },
          },
        }),
        createServiceFactory({
          service: signalsServiceRef,
          deps: {},
          factory: () => ({ publish: async () => {} }),
        }),
        createServiceFactory({
          service: notificationService,
          deps: {},
          factory: () => ({ send: async () => {} }),
        }),
      ],
    });
  });
  afterAll(async () => {
    await backend?.stop();
    await standin?.close();
  });

  it("answers a finished run's lines, oldest first, each with its time", async () => {
    const started = await fetch(`${standin.url}/greeting`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        workflowdata: { name: 'Ada', language: 'English' },
      }),
    });
    const { id } = (await started.json()) as { id: string };
    for (
      let i = 0;
      i < 100 && standin.store.getInstance(id)?.state === 'ACTIVE';
      i++
    ) {
      await new Promise(r => setTimeout(r, 50));
    }

    const { port } = backend.server.address() as { port: number };
    const res = await fetch(
      `http://localhost:${port}/api/orchestrator/v2/workflows/instances/${id}/logs`,
      { headers: { Authorization: mockCredentials.user.header() } },
    );
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      instanceId: id,
      provider: 'loki',
      truncated: false,
      limit: 1000,
    });
    const logs: { log: string; timestamp: string }[] = body.logs;
    expect(logs[0].log).toMatch(
      new RegExp(
        `^${logs[0].timestamp} .*Starting workflow 'greeting' instance ${id}$`,
      ),
    );
    expect(logs.some(l => l.log.includes('[sysout] Hello, Ada'))).toBe(true);
    expect(logs[logs.length - 1].log).toMatch(/is COMPLETED$/);
    expect(logs.every(l => l.log.includes(id))).toBe(true);
  });
});
