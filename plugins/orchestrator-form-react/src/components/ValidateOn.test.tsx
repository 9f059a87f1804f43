import { screen } from '@testing-library/react';
import type { JSONSchema7 } from 'json-schema';
import { next, renderForm } from '../__testUtils__/renderForm';

const schema = {
  type: 'object',
  properties: {
    live: {
      type: 'string',
      title: 'Live',
      minLength: 3,
      'ui:validateOn': 'onChange',
    },
    left: {
      type: 'string',
      title: 'Left',
      minLength: 3,
      'ui:validateOn': 'blur',
    },
    later: { type: 'string', title: 'Later', minLength: 3 },
  },
} as JSONSchema7;

const tooShort = /at least 3 characters/i;
const errorsOf = (label: string) =>
  screen
    .getByRole('textbox', { name: label })
    .closest('.form-group')!
    .textContent!.match(tooShort);

describe('ui:validateOn', () => {
  it('shows a field’s errors on change, on blur, or only on Next', async () => {
    const { user } = await renderForm({ schema });
    expect(screen.queryByText(tooShort)).not.toBeInTheDocument();

    await user.type(screen.getByRole('textbox', { name: 'Live' }), 'x');
    expect(errorsOf('Live')).toBeTruthy();
    await user.type(screen.getByRole('textbox', { name: 'Live' }), 'yz');
    expect(errorsOf('Live')).toBeFalsy();

    await user.type(screen.getByRole('textbox', { name: 'Left' }), 'x');
    expect(errorsOf('Left')).toBeFalsy();
    await user.type(screen.getByRole('textbox', { name: 'Later' }), 'x');
    expect(errorsOf('Later')).toBeFalsy();
    // leaving Left (focus moved on to Later above) showed its error
    expect(errorsOf('Left')).toBeTruthy();
    expect(errorsOf('Later')).toBeFalsy();

    await user.click(next());
    expect(await screen.findAllByText(tooShort)).toHaveLength(2);
    expect(errorsOf('Later')).toBeTruthy();
  });
});
