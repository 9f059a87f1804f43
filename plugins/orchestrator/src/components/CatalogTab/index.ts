export { OrchestratorCatalogTab } from './OrchestratorCatalogTab';
