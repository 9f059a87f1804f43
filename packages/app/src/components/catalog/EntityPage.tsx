import { Grid } from '@material-ui/core';
import {
  EntityAboutCard,
  EntityLayout,
  EntitySwitch,
  isKind,
} from '@backstage/plugin-catalog';
import {
  IsOrchestratorCatalogTabAvailable,
  OrchestratorCatalogTab,
} from '@orchestrator-suite/backstage-plugin-orchestrator';

const overviewContent = (
  <Grid container spacing={3} alignItems="stretch">
    <Grid item md={6} xs={12}>
      <EntityAboutCard />
    </Grid>
  </Grid>
);

/** The same tab RHDH mounts through `entity.page.workflows/cards`. */
const workflowsTab = (
  <EntityLayout.Route
    path="/workflows"
    title="Workflows"
    if={IsOrchestratorCatalogTabAvailable}
  >
    <OrchestratorCatalogTab />
  </EntityLayout.Route>
);

const defaultEntityPage = (
  <EntityLayout>
    <EntityLayout.Route path="/" title="Overview">
      {overviewContent}
    </EntityLayout.Route>
    {workflowsTab}
  </EntityLayout>
);

export const entityPage = (
  <EntitySwitch>
    <EntitySwitch.Case if={isKind('component')} children={defaultEntityPage} />
    <EntitySwitch.Case children={defaultEntityPage} />
  </EntitySwitch>
);
