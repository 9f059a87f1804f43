import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { TranslationBlueprint } from '@backstage/plugin-app-react';
import {
  compatWrapper,
  convertLegacyRouteRefs,
} from '@backstage/core-compat-api';
import { orchestratorApiRef } from './api/OrchestratorApi';
import { OrchestratorClient } from './api/OrchestratorClient';
import { IsOrchestratorCatalogTabAvailable } from './catalog/isOrchestratorCatalogTabAvailable';
import { OrchestratorIcon } from './components/OrchestratorIcon';
import {
  executeWorkflowRouteRef,
  orchestratorRootRouteRef,
  workflowInstanceRouteRef,
  workflowRouteRef,
} from './routes';
import { orchestratorTranslations } from './translations';

const routes = convertLegacyRouteRefs({
  root: orchestratorRootRouteRef,
  workflow: workflowRouteRef,
  executeWorkflow: executeWorkflowRouteRef,
  workflowInstance: workflowInstanceRouteRef,
});

/** @alpha */
export const orchestratorApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: orchestratorApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => OrchestratorClient.create(deps),
    }),
});

/**
 * The Orchestrator page at `/orchestrator`. In frontend-plugin-api 0.18 the
 * page's title and icon also make its navigation item (NavItemBlueprint was
 * removed from that package).
 * @alpha
 */
export const orchestratorPage = PageBlueprint.make({
  params: {
    path: '/orchestrator',
    title: 'Orchestrator',
    icon: <OrchestratorIcon fontSize="inherit" />,
    routeRef: routes.root,
    noHeader: true,
    loader: () =>
      import('./components/Router').then(m => compatWrapper(<m.Router />)),
  },
});

/** Entity tab `workflows`, shown for entities with `orchestrator.io/workflows`. @alpha */
export const orchestratorEntityContent = EntityContentBlueprint.make({
  name: 'workflows',
  params: {
    path: '/workflows',
    title: 'Workflows',
    filter: IsOrchestratorCatalogTabAvailable,
    loader: () =>
      import('./components/CatalogTab').then(m =>
        compatWrapper(<m.OrchestratorCatalogTab />),
      ),
  },
});

/** German and Spanish texts; English is built into the translation ref. @alpha */
export const orchestratorTranslation = TranslationBlueprint.make({
  name: 'orchestrator',
  params: { resource: orchestratorTranslations },
});

/**
 * The Orchestrator plugin for the new frontend system.
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'orchestrator',
  title: 'Orchestrator',
  icon: <OrchestratorIcon fontSize="inherit" />,
  routes,
  extensions: [
    orchestratorApi,
    orchestratorPage,
    orchestratorEntityContent,
    orchestratorTranslation,
  ],
});
