import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  brokenOverview,
  completedRun,
  greetingOverview,
  runList,
} from '../../__testUtils__/fixtures';
import {
  mockOrchestratorApi,
  responseError,
} from '../../__testUtils__/renderWithApis';
import { renderOrchestratorAt } from '../../__testUtils__/renderRoute';

const source = `id: greeting
name: Greeting workflow
start: ChooseOnLanguage
states:
  - name: ChooseOnLanguage
    type: switch
    dataConditions:
      - condition: .language == "Spanish"
        transition: GreetInSpanish
    defaultCondition:
      transition: GreetInEnglish
  - name: GreetInEnglish
    type: inject
    transition: GreetPerson
  - name: GreetInSpanish
    type: inject
    transition: GreetPerson
  - name: GreetPerson
    type: operation
    end: true
`;

const inputSchema = {
  type: 'object',
  required: ['language'],
  properties: {
    language: {
      type: 'string',
      title: 'Language',
      enum: ['English', 'Spanish'],
    },
    name: { type: 'string', description: 'Who to greet' },
  },
};

function workflowApi() {
  return mockOrchestratorApi({
    getWorkflowOverview: jest.fn().mockResolvedValue(greetingOverview),
    getWorkflowSource: jest.fn().mockResolvedValue(source),
    getWorkflowInputSchema: jest.fn().mockResolvedValue({ inputSchema }),
    getWorkflowInstances: jest
      .fn()
      .mockResolvedValue(runList([completedRun], 4)),
  });
}

describe('WorkflowPage', () => {
  it('shows details, stats, input preview, a native diagram and runs', async () => {
    const api = workflowApi();
    await renderOrchestratorAt('/workflows/greeting', { api });

    expect(await screen.findByTestId('workflow-id')).toHaveTextContent(
      'greeting',
    );
    expect(screen.getByTestId('workflow-availability')).toHaveTextContent(
      'Available',
    );
    expect(screen.getByTestId('stats-success-ratio')).toHaveTextContent('75%');
    expect(screen.getByTestId('stats-runs-30d')).toHaveTextContent('4');

    const inputs = await screen.findByTestId('input-schema');
    expect(within(inputs).getByText('Language')).toBeInTheDocument();
    expect(
      within(inputs).getByText('one of English, Spanish'),
    ).toBeInTheDocument();
    expect(within(inputs).getByText('Who to greet')).toBeInTheDocument();

    const diagram = await screen.findByTestId('workflow-diagram');
    expect(diagram.tagName.toLowerCase()).toBe('svg');
    expect(document.querySelector('iframe')).toBeNull();
    const nodes = within(diagram)
      .getAllByTestId('diagram-node')
      .map(n => n.getAttribute('data-node'));
    expect(nodes).toEqual(
      expect.arrayContaining([
        'ChooseOnLanguage',
        'GreetInEnglish',
        'GreetInSpanish',
        'GreetPerson',
      ]),
    );
    expect(
      within(diagram).getAllByTestId('diagram-edge').length,
    ).toBeGreaterThanOrEqual(6);

    expect(await screen.findByText('run-1')).toBeInTheDocument();
    expect(screen.getByTestId('runs-count')).toHaveTextContent('Runs (4)');
    expect(api.getWorkflowInstances).toHaveBeenCalledWith(
      'greeting',
      expect.anything(),
    );
    await waitFor(() =>
      expect(screen.getAllByRole('link', { name: 'Run' })[0]).toHaveAttribute(
        'href',
        '/orchestrator/workflows/greeting/execute',
      ),
    );
  });

  it('shows the source on demand', async () => {
    const api = workflowApi();
    await renderOrchestratorAt('/workflows/greeting', { api });
    await screen.findByTestId('workflow-diagram');
    await userEvent.click(screen.getByRole('tab', { name: 'Source' }));
    // the highlighter loads lazily: slow on a loaded machine
    await waitFor(
      () =>
        expect(screen.getByTestId('workflow-source')).toHaveTextContent(
          'ChooseOnLanguage',
        ),
      { timeout: 10000 },
    );
  });

  it('explains when the definition cannot be drawn and when there are no inputs', async () => {
    const api = workflowApi();
    api.getWorkflowSource.mockResolvedValue('{ not json');
    api.getWorkflowOverview.mockResolvedValue({
      ...greetingOverview,
      format: 'json',
      stats: undefined,
    });
    api.getWorkflowRunStats.mockRejectedValue(new Error('no'));
    api.getWorkflowInputSchema.mockResolvedValue({});
    await renderOrchestratorAt('/workflows/greeting', { api });
    expect(await screen.findByTestId('diagram-error')).toBeInTheDocument();
    expect(await screen.findByTestId('input-schema-empty')).toBeInTheDocument();
    expect(screen.getByTestId('stats-empty')).toBeInTheDocument();
  });

  it('shows an unavailable workflow with its reason and a disabled Run', async () => {
    const api = workflowApi();
    api.getWorkflowOverview.mockResolvedValue(brokenOverview);
    await renderOrchestratorAt('/workflows/broken', { api });
    expect(
      await screen.findByTestId('workflow-availability'),
    ).toHaveTextContent('connection refused');
    await waitFor(() =>
      expect(screen.getAllByRole('button', { name: 'Run' })[0]).toBeDisabled(),
    );
  });

  it('shows loading, 404 and the Data Index banner', async () => {
    const pending = workflowApi();
    pending.getWorkflowOverview.mockImplementation(
      () => new Promise<never>(() => {}),
    );
    await renderOrchestratorAt('/workflows/greeting', { api: pending });
    expect(screen.getByTestId('progress')).toBeInTheDocument();

    const missing = workflowApi();
    missing.getWorkflowOverview.mockRejectedValue(await responseError(404));
    await renderOrchestratorAt('/workflows/nope', { api: missing });
    expect(await screen.findByTestId('api-error')).toBeInTheDocument();

    const down = workflowApi();
    down.getWorkflowOverview.mockRejectedValue(await responseError(503));
    await renderOrchestratorAt('/workflows/greeting', { api: down });
    expect(
      await screen.findByTestId('data-index-unavailable'),
    ).toBeInTheDocument();
  });
});
