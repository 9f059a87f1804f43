import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router-dom';
import { completedRun, runList } from '../../__testUtils__/fixtures';
import {
  mockOrchestratorApi,
  renderWithApis,
} from '../../__testUtils__/renderWithApis';
import { RunsTable } from './RunsTable';

const Location = () => <div data-testid="location">{useLocation().search}</div>;

describe('RunsTable in the URL', () => {
  it('applies the filters, search, sort and page of the URL, and writes changes back to it', async () => {
    const api = mockOrchestratorApi({
      getInstances: jest.fn().mockResolvedValue(runList([completedRun], 45)),
      getWorkflowNames: jest.fn().mockResolvedValue({
        items: [{ id: 'greeting', name: 'Greeting workflow' }],
      }),
    });
    await renderWithApis(
      <>
        <RunsTable scope={{ kind: 'all' }} />
        <Location />
      </>,
      {
        api,
        routeEntries: [
          '/?tab=runs&status=ERROR,ABORTED&workflow=greeting&q=run-2&orderBy=state&order=ASC&page=1',
        ],
      },
    );
    await waitFor(() =>
      expect(api.getInstances).toHaveBeenCalledWith({
        paginationInfo: {
          pageSize: 20,
          offset: 20,
          orderBy: 'state',
          orderDirection: 'ASC',
        },
        filters: {
          operator: 'AND',
          filters: [
            { field: 'state', operator: 'IN', value: ['ERROR', 'ABORTED'] },
            { field: 'processId', operator: 'EQ', value: 'greeting' },
          ],
        },
        search: 'run-2',
      }),
    );
    for (const name of ['Status', 'Workflow']) {
      expect(
        screen.getByRole('combobox', { name: new RegExp(`^${name}`) }),
      ).toBeInTheDocument();
    }
    const searchBox = screen.getByRole('textbox', { name: 'Search runs' });
    expect(searchBox).toHaveValue('run-2');
    // the backend matches run ids by their first characters too (issue 12)
    expect(searchBox).toHaveAttribute(
      'placeholder',
      'Workflow, business key or start of a run id',
    );

    await userEvent.clear(searchBox);
    await userEvent.type(searchBox, 'abc');
    await waitFor(() => {
      const params = new URLSearchParams(
        screen.getByTestId('location').textContent ?? '',
      );
      expect(params.get('q')).toBe('abc');
      expect(params.get('page')).toBeNull();
      expect(params.get('tab')).toBe('runs');
      expect(params.get('status')).toBe('ERROR,ABORTED');
    });
    await waitFor(() =>
      expect(api.getInstances).toHaveBeenLastCalledWith(
        expect.objectContaining({ search: 'abc' }),
      ),
    );
  });
});
