import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { workflowLogsExtensionEndpoint } from '@orchestrator-suite/backstage-plugin-orchestrator-node';
import { DefaultLokiLogProvider } from './DefaultLokiLogProvider';

/**
 * Registers Loki as the Orchestrator's workflow log provider when
 * `orchestrator.workflowLogProvider.loki` is configured.
 * @public
 */
export const orchestratorModuleLoki = createBackendModule({
  pluginId: 'orchestrator',
  moduleId: 'loki',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        logs: workflowLogsExtensionEndpoint,
      },
      async init({ config, logger, logs }) {
        if (!config.has('orchestrator.workflowLogProvider.loki')) {
          logger.warn(
            'orchestrator.workflowLogProvider.loki is not configured: Loki gives no run logs',
          );
          return;
        }
        const provider = DefaultLokiLogProvider.fromConfig(config);
        if (!provider.isNarrowed()) {
          logger.warn(
            'orchestrator.workflowLogProvider.loki.logStreamSelectors is not set: each run log request searches every stream with a service_name',
          );
        }
        if (!provider.checksCertificates()) {
          logger.warn(
            "orchestrator.workflowLogProvider.loki.tls.rejectUnauthorized is false: Loki's TLS certificate is not checked, so anyone on the path can read or answer the log queries",
          );
        }
        logs.addWorkflowLogProvider(provider);
        logger.info(`Workflow run logs from Loki at ${provider.getBaseURL()}`);
      },
    });
  },
});
