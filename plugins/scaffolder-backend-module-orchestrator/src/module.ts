import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createGetWorkflowParamsAction } from './actions/getWorkflowParams';
import { createRunWorkflowAction } from './actions/runWorkflow';

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
        scaffolder: scaffolderActionsExtensionPoint,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
      },
      async init({ scaffolder, discovery, auth }) {
        scaffolder.addActions(
          createRunWorkflowAction({ discovery, auth }),
          createGetWorkflowParamsAction({ discovery, auth }),
        );
      },
    });
  },
});
