import { screen, waitFor } from '@testing-library/react';
import { greetingOverview, overviewList } from '../../__testUtils__/fixtures';
import {
  mockOrchestratorApi,
  renderWithApis,
  responseError,
} from '../../__testUtils__/renderWithApis';
import { OrchestratorPage } from './OrchestratorPage';

const problems = [
  {
    workflowId: 'provision-db',
    file: 'workflows/provision-db.sw.yaml',
    message:
      "state 'Undo' compensates 'Work' but does not set usedForCompensation: true",
  },
  { file: 'workflows/garbled.sw.yaml', message: 'not valid YAML' },
];

function api(loadProblems: jest.Mock) {
  return mockOrchestratorApi({
    getWorkflowsOverview: jest
      .fn()
      .mockResolvedValue(overviewList([greetingOverview], 1)),
    getWorkflowLoadProblems: loadProblems,
  });
}

describe('Orchestrator page: workflows that failed to load', () => {
  it('lists each failed workflow with its reason for an admin', async () => {
    const a = api(jest.fn().mockResolvedValue({ problems }));
    await renderWithApis(<OrchestratorPage />, { api: a });

    const notice = await screen.findByTestId('load-problems');
    expect(notice).toHaveTextContent('Workflows that failed to load (2)');
    const rows = screen.getAllByTestId('load-problem');
    expect(rows.map(r => r.textContent)).toEqual([
      "provision-db (workflows/provision-db.sw.yaml): state 'Undo' compensates 'Work' but does not set usedForCompensation: true",
      'workflows/garbled.sw.yaml: not valid YAML',
    ]);
    // The list itself is still there.
    expect(await screen.findByText('Greeting workflow')).toBeInTheDocument();
  });

  it('asks nothing and shows nothing to a non-admin', async () => {
    const loadProblems = jest.fn().mockResolvedValue({ problems });
    await renderWithApis(<OrchestratorPage />, {
      api: api(loadProblems),
      deny: ['orchestrator.workflowAdminView'],
    });
    expect(await screen.findByText('Greeting workflow')).toBeInTheDocument();
    expect(screen.queryByTestId('load-problems')).toBeNull();
    expect(loadProblems).not.toHaveBeenCalled();
  });

  it('shows nothing when every workflow loaded, or the call fails', async () => {
    const none = jest.fn().mockResolvedValue({ problems: [] });
    await renderWithApis(<OrchestratorPage />, { api: api(none) });
    await waitFor(() => expect(none).toHaveBeenCalled());
    expect(await screen.findByText('Greeting workflow')).toBeInTheDocument();
    expect(screen.queryByTestId('load-problems')).toBeNull();

    const failing = jest.fn().mockRejectedValue(await responseError(403));
    await renderWithApis(<OrchestratorPage />, { api: api(failing) });
    await waitFor(() => expect(failing).toHaveBeenCalled());
    expect(screen.queryByTestId('load-problems')).toBeNull();
    expect(screen.queryByTestId('api-error')).toBeNull();
  });
});
