import {
  createBackendModule,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { startTestBackend } from '@backstage/backend-test-utils';
import {
  WorkflowLogProvider,
  WorkflowLogProviderError,
  WorkflowLogProviderTimeoutError,
  orchestratorWorkflowLogsExtensionPoint,
  workflowLogsExtensionEndpoint,
} from './workflowLogs';

const provider = (id: string): WorkflowLogProvider => ({
  getProviderId: () => id,
  fetchWorkflowLogsByInstance: async instance => ({
    instanceId: instance.id,
    logs: [],
  }),
});

describe('workflowLogsExtensionEndpoint', () => {
  it("hands a module's providers to the orchestrator plugin, under both names", async () => {
    const received: string[] = [];
    const plugin = createBackendPlugin({
      pluginId: 'orchestrator',
      register(env) {
        env.registerExtensionPoint(workflowLogsExtensionEndpoint, {
          addWorkflowLogProvider: (...providers) =>
            received.push(...providers.map(p => p.getProviderId())),
        });
        env.registerInit({ deps: {}, async init() {} });
      },
    });
    const module = createBackendModule({
      pluginId: 'orchestrator',
      moduleId: 'test-logs',
      register(env) {
        env.registerInit({
          deps: { logs: orchestratorWorkflowLogsExtensionPoint },
          async init({ logs }) {
            logs.addWorkflowLogProvider(provider('a'), provider('b'));
          },
        });
      },
    });
    const backend = await startTestBackend({ features: [plugin, module] });
    expect(received).toEqual(['a', 'b']);
    await backend.stop();
  });

  it('gives provider failures the status the backend answers with', () => {
    expect(new WorkflowLogProviderError('no').statusCode).toBe(502);
    expect(new WorkflowLogProviderTimeoutError('slow').statusCode).toBe(504);
    expect(new WorkflowLogProviderTimeoutError('slow').name).toBe(
      'WorkflowLogProviderTimeoutError',
    );
  });
});
