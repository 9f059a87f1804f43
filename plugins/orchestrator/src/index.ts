/**
 * Frontend of the Orchestrator plugin suite: start, watch and recover
 * SonataFlow serverless workflows from Backstage / RHDH.
 *
 * @packageDocumentation
 */
export {
  orchestratorPlugin,
  OrchestratorPage,
  OrchestratorCatalogTab,
} from './plugin';
export { OrchestratorIcon } from './components/OrchestratorIcon';
export {
  IsOrchestratorCatalogTabAvailable,
  ORCHESTRATOR_WORKFLOWS_ANNOTATION,
} from './catalog/isOrchestratorCatalogTabAvailable';
export { orchestratorApiRef } from './api/OrchestratorApi';
export type { OrchestratorApi } from './api/OrchestratorApi';
export { OrchestratorClient } from './api/OrchestratorClient';
export type { OrchestratorClientOptions } from './api/OrchestratorClient';
export {
  orchestratorRootRouteRef,
  workflowRouteRef,
  executeWorkflowRouteRef,
  workflowInstanceRouteRef,
} from './routes';
export { orchestratorTranslationRef } from './translation';
export { orchestratorTranslations } from './translations';
