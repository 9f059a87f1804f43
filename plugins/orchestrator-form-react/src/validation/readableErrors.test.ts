import type { JSONSchema7 } from 'json-schema';
import { formValidator } from './validator';
import { createTransformErrors } from './readableErrors';
import { englishTranslate } from '../__testUtils__/englishTranslate';

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
    .validateFormData(
      data,
      schema,
      undefined,
      createTransformErrors(schema, englishTranslate()),
    )
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

describe('createTransformErrors, beyond the common keywords', () => {
  const t = englishTranslate();
  const check = (s: JSONSchema7, data: object) =>
    formValidator
      .validateFormData(data, s, undefined, createTransformErrors(s, t))
      .errors.map(e => e.message);

  it('counts in the singular for one', () => {
    const one: JSONSchema7 = {
      type: 'object',
      properties: { tags: { type: 'array', title: 'Tags', minItems: 1 } },
    };
    expect(check(one, { tags: [] })).toEqual(['Tags needs at least 1 item']);
  });

  it('names the field a dependency asks for and the one asking', () => {
    const dependent: JSONSchema7 = {
      type: 'object',
      properties: {
        notify: { type: 'boolean', title: 'Notify' },
        channel: { type: 'string', title: 'Channel' },
      },
      dependencies: { notify: ['channel'] },
    };
    expect(check(dependent, { notify: true })).toEqual([
      'Channel is required when Notify is set',
    ]);
  });

  it('says "is not valid" where ajv has no phrase of ours, and names the whole form "Input"', () => {
    const negated: JSONSchema7 = { type: 'object', not: { required: ['a'] } };
    expect(check(negated, { a: 1 })).toEqual(['Input is not valid']);
  });

  it('leaves out the if error that repeats its branch', () => {
    const conditional: JSONSchema7 = {
      type: 'object',
      properties: { kind: { type: 'string' }, url: { type: 'string' } },
      if: { properties: { kind: { const: 'web' } } },
      then: { required: ['url'] },
    };
    expect(check(conditional, { kind: 'web' })).toEqual(['url is required']);
  });
});
