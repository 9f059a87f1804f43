import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { createGetWorkflowParamsAction } from './actions/getWorkflowParams';
import { createRunWorkflowAction } from './actions/runWorkflow';
import { resolveActionsExtensionPoint } from './actionsExtensionPoint';

/**
 * Registers the Orchestrator scaffolder actions.
 * @public
 */
export const scaffolderModuleOrchestrator = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'orchestrator',
  register(reg) {
    reg.registerInit({
      deps: {
        // Looked up in the host's scaffolder-node (main entry or /alpha, see the helper); a host
        // with neither gets an error naming both instead of "reading 'id'" of undefined.
        scaffolder: resolveActionsExtensionPoint(),
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        config: coreServices.rootConfig,
      },
      async init({ scaffolder, discovery, auth, config }) {
        scaffolder.addActions(
          createRunWorkflowAction({ discovery, auth, config }),
          createGetWorkflowParamsAction({ discovery, auth }),
        );
      },
    });
  },
});
