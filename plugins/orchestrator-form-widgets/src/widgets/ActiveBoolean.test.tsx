import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupRecordingServer } from '../__testUtils__/mswServer';
import { BACKEND, renderWidgetForm } from '../__testUtils__/renderWidgetForm';

const { server } = setupRecordingServer();

describe('ActiveBoolean', () => {
  it('takes its initial state from the fetch, then the user decides', async () => {
    server.use(
      http.get(`${BACKEND}/api/proxy/flags`, () =>
        HttpResponse.json({ notify: 'true' }),
      ),
    );
    const { getFormData } = await renderWidgetForm({
      schema: {
        type: 'object',
        properties: {
          notify: {
            type: 'boolean',
            title: 'Notify me',
            'ui:widget': 'ActiveBoolean',
            'ui:props': {
              'fetch:url': '/api/proxy/flags',
              'fetch:response:value': 'notify',
            },
          } as any,
        },
      },
    });
    const box = screen.getByRole('checkbox', { name: /Notify me/ });
    await waitFor(() => expect(box).toBeChecked());
    expect(getFormData().notify).toBe(true);
    await userEvent.click(box);
    await waitFor(() => expect(getFormData().notify).toBe(false));
    expect(box).not.toBeChecked();
  });
});
