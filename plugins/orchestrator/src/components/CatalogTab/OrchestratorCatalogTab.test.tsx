import { screen, waitFor, within } from '@testing-library/react';
import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  brokenOverview,
  completedRun,
  greetingOverview,
  overviewList,
  runList,
} from '../../__testUtils__/fixtures';
import {
  mockOrchestratorApi,
  renderWithApis,
  responseError,
} from '../../__testUtils__/renderWithApis';
import { OrchestratorCatalogTab } from './OrchestratorCatalogTab';

const entity = (annotation: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'my-service',
    annotations: { 'orchestrator.io/workflows': annotation },
  },
  spec: {},
});

const render = (
  api: ReturnType<typeof mockOrchestratorApi>,
  annotation = '["greeting","broken"]',
) =>
  renderWithApis(
    <EntityProvider entity={entity(annotation)}>
      <OrchestratorCatalogTab />
    </EntityProvider>,
    { api },
  );

describe('OrchestratorCatalogTab', () => {
  it('lists the annotated workflows with Run buttons that carry the entity, and its runs', async () => {
    const api = mockOrchestratorApi({
      getWorkflowsOverviewForEntity: jest.fn().mockResolvedValue({
        ...overviewList([greetingOverview, brokenOverview]),
        warnings: [
          "Workflow 'gone' named by the entity annotation is not deployed",
        ],
      }),
      getInstancesForEntity: jest
        .fn()
        .mockResolvedValue(runList([completedRun])),
    });
    await render(api);

    const rows = await screen.findAllByTestId('entity-workflow-row');
    expect(rows).toHaveLength(2);
    await waitFor(() =>
      expect(
        within(rows[0]).getByRole('link', { name: 'Run' }),
      ).toHaveAttribute(
        'href',
        '/orchestrator/workflows/greeting/execute?targetEntity=component%3Adefault%2Fmy-service',
      ),
    );
    expect(screen.getByTestId('partial-warnings')).toHaveTextContent(
      'not deployed',
    );
    expect(api.getWorkflowsOverviewForEntity).toHaveBeenCalledWith({
      targetEntity: 'component:default/my-service',
      annotationWorkflowIds: ['greeting', 'broken'],
    });
    expect(await screen.findByText('run-1')).toBeInTheDocument();
    expect(api.getInstancesForEntity).toHaveBeenCalledWith({
      targetEntity: 'component:default/my-service',
      paginationInfo: {
        pageSize: 20,
        offset: 0,
        orderBy: 'start',
        orderDirection: 'DESC',
      },
    });
  });

  it('sends an empty list for [] and explains an empty answer', async () => {
    const api = mockOrchestratorApi({
      getWorkflowsOverviewForEntity: jest
        .fn()
        .mockResolvedValue(overviewList([])),
      getInstancesForEntity: jest.fn().mockResolvedValue(runList([])),
    });
    await render(api, '[]');
    expect(
      await screen.findByTestId('entity-workflows-empty'),
    ).toHaveTextContent('No workflow has run for this entity yet.');
    expect(api.getWorkflowsOverviewForEntity).toHaveBeenCalledWith({
      targetEntity: 'component:default/my-service',
      annotationWorkflowIds: [],
    });
    expect(await screen.findByTestId('runs-table-empty')).toBeInTheDocument();
  });

  it('shows loading and the Data Index banner', async () => {
    const pending = mockOrchestratorApi({
      getWorkflowsOverviewForEntity: jest.fn(
        () => new Promise<never>(() => {}),
      ),
      getInstancesForEntity: jest.fn(() => new Promise<never>(() => {})),
    });
    await render(pending);
    expect(screen.getByTestId('progress')).toBeInTheDocument();

    const down = mockOrchestratorApi({
      getWorkflowsOverviewForEntity: jest
        .fn()
        .mockRejectedValue(await responseError(503)),
      getInstancesForEntity: jest
        .fn()
        .mockRejectedValue(await responseError(503)),
    });
    await render(down);
    expect(await screen.findAllByTestId('data-index-unavailable')).toHaveLength(
      2,
    );
  });
});
