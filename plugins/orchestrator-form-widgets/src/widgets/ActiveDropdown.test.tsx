import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupRecordingServer } from '../__testUtils__/mswServer';
import { BACKEND, renderWidgetForm } from '../__testUtils__/renderWidgetForm';

const { server } = setupRecordingServer();

describe('ActiveDropdown', () => {
  it('lists fetched labels, stores the matching value, applies the default', async () => {
    server.use(
      http.get(`${BACKEND}/api/proxy/clusters`, () =>
        HttpResponse.json({
          clusters: [
            { id: 'c1', title: 'Cluster one' },
            { id: 'c2', title: 'Cluster two' },
          ],
          preferred: 'c2',
        }),
      ),
    );
    const { getFormData } = await renderWidgetForm({
      schema: {
        type: 'object',
        properties: {
          cluster: {
            type: 'string',
            title: 'Cluster',
            'ui:widget': 'ActiveDropdown',
            'ui:props': {
              'fetch:url': '/api/proxy/clusters',
              'fetch:response:value': 'clusters.id',
              'fetch:response:label': 'clusters.title',
              'fetch:response:default': 'preferred',
            },
          } as any,
        },
      },
    });
    await waitFor(() => expect(getFormData().cluster).toBe('c2'));
    await userEvent.click(screen.getByRole('combobox'));
    const listbox = await screen.findByRole('listbox');
    expect(
      within(listbox)
        .getAllByRole('option')
        .map(o => o.textContent),
    ).toEqual(['Cluster one', 'Cluster two']);
    await userEvent.click(
      within(listbox).getByRole('option', { name: 'Cluster one' }),
    );
    await waitFor(() => expect(getFormData().cluster).toBe('c1'));
  });

  it('says so when labels and values do not pair up', async () => {
    server.use(
      http.get(`${BACKEND}/api/proxy/bad`, () =>
        HttpResponse.json({ v: ['a', 'b'], l: ['A'] }),
      ),
    );
    await renderWidgetForm({
      schema: {
        type: 'object',
        properties: {
          x: {
            type: 'string',
            title: 'X',
            'ui:widget': 'ActiveDropdown',
            'ui:props': {
              'fetch:url': '/api/proxy/bad',
              'fetch:response:value': 'v',
              'fetch:response:label': 'l',
            },
          } as any,
        },
      },
    });
    expect(
      await screen.findByText(/selected 1 labels for 2 values/),
    ).toBeInTheDocument();
  });
});
