import type { JSONSchema7 } from 'json-schema';
import { formValidator } from './validator';
import { createTransformErrors } from './readableErrors';

const schema: JSONSchema7 = {
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string', title: 'Name', pattern: '^[a-z]+$', minLength: 2 },
    email: { type: 'string', title: 'Email', format: 'email' },
    count: { type: 'integer', title: 'Count', maximum: 3 },
    nested: {
      type: 'object',
      properties: { port: { type: 'number', title: 'Port' } },
    },
  },
};

const messages = (data: object) =>
  formValidator
    .validateFormData(data, schema, undefined, createTransformErrors(schema))
    .errors.map(e => e.message);

describe('createTransformErrors', () => {
  it('names the field by its title in plain words', () => {
    expect(messages({})).toEqual(['Name is required']);
    expect(messages({ name: 'A' })).toEqual(
      expect.arrayContaining([
        'Name must look like ^[a-z]+$',
        'Name must be at least 2 characters long',
      ]),
    );
    expect(messages({ name: 'ab', email: 'nope', count: 9 })).toEqual(
      expect.arrayContaining([
        'Email must be an email address',
        'Count must be 3 or less',
      ]),
    );
    expect(messages({ name: 'ab', nested: { port: 'x' } })).toEqual([
      'Port must be a number',
    ]);
  });
});
