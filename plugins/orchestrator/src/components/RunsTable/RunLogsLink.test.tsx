import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { configApiRef } from '@backstage/core-plugin-api';
import { mockApis } from '@backstage/test-utils';
import { completedRun, failedRun } from '../../__testUtils__/fixtures';
import {
  mockOrchestratorApi,
  renderWithApis,
} from '../../__testUtils__/renderWithApis';
import { RunLogsLink } from './RunLogsLink';

const withLogs = mockApis.config({
  data: { orchestrator: { workflowLogProvider: {} } },
});

describe('RunLogsLink', () => {
  it("opens a failed run's logs from the list, loading them only then", async () => {
    const api = mockOrchestratorApi({
      getWorkflowLogs: jest.fn().mockResolvedValue({
        instanceId: failedRun.id,
        logs: [{ id: '1', log: 'ERROR Language not supported run-2' }],
      }),
    });
    await renderWithApis(<RunLogsLink run={failedRun} />, {
      api,
      extraApis: [[configApiRef, withLogs]],
    });
    expect(api.getWorkflowLogs).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'View logs' }));
    const dialog = await screen.findByTestId('workflow-logs-dialog');
    expect(
      await within(dialog).findByText(/Language not supported run-2/),
    ).toBeInTheDocument();
    expect(api.getWorkflowLogs).toHaveBeenCalledWith(
      failedRun.id,
      expect.anything(),
    );
  });

  it('shows nothing for a run that did not fail', async () => {
    await renderWithApis(<RunLogsLink run={completedRun} />, {
      api: mockOrchestratorApi(),
      extraApis: [[configApiRef, withLogs]],
    });
    expect(screen.queryByTestId('run-view-logs')).toBeNull();
  });

  it('shows nothing without a log provider', async () => {
    await renderWithApis(<RunLogsLink run={failedRun} />, {
      api: mockOrchestratorApi(),
      extraApis: [[configApiRef, mockApis.config({ data: {} })]],
    });
    expect(screen.queryByTestId('run-view-logs')).toBeNull();
  });
});
