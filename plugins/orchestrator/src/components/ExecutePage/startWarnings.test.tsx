import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { alertApiRef } from '@backstage/core-plugin-api';
import { greetingOverview } from '../../__testUtils__/fixtures';
import { mockOrchestratorApi } from '../../__testUtils__/renderWithApis';
import { renderOrchestratorAt } from '../../__testUtils__/renderRoute';

// A workflow whose dataInputSchema says failOnValidationErrors: false: the backend starts the
// run and answers the input problems as warnings.
const inputSchema = {
  type: 'object',
  properties: { name: { type: 'string', title: 'Name' } },
};

async function startRun(executeAnswer: object) {
  const alertApi = { post: jest.fn(), alert$: jest.fn() };
  const api = mockOrchestratorApi({
    getWorkflowOverview: jest.fn().mockResolvedValue(greetingOverview),
    getWorkflowInputSchema: jest.fn().mockResolvedValue({ inputSchema }),
    getInstance: jest.fn(() => new Promise<never>(() => {})),
    getInstances: jest.fn(() => new Promise<never>(() => {})),
    executeWorkflow: jest.fn().mockResolvedValue(executeAnswer),
  });
  await renderOrchestratorAt('/workflows/greeting/execute?name=Ada', {
    api,
    extraApis: [[alertApiRef, alertApi]],
  });
  await screen.findByTestId('workflow-input-form');
  await userEvent.click(await screen.findByTestId('orchestrator-form-next'));
  await screen.findByTestId('orchestrator-form-review-table');
  await waitFor(() =>
    expect(screen.getByRole('button', { name: 'Run' })).toBeEnabled(),
  );
  await userEvent.click(screen.getByRole('button', { name: 'Run' }));
  // On the new run's page, as for any start.
  expect(await screen.findByTestId('instance-starting')).toBeInTheDocument();
  return alertApi;
}

describe('starting a run the backend accepted with input warnings', () => {
  it('shows the warnings in a lasting alert, and still goes to the run', async () => {
    const alertApi = await startRun({
      id: 'run-9',
      warnings: ['/name must match pattern "^[a-z]+$"', '/ticket is required'],
    });
    expect(alertApi.post).toHaveBeenCalledWith({
      message:
        'The run started, but its inputs do not match the input schema: /name must match pattern "^[a-z]+$"; /ticket is required',
      severity: 'warning',
      display: 'permanent',
    });
  });

  it('posts nothing when there are no warnings', async () => {
    const alertApi = await startRun({ id: 'run-10' });
    expect(alertApi.post).not.toHaveBeenCalled();
  });
});
