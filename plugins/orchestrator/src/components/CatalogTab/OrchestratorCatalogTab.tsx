import { InfoCard } from '@backstage/core-components';

/** Workflows tab of an entity page. */
export const OrchestratorCatalogTab = () => (
  <InfoCard title="Workflows">{null}</InfoCard>
);
