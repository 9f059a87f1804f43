import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  WorkflowLogProvider,
  workflowLogsExtensionEndpoint,
} from '@orchestrator-suite/backstage-plugin-orchestrator-node';
import orchestratorModuleLoki from './index';
import { TEST_LINE, startHttpsLoki } from './__testUtils__/httpsLoki';

/** Stands in for the Orchestrator backend: it only collects what modules register. */
function collectingPlugin(received: WorkflowLogProvider[]) {
  return createBackendPlugin({
    pluginId: 'orchestrator',
    register(env) {
      env.registerExtensionPoint(workflowLogsExtensionEndpoint, {
        addWorkflowLogProvider: (...providers) => received.push(...providers),
      });
      env.registerInit({ deps: {}, async init() {} });
    },
  });
}

describe('orchestratorModuleLoki', () => {
  it('registers the Loki provider when orchestrator.workflowLogProvider.loki is set', async () => {
    const received: WorkflowLogProvider[] = [];
    const backend = await startTestBackend({
      features: [
        collectingPlugin(received),
        orchestratorModuleLoki,
        mockServices.rootConfig.factory({
          data: {
            orchestrator: {
              workflowLogProvider: {
                loki: {
                  baseUrl: 'http://loki:3100',
                  token: 'never-logged',
                  logStreamSelectors: [{ label: 'app', value: 'greeting' }],
                },
              },
            },
          },
        }),
      ],
    });
    expect(received.map(p => p.getProviderId())).toEqual(['loki']);
    await backend.stop();
  });

  it('registers nothing without that config', async () => {
    const received: WorkflowLogProvider[] = [];
    const backend = await startTestBackend({
      features: [
        collectingPlugin(received),
        orchestratorModuleLoki,
        mockServices.rootConfig.factory({ data: {} }),
      ],
    });
    expect(received).toEqual([]);
    await backend.stop();
  });

  it('warns once at startup when Loki certificates are not checked, and still answers lines', async () => {
    const loki = await startHttpsLoki();
    const logger = mockServices.logger.mock();
    const received: WorkflowLogProvider[] = [];
    const backend = await startTestBackend({
      features: [
        collectingPlugin(received),
        orchestratorModuleLoki,
        logger.factory,
        mockServices.rootConfig.factory({
          data: {
            orchestrator: {
              workflowLogProvider: {
                loki: {
                  baseUrl: loki.url,
                  logStreamSelectors: [{ label: 'app', value: 'greeting' }],
                  tls: { rejectUnauthorized: false },
                },
              },
            },
          },
        }),
      ],
    });
    try {
      const unchecked = logger.warn.mock.calls.filter(([message]) =>
        message.includes('tls.rejectUnauthorized is false'),
      );
      expect(unchecked).toEqual([
        [
          "orchestrator.workflowLogProvider.loki.tls.rejectUnauthorized is false: Loki's TLS certificate is not checked, so anyone on the path can read or answer the log queries",
        ],
      ]);
      const answer = await received[0].fetchWorkflowLogsByInstance({
        id: 'run-1',
        processId: 'greeting',
        state: 'COMPLETED',
      });
      expect(answer.logs.map(l => l.log)).toEqual([TEST_LINE]);
    } finally {
      await backend.stop();
      await loki.close();
    }
  });

  it.each([
    [
      { baseUrl: 'http://loki:3100', tls: { rejectUnauthorized: false } },
      'orchestrator.workflowLogProvider.loki.tls applies only to an https: baseUrl',
    ],
    [
      { baseUrl: 'https://loki:3100', tls: { caFile: '/nowhere/ca.crt' } },
      "orchestrator.workflowLogProvider.loki.tls.caFile '/nowhere/ca.crt' could not be read (ENOENT)",
    ],
  ])('fails the start on a bad tls block (%j)', async (loki, message) => {
    await expect(
      startTestBackend({
        features: [
          collectingPlugin([]),
          orchestratorModuleLoki,
          mockServices.rootConfig.factory({
            data: { orchestrator: { workflowLogProvider: { loki } } },
          }),
        ],
      }),
    ).rejects.toThrow(message);
  });
});
