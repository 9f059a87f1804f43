import type { JSONSchema7 } from 'json-schema';
import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupRecordingServer } from '../__testUtils__/mswServer';
import { BACKEND, renderWidgetForm } from '../__testUtils__/renderWidgetForm';

const { server } = setupRecordingServer();

const schema = (uiProps: Record<string, unknown>): JSONSchema7 => ({
  type: 'object' as const,
  properties: {
    updater: {
      type: 'string',
      'ui:widget': 'SchemaUpdater',
      'ui:props': { 'fetch:url': '/api/proxy/chunks', ...uiProps },
    } as any,
    placeholder: { type: 'string', title: 'Before update' } as JSONSchema7,
  },
});

describe('SchemaUpdater', () => {
  it('replaces schema properties with the fetched chunks', async () => {
    server.use(
      http.get(`${BACKEND}/api/proxy/chunks`, () =>
        HttpResponse.json({
          placeholder: { type: 'string', title: 'Supplied by the chunk' },
          notInSchema: { type: 'string', title: 'Ignored' },
        }),
      ),
    );
    await renderWidgetForm({ schema: schema({}) });
    expect(
      await screen.findByLabelText('Supplied by the chunk'),
    ).toBeInTheDocument();
    expect(screen.queryByLabelText('Before update')).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Ignored')).not.toBeInTheDocument();
  });

  it('uses fetch:response:value to pick the chunk object out of a larger answer', async () => {
    server.use(
      http.get(`${BACKEND}/api/proxy/chunks`, () =>
        HttpResponse.json({
          noise: 1,
          root: {
            mine: { placeholder: { type: 'string', title: 'Selected chunk' } },
          },
        }),
      ),
    );
    await renderWidgetForm({
      schema: schema({ 'fetch:response:value': 'root.mine' }),
    });
    expect(await screen.findByLabelText('Selected chunk')).toBeInTheDocument();
  });

  it('says so when the answer is not an object of chunks', async () => {
    server.use(
      http.get(`${BACKEND}/api/proxy/chunks`, () => HttpResponse.json(['x'])),
    );
    await renderWidgetForm({ schema: schema({}) });
    expect(
      await screen.findByText(/must be an object of schema chunks/),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Before update')).toBeInTheDocument();
  });
});
