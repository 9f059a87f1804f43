import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupRecordingServer } from '../__testUtils__/mswServer';
import { BACKEND, renderWidgetForm } from '../__testUtils__/renderWidgetForm';

const { server } = setupRecordingServer();

function schema(extra: Record<string, unknown> = {}) {
  return {
    type: 'object' as const,
    properties: {
      tags: {
        type: 'array',
        items: { type: 'string' },
        title: 'Tags',
        'ui:widget': 'ActiveMultiSelect',
        'ui:props': {
          'fetch:url': '/api/proxy/tags',
          'fetch:response:autocomplete': 'all',
          'fetch:response:mandatory': 'required',
          ...extra,
        },
      } as any,
    },
  };
}

const chip = (name: string) =>
  screen
    .getByText(name, { selector: '.v5-MuiChip-label' })
    .closest('.v5-MuiChip-root')!;

describe('ActiveMultiSelect', () => {
  beforeEach(() =>
    server.use(
      http.get(`${BACKEND}/api/proxy/tags`, () =>
        HttpResponse.json({
          all: ['frontend', 'backend', 'infra'],
          required: ['infra'],
        }),
      ),
    ),
  );

  it('preselects mandatory items that cannot be removed, and adds chosen options', async () => {
    const { getFormData } = await renderWidgetForm({ schema: schema() });
    await waitFor(() => expect(getFormData().tags).toEqual(['infra']));
    // a mandatory chip has no delete icon
    expect(chip('infra').querySelector('.v5-MuiChip-deleteIcon')).toBeNull();

    const input = screen.getByRole('combobox');
    await userEvent.type(input, 'f');
    await userEvent.click(
      await screen.findByRole('option', { name: 'frontend' }),
    );
    await waitFor(() =>
      expect(getFormData().tags).toEqual(['infra', 'frontend']),
    );
    expect(
      chip('frontend').querySelector('.v5-MuiChip-deleteIcon'),
    ).not.toBeNull();

    // backspace removes the last removable chip but never the mandatory one
    await userEvent.click(input);
    await userEvent.keyboard('{Backspace}{Backspace}');
    await waitFor(() => expect(getFormData().tags).toEqual(['infra']));
  });

  it('accepts new items only with ui:allowNewItems', async () => {
    const { getFormData } = await renderWidgetForm({
      schema: schema({ 'ui:allowNewItems': true }),
    });
    await waitFor(() => expect(getFormData().tags).toEqual(['infra']));
    await userEvent.type(screen.getByRole('combobox'), 'brand-new{Enter}');
    await waitFor(() =>
      expect(getFormData().tags).toEqual(['infra', 'brand-new']),
    );
  });

  it('without ui:allowNewItems typed text is not added', async () => {
    const { getFormData } = await renderWidgetForm({ schema: schema() });
    await waitFor(() => expect(getFormData().tags).toEqual(['infra']));
    await userEvent.type(screen.getByRole('combobox'), 'brand-new{Enter}');
    await new Promise(r => setTimeout(r, 100));
    expect(getFormData().tags).toEqual(['infra']);
  });
});
