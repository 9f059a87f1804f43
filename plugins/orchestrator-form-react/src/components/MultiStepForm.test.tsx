import { screen, waitFor, within } from '@testing-library/react';
import type { JSONSchema7 } from 'json-schema';
import { back, next, renderForm, run } from '../__testUtils__/renderForm';

const schema = {
  type: 'object',
  'ui:order': ['second', '*'],
  properties: {
    first: {
      type: 'object',
      title: 'First step',
      properties: {
        name: { type: 'string', title: 'Name' },
        mode: {
          type: 'string',
          title: 'Mode',
          enum: ['basic', 'advanced'],
          default: 'basic',
        },
      },
      required: ['name'],
    },
    second: {
      type: 'object',
      properties: { city: { type: 'string', title: 'City' } },
    },
    advanced: {
      type: 'object',
      title: 'Advanced',
      properties: {
        level: {
          type: 'string',
          title: 'Level',
          'ui:hidden': { when: 'first.mode', is: 'basic' },
        },
      },
    },
    nothing: {
      type: 'object',
      title: 'Nothing to fill',
      properties: {
        secret: { type: 'string', 'ui:widget': 'hidden', default: 's' },
      },
    },
  },
} as unknown as JSONSchema7;

// Each step's text is its icon's number (or nothing once completed) then its title.
const stepTitles = () =>
  within(screen.getByTestId('orchestrator-form-stepper'))
    .getAllByTestId(/^orchestrator-form-step-/)
    .map(el => el.textContent!.replace(/^\d+/, ''));

// jsdom + MUI on a shared 2-core machine: journeys need more than the default.
jest.setTimeout(90_000);

describe('OrchestratorForm, multi-step', () => {
  it('orders and titles the steps and skips a step with nothing to show', async () => {
    await renderForm({ schema });
    // ui:order puts "second" first; its title falls back to the key; hidden steps are left out.
    expect(stepTitles()).toEqual(['second', 'First step', 'Review']);
    expect(screen.getByLabelText('City')).toBeInTheDocument();
    expect(screen.queryByLabelText(/Name/)).not.toBeInTheDocument();
  });

  it('blocks Next on an invalid step and keeps every value on Back', async () => {
    const { user } = await renderForm({ schema });
    await user.type(screen.getByLabelText('City'), 'Brno');
    await user.click(next());
    await user.click(next());
    expect(await screen.findByText('Name is required')).toBeInTheDocument();
    expect(
      screen.queryByTestId('orchestrator-form-review'),
    ).not.toBeInTheDocument();
    await user.type(screen.getByLabelText(/Name/), 'Ada');
    await user.click(back());
    expect(screen.getByLabelText('City')).toHaveValue('Brno');
    await user.click(next());
    expect(screen.getByLabelText(/Name/)).toHaveValue('Ada');
  });

  it('reviews every value and runs with the whole data, hidden values kept', async () => {
    const { user, handleExecute } = await renderForm({
      schema,
      initialFormData: { first: { name: 'Ada' }, second: { city: 'Brno' } },
    });
    await user.click(next());
    await user.click(next());
    const table = await screen.findByTestId('orchestrator-form-review-table');
    expect(table).toHaveTextContent('Brno');
    expect(table).toHaveTextContent('Ada');
    expect(table).not.toHaveTextContent('Level');
    await user.click(run());
    await waitFor(() => expect(handleExecute).toHaveBeenCalled());
    expect(handleExecute.mock.calls[0][0]).toEqual({
      first: { name: 'Ada', mode: 'basic' },
      second: { city: 'Brno' },
      advanced: {},
      nothing: { secret: 's' },
    });
  });

  it('shows a step once its condition no longer hides every field', async () => {
    const { user } = await renderForm({
      schema,
      initialFormData: { first: { name: 'Ada', mode: 'advanced' } },
    });
    expect(stepTitles()).toEqual([
      'second',
      'First step',
      'Advanced',
      'Review',
    ]);
    await user.click(next());
    await user.click(next());
    expect(screen.getByLabelText('Level')).toBeInTheDocument();
  });

  it('lands server errors at their field and jumps to the first step holding one', async () => {
    const { user, rerenderWith } = await renderForm({ schema });
    await user.type(screen.getByLabelText('City'), 'Brno');
    await user.click(next());
    await user.type(screen.getByLabelText(/Name/), 'Ada');
    await user.click(next());
    await screen.findByTestId('orchestrator-form-review-table');
    rerenderWith({
      extraErrors: { second: { city: { __errors: ['unknown city'] } } } as any,
    });
    expect(await screen.findByText('unknown city')).toBeInTheDocument();
    expect(screen.getByLabelText('City')).toHaveValue('Brno');
  });

  it('enforces required fields of a nested optional object left empty', async () => {
    const nested: JSONSchema7 = {
      type: 'object',
      properties: {
        repo: {
          type: 'object',
          title: 'Repository',
          properties: {
            owner: {
              type: 'object',
              title: 'Owner',
              properties: { login: { type: 'string', title: 'Login' } },
              required: ['login'],
            },
          },
        },
      },
    };
    const { user, handleExecute } = await renderForm({ schema: nested });
    await user.click(next());
    expect(await screen.findByText('Login is required')).toBeInTheDocument();
    await user.type(screen.getByLabelText(/Login/), 'ada');
    await user.click(next());
    await user.click(await screen.findByTestId('orchestrator-form-run'));
    await waitFor(() =>
      expect(handleExecute).toHaveBeenCalledWith(
        { repo: { owner: { login: 'ada' } } },
        [],
      ),
    );
  });
});
