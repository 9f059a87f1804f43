import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  WorkflowLogProvider,
  workflowLogsExtensionEndpoint,
} from '@orchestrator-suite/backstage-plugin-orchestrator-node';
import orchestratorModuleLoki from './index';

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
});
