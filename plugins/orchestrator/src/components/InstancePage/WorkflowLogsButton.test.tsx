import { useState } from 'react';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { configApiRef } from '@backstage/core-plugin-api';
import { mockApis } from '@backstage/test-utils';
import {
  ProcessInstanceDTO,
  WorkflowLogsResponse,
} from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import { activeRun, completedRun } from '../../__testUtils__/fixtures';
import {
  mockOrchestratorApi,
  MockOrchestratorApi,
  renderWithApis,
  responseError,
} from '../../__testUtils__/renderWithApis';
import { WorkflowLogsButton } from './WorkflowLogsButton';

const withLogs = mockApis.config({
  data: { orchestrator: { workflowLogProvider: {} } },
});

const answer: WorkflowLogsResponse = {
  instanceId: 'run-1',
  provider: 'loki',
  truncated: false,
  limit: 1000,
  logs: [
    {
      id: '1',
      timestamp: '2024-11-21T21:10:00.100Z',
      log: "INFO Entered state 'Greet' run-1",
    },
    {
      id: '2',
      timestamp: '2024-11-21T21:10:00.200Z',
      log: 'INFO Hello, Ada run-1',
    },
  ],
};

function render(
  api: MockOrchestratorApi,
  instance: ProcessInstanceDTO = completedRun,
  config = withLogs,
) {
  return renderWithApis(<WorkflowLogsButton instance={instance} />, {
    api,
    extraApis: [[configApiRef, config]],
  });
}

const openDialog = async () => {
  await userEvent.click(
    await screen.findByRole('button', { name: 'View logs' }),
  );
  return screen.findByTestId('workflow-logs-dialog');
};

describe('WorkflowLogsButton', () => {
  it('is not there when the backend has no log provider configured', async () => {
    const api = mockOrchestratorApi();
    await render(api, completedRun, mockApis.config({ data: {} }));
    expect(screen.queryByRole('button', { name: 'View logs' })).toBeNull();
    expect(api.getWorkflowLogs).not.toHaveBeenCalled();
  });

  it('loads nothing until opened, then shows the lines oldest first, monospaced, as stored', async () => {
    const api = mockOrchestratorApi({
      getWorkflowLogs: jest.fn(async () => answer),
    });
    await render(api);
    expect(api.getWorkflowLogs).not.toHaveBeenCalled();
    const dialog = await openDialog();
    expect(
      within(dialog).getByText('Logs of Greeting workflow'),
    ).toBeInTheDocument();
    const lines = await within(dialog).findByTestId('logs-lines');
    expect(lines.tagName).toBe('PRE');
    expect(
      within(lines)
        .getAllByText(/run-1$/)
        .map(l => l.textContent),
    ).toEqual(["INFO Entered state 'Greet' run-1", 'INFO Hello, Ada run-1']);
    expect(within(lines).getByText('INFO Hello, Ada run-1')).toHaveAttribute(
      'title',
      '2024-11-21T21:10:00.200Z',
    );
    expect(api.getWorkflowLogs).toHaveBeenCalledWith('run-1', { rawlog: true });
    expect(within(dialog).queryByTestId('logs-truncated')).toBeNull();
    expect(within(dialog).queryByText(/still going/)).toBeNull();
  });

  it('says when older lines were left out', async () => {
    const api = mockOrchestratorApi({
      getWorkflowLogs: jest.fn(async () => ({
        ...answer,
        truncated: true,
        limit: 2,
      })),
    });
    await render(api);
    const dialog = await openDialog();
    expect(
      await within(dialog).findByTestId('logs-truncated'),
    ).toHaveTextContent('The newest 2 lines; older ones are left out.');
  });

  it('copies and downloads the lines as text', async () => {
    const writeText = jest.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText },
      configurable: true,
    });
    const createObjectURL = jest.fn(() => 'blob:logs');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => {});
    const api = mockOrchestratorApi({
      getWorkflowLogs: jest.fn(async () => answer),
    });
    await render(api);
    const dialog = await openDialog();
    await within(dialog).findByTestId('logs-lines');
    expect(
      within(dialog).getByRole('button', { name: 'Download' }),
    ).toBeEnabled();

    await userEvent.click(within(dialog).getByTestId('logs-copy'));
    expect(writeText).toHaveBeenCalledWith(
      "INFO Entered state 'Greet' run-1\nINFO Hello, Ada run-1",
    );

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Download' }),
    );
    const blob = (createObjectURL.mock.calls[0] as unknown as [Blob])[0];
    expect(await blob.text()).toBe(
      "INFO Entered state 'Greet' run-1\nINFO Hello, Ada run-1",
    );
    const link = click.mock.instances[0] as unknown as HTMLAnchorElement;
    expect(link.download).toBe('run-1.log');
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:logs');
    click.mockRestore();
  });

  it('reads the lines again when the active run moves, and on Refresh', async () => {
    const api = mockOrchestratorApi({
      getWorkflowLogs: jest.fn(async () => ({
        ...answer,
        instanceId: 'run-3',
      })),
    });
    // The run page passes the instance its live updates keep current.
    let move: (lastUpdate: string) => void = () => {};
    const MovingRun = () => {
      const [run, setRun] = useState<ProcessInstanceDTO>({
        ...activeRun,
        lastUpdate: '2024-11-21T22:00:01.000Z',
      });
      move = lastUpdate => setRun(r => ({ ...r, lastUpdate }));
      return <WorkflowLogsButton instance={run} />;
    };
    await renderWithApis(<MovingRun />, {
      api,
      extraApis: [[configApiRef, withLogs]],
    });
    const dialog = await openDialog();
    await within(dialog).findByTestId('logs-lines');
    expect(within(dialog).getByText(/still going/)).toBeInTheDocument();
    expect(api.getWorkflowLogs).toHaveBeenCalledTimes(1);

    act(() => move('2024-11-21T22:00:05.000Z'));
    await waitFor(() => expect(api.getWorkflowLogs).toHaveBeenCalledTimes(2));

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Refresh' }),
    );
    await waitFor(() => expect(api.getWorkflowLogs).toHaveBeenCalledTimes(3));
    expect(within(dialog).getByTestId('logs-lines')).toBeInTheDocument();
  });

  it.each([
    [
      501,
      'The backend has no log provider configured, so runs have no logs to show.',
    ],
    [503, 'The log store is unavailable: '],
    [504, 'The log store did not answer in time. Try again later.'],
  ])('explains a %i instead of failing', async (status, message) => {
    const api = mockOrchestratorApi({
      getWorkflowLogs: jest.fn(async () => {
        throw await responseError(status, {
          error: {
            name: 'Error',
            message:
              "Log provider 'loki' is unavailable: Loki at http://loki:3100 could not be reached",
          },
          response: { statusCode: status },
        });
      }),
    });
    await render(api);
    const dialog = await openDialog();
    const problem = await within(dialog).findByTestId('logs-problem');
    expect(problem).toHaveTextContent(message);
    // Only the 503 passes the backend's reason on: the others say what it means.
    expect(problem.textContent?.includes("Log provider 'loki'")).toBe(
      status === 503,
    );
  });

  it('closes', async () => {
    const api = mockOrchestratorApi({
      getWorkflowLogs: jest.fn(async () => ({ ...answer, logs: [] })),
    });
    await render(api);
    const dialog = await openDialog();
    expect(
      await within(dialog).findByText('No log lines for this run yet.'),
    ).toBeInTheDocument();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Close' }),
    );
    await waitFor(() =>
      expect(screen.queryByTestId('workflow-logs-dialog')).toBeNull(),
    );
  });
});
