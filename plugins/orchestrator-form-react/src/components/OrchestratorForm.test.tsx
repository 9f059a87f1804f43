import { screen, waitFor } from '@testing-library/react';
import type { JSONSchema7 } from 'json-schema';
import { next, renderForm, run } from '../__testUtils__/renderForm';

const flat: JSONSchema7 = {
  type: 'object',
  properties: {
    name: { type: 'string', title: 'Your name', pattern: '^[a-z]+$' },
  },
  required: ['name'],
};

jest.setTimeout(90_000);

describe('OrchestratorForm, single step', () => {
  it('goes through the review to Run with the typed data', async () => {
    const { user, handleExecute } = await renderForm({ schema: flat });
    expect(
      screen.queryByTestId('orchestrator-form-stepper'),
    ).not.toBeInTheDocument();
    await user.type(screen.getByLabelText(/Your name/), 'ada');
    await user.click(next());
    expect(
      await screen.findByTestId('orchestrator-form-review-table'),
    ).toHaveTextContent('ada');
    await user.click(run());
    await waitFor(() =>
      expect(handleExecute).toHaveBeenCalledWith({ name: 'ada' }, []),
    );
  });

  it('blocks Review with a readable message naming the field', async () => {
    const { user, handleExecute } = await renderForm({ schema: flat });
    await user.type(screen.getByLabelText(/Your name/), 'Ada1');
    await user.click(next());
    expect(
      await screen.findByText('Your name must look like ^[a-z]+$'),
    ).toBeInTheDocument();
    expect(
      screen.queryByTestId('orchestrator-form-review-table'),
    ).not.toBeInTheDocument();
    expect(handleExecute).not.toHaveBeenCalled();
  });
});

describe('OrchestratorForm, conditional fields', () => {
  it('hides and shows a field as the data it depends on changes', async () => {
    const schema = {
      type: 'object',
      properties: {
        custom: { type: 'boolean', title: 'Custom settings' },
        port: {
          type: 'number',
          title: 'Port',
          'ui:hidden': { when: 'custom', isNot: true },
        },
      },
    } as unknown as JSONSchema7;
    const { user } = await renderForm({ schema });
    expect(screen.getByLabelText('Port')).not.toBeVisible();
    await user.click(screen.getByLabelText('Custom settings'));
    expect(screen.getByLabelText('Port')).toBeVisible();
  });
});
