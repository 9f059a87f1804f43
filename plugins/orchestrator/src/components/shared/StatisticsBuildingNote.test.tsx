import { screen } from '@testing-library/react';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { RunStatisticsDTO } from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import {
  greetingOverview,
  overviewList,
  runList,
} from '../../__testUtils__/fixtures';
import {
  mockOrchestratorApi,
  renderWithApis,
} from '../../__testUtils__/renderWithApis';
import { renderOrchestratorAt } from '../../__testUtils__/renderRoute';
import { OrchestratorCatalogTab } from '../CatalogTab/OrchestratorCatalogTab';
import { WorkflowsTab } from '../OrchestratorPage/WorkflowsTab';

const BUILDING: RunStatisticsDTO = {
  source: 'dataIndex',
  ready: false,
  building: true,
};
const INDEX_OFF: RunStatisticsDTO = {
  source: 'dataIndex',
  ready: false,
  building: false,
};
const READY: RunStatisticsDTO = {
  source: 'index',
  ready: true,
  building: false,
};
const CAPTION =
  'Statistics are still being built; figures come from the Data Index meanwhile.';

function renderWorkflowsTab(statistics: RunStatisticsDTO) {
  const api = mockOrchestratorApi({
    getWorkflowsOverview: jest
      .fn()
      .mockResolvedValue({ ...overviewList([greetingOverview]), statistics }),
  });
  return renderWithApis(<WorkflowsTab />, { api });
}

describe('the "statistics are still being built" caption', () => {
  it.each([
    ['switched off', INDEX_OFF],
    ['ready', READY],
  ])(
    'is absent from the Workflows tab when the run index is %s',
    async (_state, statistics) => {
      await renderWorkflowsTab(statistics);
      expect(await screen.findByText('Greeting workflow')).toBeInTheDocument();
      expect(screen.queryByTestId('statistics-building')).toBeNull();
    },
  );

  it('shows on the Workflows tab while the run index is being built', async () => {
    await renderWorkflowsTab(BUILDING);
    expect(await screen.findByTestId('statistics-building')).toHaveTextContent(
      CAPTION,
    );
  });

  it("shows on an entity's Workflows tab while the run index is being built", async () => {
    const api = mockOrchestratorApi({
      getWorkflowsOverviewForEntity: jest.fn().mockResolvedValue({
        ...overviewList([greetingOverview]),
        statistics: BUILDING,
      }),
      getInstancesForEntity: jest.fn().mockResolvedValue(runList([])),
    });
    await renderWithApis(
      <EntityProvider
        entity={{
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: {
            name: 'my-service',
            annotations: { 'orchestrator.io/workflows': '["greeting"]' },
          },
        }}
      >
        <OrchestratorCatalogTab />
      </EntityProvider>,
      { api },
    );
    expect(await screen.findByTestId('statistics-building')).toHaveTextContent(
      CAPTION,
    );
  });

  it("shows in a workflow page's stats card while the run index is being built", async () => {
    const api = mockOrchestratorApi({
      getWorkflowOverview: jest
        .fn()
        .mockResolvedValue({ ...greetingOverview, statistics: BUILDING }),
      getWorkflowSource: jest.fn().mockResolvedValue('id: greeting\n'),
      getWorkflowInputSchema: jest.fn().mockResolvedValue({}),
      getWorkflowInstances: jest.fn().mockResolvedValue(runList([])),
    });
    await renderOrchestratorAt('/workflows/greeting', { api });
    expect(await screen.findByTestId('statistics-building')).toHaveTextContent(
      CAPTION,
    );
    expect(screen.getByTestId('stats-runs-30d')).toHaveTextContent('4');
  });
});
