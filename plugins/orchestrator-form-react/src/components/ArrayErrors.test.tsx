import { screen } from '@testing-library/react';
import type { JSONSchema7 } from 'json-schema';
import { renderForm } from '../__testUtils__/renderForm';

const schema = {
  type: 'object',
  properties: {
    zones: {
      type: 'array',
      title: 'Zones',
      uniqueItems: true,
      items: { type: 'string', enum: ['north', 'south'] },
    },
    people: {
      type: 'array',
      title: 'People',
      items: {
        type: 'object',
        properties: { name: { type: 'string', title: 'Name' } },
      },
    },
  },
} as JSONSchema7;

describe('server errors at array items', () => {
  it('land at the multi-select field, or at the item’s own field', async () => {
    await renderForm({
      schema,
      initialFormData: {
        zones: ['north', 'south'],
        people: [{ name: 'ada' }],
      },
      // as the run page builds them from a 400's /inputData/... pointers
      extraErrors: {
        zones: { 1: { __errors: ['south is closed'] } },
        people: { 0: { name: { __errors: ['ada is taken'] } } },
      } as any,
    });
    expect(await screen.findByText('#2: south is closed')).toBeVisible();
    const name = screen.getByRole('textbox', { name: 'Name' });
    expect(name.closest('.form-group')).toHaveTextContent('ada is taken');
  });
});
