import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { orchestratorApiRef } from './api/OrchestratorApi';
import { OrchestratorClient } from './api/OrchestratorClient';
import {
  executeWorkflowRouteRef,
  orchestratorRootRouteRef,
  workflowInstanceRouteRef,
  workflowRouteRef,
} from './routes';

/** @public */
export const orchestratorPlugin = createPlugin({
  id: 'orchestrator',
  apis: [
    createApiFactory({
      api: orchestratorApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => OrchestratorClient.create(deps),
    }),
  ],
  routes: {
    root: orchestratorRootRouteRef,
    workflow: workflowRouteRef,
    executeWorkflow: executeWorkflowRouteRef,
    workflowInstance: workflowInstanceRouteRef,
  },
});

/**
 * The whole Orchestrator UI; mount it at `/orchestrator`.
 * @public
 */
export const OrchestratorPage = orchestratorPlugin.provide(
  createRoutableExtension({
    name: 'OrchestratorPage',
    component: () => import('./components/Router').then(m => m.Router),
    mountPoint: orchestratorRootRouteRef,
  }),
);

/**
 * The entity Workflows tab; show it when `IsOrchestratorCatalogTabAvailable`.
 * @public
 */
export const OrchestratorCatalogTab = orchestratorPlugin.provide(
  createComponentExtension({
    name: 'OrchestratorCatalogTab',
    component: {
      lazy: () =>
        import('./components/CatalogTab').then(m => m.OrchestratorCatalogTab),
    },
  }),
);
