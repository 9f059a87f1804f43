import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router-dom';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { Entity } from '@backstage/catalog-model';
import { completedRun, runList } from '../../__testUtils__/fixtures';
import {
  mockOrchestratorApi,
  renderWithApis,
} from '../../__testUtils__/renderWithApis';
import { RunsTable } from './RunsTable';

const Location = () => <div data-testid="location">{useLocation().search}</div>;

const user = (name: string, displayName?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default' },
  spec: displayName ? { profile: { displayName } } : {},
});

function renderRuns(routeEntry = '/?tab=runs') {
  const api = mockOrchestratorApi({
    getInstances: jest.fn().mockResolvedValue(runList([completedRun])),
    getWorkflowNames: jest.fn().mockResolvedValue({
      items: [
        { id: 'greeting', name: 'Greeting workflow' },
        { id: 'secret-flow', name: 'Secret flow' },
      ],
    }),
  });
  const catalog = catalogApiMock({
    entities: [
      user('guest', 'Guest User'),
      user('alice'),
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'guest-book', namespace: 'default' },
        spec: {},
      },
    ],
  });
  return {
    api,
    rendered: renderWithApis(
      <>
        <RunsTable scope={{ kind: 'all' }} />
        <Location />
      </>,
      {
        api,
        routeEntries: [routeEntry],
        extraApis: [[catalogApiRef, catalog]],
      },
    ),
  };
}

const params = () =>
  new URLSearchParams(screen.getByTestId('location').textContent ?? '');

describe('RunsFilters', () => {
  it('finds "guest" in the catalog as user:default/guest and filters by it', async () => {
    const { api, rendered } = renderRuns();
    await rendered;
    await screen.findByText('run-1');
    const runBy = screen.getByRole('combobox', { name: 'Run by' });
    await userEvent.click(runBy);
    await userEvent.paste('gues');
    // only users are offered, matched on part of the name once typing pauses
    await waitFor(() =>
      expect(screen.queryByText('user:default/alice')).not.toBeInTheDocument(),
    );
    const listbox = screen.getByRole('listbox');
    const option = within(listbox).getByRole('option', {
      name: /user:default\/guest/,
    });
    expect(option).toHaveTextContent('Guest User');
    expect(within(listbox).queryByText(/guest-book/)).not.toBeInTheDocument();
    await userEvent.click(option);
    await waitFor(() =>
      expect(params().get('runBy')).toBe('user:default/guest'),
    );
    await waitFor(() =>
      expect(api.getInstances).toHaveBeenLastCalledWith(
        expect.objectContaining({
          filters: {
            field: 'variables',
            nested: {
              field: 'initiatorEntity',
              operator: 'EQ',
              value: 'user:default/guest',
            },
          },
        }),
      ),
    );
  });

  it('offers the workflows of the names list, without loading overviews', async () => {
    const { api, rendered } = renderRuns();
    await rendered;
    await screen.findByText('run-1');
    await userEvent.click(screen.getByRole('combobox', { name: 'Workflow' }));
    const listbox = screen.getByRole('listbox');
    expect(
      within(listbox)
        .getAllByRole('option')
        .map(o => o.textContent),
    ).toEqual(['Any workflow', 'Greeting workflow', 'Secret flow']);
    await userEvent.click(
      within(listbox).getByRole('option', { name: 'Secret flow' }),
    );
    await waitFor(() => expect(params().get('workflow')).toBe('secret-flow'));
    expect(api.getWorkflowNames).toHaveBeenCalledTimes(1);
    expect(api.getWorkflowsOverview).not.toHaveBeenCalled();
  });

  it('offers started presets and shows dates only for a custom range', async () => {
    const { api, rendered } = renderRuns('/?tab=runs&started=7d');
    await rendered;
    await screen.findByText('run-1');
    const started = screen.getByRole('combobox', { name: 'Started' });
    expect(started).toHaveTextContent('Last 7 days');
    expect(screen.queryByTestId('filter-started-from')).not.toBeInTheDocument();
    const call = api.getInstances.mock.calls.at(-1)![0];
    expect(call?.filters).toMatchObject({ field: 'start', operator: 'GTE' });

    await userEvent.click(started);
    await userEvent.click(
      await screen.findByRole('option', { name: 'Custom range' }),
    );
    expect(await screen.findByLabelText('Started from')).toBeInTheDocument();
    expect(params().get('started')).toBe('custom');
  });

  it('reads links with only from/to as a custom range', async () => {
    const { rendered } = renderRuns('/?tab=runs&from=2024-11-01');
    await rendered;
    await screen.findByText('run-1');
    expect(screen.getByRole('combobox', { name: 'Started' })).toHaveTextContent(
      'Custom range',
    );
    expect(screen.getByLabelText('Started from')).toHaveValue('2024-11-01');
  });
});
