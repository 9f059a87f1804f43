import { screen } from '@testing-library/react';
import {
  mockOrchestratorApi,
  responseError,
} from '../../__testUtils__/renderWithApis';
import { renderOrchestratorAt } from '../../__testUtils__/renderRoute';

const problem = {
  workflowId: 'provision-db',
  file: 'workflows/provision-db.sw.yaml',
  message:
    "state 'Undo' compensates 'Work' but does not set usedForCompensation: true",
};

async function missingWorkflowApi(loadProblems: jest.Mock) {
  const notFound = await responseError(404, {
    error: {
      name: 'NotFoundError',
      message: "Workflow 'provision-db' not found",
    },
    response: { statusCode: 404 },
  });
  return mockOrchestratorApi({
    getWorkflowOverview: jest.fn().mockRejectedValue(notFound),
    getWorkflowSource: jest.fn().mockRejectedValue(notFound),
    getWorkflowInputSchema: jest.fn().mockRejectedValue(notFound),
    getWorkflowLoadProblems: loadProblems,
  });
}

describe('Workflow page of a workflow that failed to load', () => {
  it('tells an admin the workflow failed to load, and why', async () => {
    const api = await missingWorkflowApi(
      jest.fn().mockResolvedValue({ problems: [problem] }),
    );
    await renderOrchestratorAt('/workflows/provision-db', { api });

    const alert = await screen.findByTestId('workflow-load-problem');
    expect(alert).toHaveTextContent(
      "Workflow provision-db failed to load: state 'Undo' compensates 'Work' but does not set usedForCompensation: true",
    );
    expect(alert).toHaveTextContent('File: workflows/provision-db.sw.yaml');
    expect(screen.queryByTestId('api-error')).toBeNull();
  });

  it('shows a non-admin the plain not-found, without asking for reasons', async () => {
    const loadProblems = jest.fn().mockResolvedValue({ problems: [problem] });
    const api = await missingWorkflowApi(loadProblems);
    await renderOrchestratorAt('/workflows/provision-db', {
      api,
      deny: ['orchestrator.workflowAdminView'],
    });

    const panel = await screen.findByTestId('api-error');
    expect(panel).toHaveTextContent("Workflow 'provision-db' not found");
    expect(screen.queryByTestId('workflow-load-problem')).toBeNull();
    expect(document.body).not.toHaveTextContent('usedForCompensation');
    expect(loadProblems).not.toHaveBeenCalled();
  });

  it('keeps the not-found for an admin when the id is not among the failures', async () => {
    const api = await missingWorkflowApi(
      jest.fn().mockResolvedValue({
        problems: [{ ...problem, workflowId: 'other' }],
      }),
    );
    await renderOrchestratorAt('/workflows/provision-db', { api });
    expect(await screen.findByTestId('api-error')).toBeInTheDocument();
    expect(screen.queryByTestId('workflow-load-problem')).toBeNull();
  });

  it('does not ask for load problems on other errors', async () => {
    const loadProblems = jest.fn().mockResolvedValue({ problems: [problem] });
    const api = await missingWorkflowApi(loadProblems);
    api.getWorkflowOverview.mockRejectedValue(await responseError(503));
    await renderOrchestratorAt('/workflows/provision-db', { api });
    expect(
      await screen.findByTestId('data-index-unavailable'),
    ).toBeInTheDocument();
    expect(loadProblems).not.toHaveBeenCalled();
  });
});
