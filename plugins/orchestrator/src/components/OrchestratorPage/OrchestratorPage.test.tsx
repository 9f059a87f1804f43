import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  brokenOverview,
  completedRun,
  failedRun,
  greetingOverview,
  overviewList,
  runList,
} from '../../__testUtils__/fixtures';
import {
  manualSignalApi,
  mockOrchestratorApi,
  renderWithApis,
  responseError,
} from '../../__testUtils__/renderWithApis';
import { OrchestratorPage } from './OrchestratorPage';

describe('OrchestratorPage', () => {
  describe('Workflows tab', () => {
    it('lists workflows with availability, last run, stats and the true total', async () => {
      const api = mockOrchestratorApi({
        getWorkflowsOverview: jest
          .fn()
          .mockResolvedValue(
            overviewList([greetingOverview, brokenOverview], 42),
          ),
      });
      await renderWithApis(<OrchestratorPage />, { api });

      expect(await screen.findByText('Greeting workflow')).toBeInTheDocument();
      expect(screen.getByTestId('workflows-count')).toHaveTextContent(
        'Workflows (42)',
      );
      const rows = screen.getAllByTestId('workflows-table-row');
      expect(rows).toHaveLength(2);
      const greeting = within(rows[0]);
      expect(
        greeting.getByText('Says hello in a language'),
      ).toBeInTheDocument();
      expect(greeting.getByText('Available')).toBeInTheDocument();
      expect(greeting.getByText('75%')).toBeInTheDocument();
      expect(greeting.getByText('12s')).toBeInTheDocument();
      expect(greeting.getByText('Completed')).toBeInTheDocument();
      await waitFor(() =>
        expect(greeting.getByRole('link', { name: 'Run' })).toHaveAttribute(
          'href',
          '/orchestrator/workflows/greeting/execute',
        ),
      );
      const broken = within(rows[1]);
      expect(broken.getByText('Unavailable')).toBeInTheDocument();
      expect(broken.getByText('connection refused')).toBeInTheDocument();
      expect(broken.getByRole('button', { name: 'Run' })).toBeDisabled();
      expect(screen.getByText('1-20 of 42')).toBeInTheDocument();
      expect(api.getWorkflowsOverview).toHaveBeenCalledWith({
        paginationInfo: {
          pageSize: 20,
          offset: 0,
          orderBy: 'name',
          orderDirection: 'ASC',
        },
        search: undefined,
      });
    });

    it('reloads stats and last run when a shown workflow signals a change, without polling for a non-admin', async () => {
      jest.useFakeTimers({ advanceTimers: true });
      const signalApi = manualSignalApi();
      const api = mockOrchestratorApi({
        getWorkflowsOverview: jest.fn().mockResolvedValue(
          overviewList([
            {
              ...greetingOverview,
              lastRunId: undefined,
              lastRunStatus: undefined,
              lastTriggeredMs: undefined,
              stats: { ...greetingOverview.stats!, totalCount: 0 },
            },
          ]),
        ),
      });
      await renderWithApis(<OrchestratorPage />, {
        api,
        signalApi,
        deny: ['orchestrator.instanceAdminView'],
      });
      expect(await screen.findByText('Greeting workflow')).toBeInTheDocument();
      expect(signalApi.channels()).toContain('orchestrator:workflow:greeting');
      const calls = api.getWorkflowsOverview.mock.calls.length;
      act(() => jest.advanceTimersByTime(60_000));
      expect(api.getWorkflowsOverview.mock.calls.length).toBe(calls);

      api.getWorkflowsOverview.mockResolvedValue(
        overviewList([{ ...greetingOverview, lastRunStatus: 'ERROR' }]),
      );
      act(() => signalApi.emit('orchestrator:workflow:greeting', {}));
      const row = within(screen.getByTestId('workflows-table-row'));
      expect(await row.findByText('Failed')).toBeInTheDocument();
      expect(api.getWorkflowsOverview.mock.calls.length).toBe(calls + 1);
      jest.useRealTimers();
    });

    it("updates an instance admin's stats on the tick of others' runs, without polling", async () => {
      jest.useFakeTimers({ advanceTimers: true });
      const signals = manualSignalApi();
      const api = mockOrchestratorApi({
        getWorkflowsOverview: jest
          .fn()
          .mockResolvedValue(overviewList([greetingOverview])),
      });
      await renderWithApis(<OrchestratorPage />, { api, signalApi: signals });
      expect(await screen.findByText('Greeting workflow')).toBeInTheDocument();
      const calls = api.getWorkflowsOverview.mock.calls.length;
      await act(async () => {
        await jest.advanceTimersByTimeAsync(60_000);
      });
      expect(api.getWorkflowsOverview.mock.calls.length).toBe(calls);

      api.getWorkflowsOverview.mockResolvedValue(
        overviewList([{ ...greetingOverview, lastRunStatus: 'ERROR' }]),
      );
      // what the backend sends live instance admins when anyone's run changed
      act(() =>
        signals.emit('orchestrator:workflows', {
          type: 'workflow-changed',
          workflowId: 'greeting',
        }),
      );
      const row = within(screen.getByTestId('workflows-table-row'));
      expect(await row.findByText('Failed')).toBeInTheDocument();
      expect(api.getWorkflowsOverview.mock.calls.length).toBe(calls + 1);
      jest.useRealTimers();
    });

    it("reloads an instance admin's stats every 15 s without a signal API", async () => {
      jest.useFakeTimers({ advanceTimers: true });
      const api = mockOrchestratorApi({
        getWorkflowsOverview: jest
          .fn()
          .mockResolvedValue(overviewList([greetingOverview])),
      });
      await renderWithApis(<OrchestratorPage />, { api });
      expect(await screen.findByText('Greeting workflow')).toBeInTheDocument();
      const calls = api.getWorkflowsOverview.mock.calls.length;
      api.getWorkflowsOverview.mockResolvedValue(
        overviewList([{ ...greetingOverview, lastRunStatus: 'ERROR' }]),
      );
      await act(async () => {
        await jest.advanceTimersByTimeAsync(15_100);
      });
      const row = within(screen.getByTestId('workflows-table-row'));
      expect(await row.findByText('Failed')).toBeInTheDocument();
      expect(api.getWorkflowsOverview.mock.calls.length).toBe(calls + 1);
      jest.useRealTimers();
    });

    it('searches, sorts and pages on the server', async () => {
      const api = mockOrchestratorApi({
        getWorkflowsOverview: jest
          .fn()
          .mockResolvedValue(overviewList([greetingOverview], 42)),
      });
      await renderWithApis(<OrchestratorPage />, { api });
      await screen.findByText('Greeting workflow');

      await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
      await waitFor(() =>
        expect(api.getWorkflowsOverview).toHaveBeenLastCalledWith(
          expect.objectContaining({
            paginationInfo: expect.objectContaining({ offset: 20 }),
          }),
        ),
      );

      await userEvent.click(screen.getByText('Name'));
      await waitFor(() =>
        expect(api.getWorkflowsOverview).toHaveBeenLastCalledWith(
          expect.objectContaining({
            paginationInfo: expect.objectContaining({
              offset: 0,
              orderBy: 'name',
              orderDirection: 'DESC',
            }),
          }),
        ),
      );

      await userEvent.type(screen.getByTestId('search-input'), 'greet');
      await waitFor(() =>
        expect(api.getWorkflowsOverview).toHaveBeenLastCalledWith(
          expect.objectContaining({ search: 'greet' }),
        ),
      );
    });

    it('says so when there are no workflows', async () => {
      const api = mockOrchestratorApi({
        getWorkflowsOverview: jest.fn().mockResolvedValue(overviewList([])),
      });
      await renderWithApis(<OrchestratorPage />, { api });
      expect(
        await screen.findByTestId('workflows-table-empty'),
      ).toHaveTextContent('No workflows yet');
    });

    it('shows a loading bar until the first answer', async () => {
      const api = mockOrchestratorApi({
        getWorkflowsOverview: jest.fn(() => new Promise<never>(() => {})),
      });
      await renderWithApis(<OrchestratorPage />, { api });
      expect(screen.getByTestId('workflows-table-loading')).toBeInTheDocument();
    });

    it('shows the Data Index banner on a 503', async () => {
      const api = mockOrchestratorApi({
        getWorkflowsOverview: jest
          .fn()
          .mockRejectedValue(await responseError(503)),
      });
      await renderWithApis(<OrchestratorPage />, { api });
      const banner = await screen.findByTestId('data-index-unavailable');
      expect(banner).toHaveTextContent('The Data Index is unavailable');
      // the backend's reason, not only the HTTP status
      expect(banner).toHaveTextContent(
        'Data Index at http://data-index is unreachable (fetch failed)',
      );
      expect(screen.queryByTestId('workflows-table')).not.toBeInTheDocument();
    });

    it('does not blame the Data Index for a 503 naming another service', async () => {
      const api = mockOrchestratorApi({
        getWorkflowsOverview: jest.fn().mockRejectedValue(
          await responseError(503, {
            error: {
              name: 'ServiceUnavailableError',
              message: "Workflow service of 'greeting' is unavailable",
            },
            response: { statusCode: 503 },
          }),
        ),
      });
      await renderWithApis(<OrchestratorPage />, { api });
      expect(await screen.findByTestId('api-error')).toBeInTheDocument();
      expect(
        screen.queryByTestId('data-index-unavailable'),
      ).not.toBeInTheDocument();
    });

    it('shows other errors as an error panel', async () => {
      const api = mockOrchestratorApi({
        getWorkflowsOverview: jest
          .fn()
          .mockRejectedValue(await responseError(500)),
      });
      await renderWithApis(<OrchestratorPage />, { api });
      expect(await screen.findByTestId('api-error')).toBeInTheDocument();
    });

    it('disables Run with the reason when the user may not use the workflow', async () => {
      const api = mockOrchestratorApi({
        getWorkflowsOverview: jest
          .fn()
          .mockResolvedValue(overviewList([greetingOverview])),
      });
      await renderWithApis(<OrchestratorPage />, {
        api,
        deny: ['orchestrator.workflow.use'],
      });
      await screen.findByText('Greeting workflow');
      await waitFor(() =>
        expect(
          screen.getByLabelText('You are not allowed to run this workflow'),
        ).toBeInTheDocument(),
      );
    });
  });

  it('switches to All runs and keeps the tab in the URL', async () => {
    const api = mockOrchestratorApi({
      getWorkflowsOverview: jest
        .fn()
        .mockResolvedValue(overviewList([greetingOverview])),
      getInstances: jest.fn().mockResolvedValue(runList([completedRun])),
    });
    await renderWithApis(<OrchestratorPage />, { api });
    await screen.findByText('Greeting workflow');
    await userEvent.click(screen.getByRole('tab', { name: 'All runs' }));
    expect(await screen.findByText('run-1')).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'All runs' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  });

  describe('All runs tab', () => {
    it('lists runs with the total and, for admins, who ran them', async () => {
      const api = mockOrchestratorApi({
        getInstances: jest
          .fn()
          .mockResolvedValue(runList([completedRun, failedRun], 31)),
        getWorkflowsOverview: jest
          .fn()
          .mockResolvedValue(overviewList([greetingOverview])),
      });
      await renderWithApis(<OrchestratorPage />, {
        api,
        routeEntries: ['/?tab=runs'],
      });
      expect(await screen.findByText('run-1')).toBeInTheDocument();
      expect(screen.getByTestId('runs-count')).toHaveTextContent(
        'All runs (31)',
      );
      expect(
        screen.getByRole('columnheader', { name: 'Run by' }),
      ).toBeInTheDocument();
      expect(screen.getByText('Failed')).toBeInTheDocument();
      expect(screen.getByText('1s')).toBeInTheDocument();
      expect(api.getInstances).toHaveBeenCalledWith({
        paginationInfo: {
          pageSize: 20,
          offset: 0,
          orderBy: 'start',
          orderDirection: 'DESC',
        },
        filters: undefined,
        search: undefined,
      });
    });

    it('hides the run-by column and bulk actions from non-admins', async () => {
      const api = mockOrchestratorApi({
        getInstances: jest.fn().mockResolvedValue(runList([completedRun])),
        getWorkflowsOverview: jest.fn().mockResolvedValue(overviewList([])),
      });
      await renderWithApis(<OrchestratorPage />, {
        api,
        routeEntries: ['/?tab=runs'],
        deny: [
          'orchestrator.workflowAdminView',
          'orchestrator.instanceAdminView',
        ],
      });
      expect(await screen.findByText('run-1')).toBeInTheDocument();
      expect(
        screen.queryByRole('columnheader', { name: 'Run by' }),
      ).not.toBeInTheDocument();
      expect(screen.queryByTestId('filter-run-by')).not.toBeInTheDocument();
      expect(screen.queryByTestId('bulk-abort')).not.toBeInTheDocument();
    });

    it('sends the entity filter to the server', async () => {
      const api = mockOrchestratorApi({
        getInstances: jest.fn().mockResolvedValue(runList([completedRun])),
        getWorkflowsOverview: jest.fn().mockResolvedValue(overviewList([])),
      });
      await renderWithApis(<OrchestratorPage />, {
        api,
        routeEntries: ['/?tab=runs'],
      });
      await screen.findByText('run-1');
      // paste, not type: one render per key is slow on a loaded machine
      await userEvent.click(screen.getByTestId('filter-entity'));
      await userEvent.paste('my-service');
      // typed text applies on Enter (a half-typed name must not empty the table)
      await userEvent.keyboard('{Enter}');
      await waitFor(() =>
        expect(api.getInstances).toHaveBeenLastCalledWith(
          expect.objectContaining({
            filters: {
              field: 'variables',
              nested: {
                field: 'targetEntity',
                operator: 'EQ',
                value: 'component:default/my-service',
              },
            },
          }),
        ),
      );
    });

    it('aborts the selected runs in bulk after confirmation', async () => {
      const api = mockOrchestratorApi({
        getInstances: jest
          .fn()
          .mockResolvedValue(runList([completedRun, failedRun])),
        getWorkflowsOverview: jest.fn().mockResolvedValue(overviewList([])),
        abortInstances: jest.fn().mockResolvedValue({
          results: [
            { instanceId: 'run-1', ok: false, error: 'already completed' },
            { instanceId: 'run-2', ok: true },
          ],
        }),
      });
      await renderWithApis(<OrchestratorPage />, {
        api,
        routeEntries: ['/?tab=runs'],
      });
      await screen.findByText('run-1');
      await userEvent.click(
        screen.getByLabelText('Select all rows on this page'),
      );
      await userEvent.click(screen.getByTestId('bulk-abort'));
      await userEvent.click(
        screen.getByRole('button', { name: 'Abort 2 runs' }),
      );
      expect(api.abortInstances).toHaveBeenCalledWith(['run-1', 'run-2']);
      const outcome = await screen.findByTestId('bulk-outcome');
      expect(outcome).toHaveTextContent('1 run aborted.');
      expect(outcome).toHaveTextContent('run-1: already completed');
    });

    it('shows an empty state and the Data Index banner', async () => {
      const api = mockOrchestratorApi({
        getInstances: jest.fn().mockResolvedValue(runList([])),
        getWorkflowsOverview: jest.fn().mockResolvedValue(overviewList([])),
      });
      await renderWithApis(<OrchestratorPage />, {
        api,
        routeEntries: ['/?tab=runs'],
      });
      expect(await screen.findByTestId('runs-table-empty')).toHaveTextContent(
        'No runs yet.',
      );

      const down = mockOrchestratorApi({
        getInstances: jest.fn().mockRejectedValue(await responseError(503)),
        getWorkflowsOverview: jest.fn().mockResolvedValue(overviewList([])),
      });
      await renderWithApis(<OrchestratorPage />, {
        api: down,
        routeEntries: ['/?tab=runs'],
      });
      expect(
        await screen.findByTestId('data-index-unavailable'),
      ).toBeInTheDocument();
    });
  });
});
