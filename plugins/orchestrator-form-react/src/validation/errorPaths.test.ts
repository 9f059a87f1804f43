import type { JSONSchema7 } from 'json-schema';
import { placeErrorsAtFields } from './errorPaths';
import { validateFormData } from './validateFormData';
import { englishTranslate } from '../__testUtils__/englishTranslate';

const schema: JSONSchema7 = {
  type: 'object',
  properties: {
    regions: { type: 'array', items: { type: 'string' } },
    zones: {
      type: 'array',
      uniqueItems: true,
      items: { type: 'string', enum: ['a', 'b'] },
    },
    people: {
      type: 'array',
      items: { type: 'object', properties: { name: { type: 'string' } } },
    },
  },
};
const uiSchema = { regions: { 'ui:widget': 'ActiveMultiSelect' } };

describe('placeErrorsAtFields', () => {
  it('expands path keys (JSON pointer and dotted with brackets)', () => {
    expect(
      placeErrorsAtFields(
        {
          '/people/0/name': { __errors: ['taken'] },
          'people[1].name': { __errors: ['too short'] },
        },
        schema,
        uiSchema,
      ),
    ).toEqual({
      people: {
        0: { name: { __errors: ['taken'] } },
        1: { name: { __errors: ['too short'] } },
      },
    });
  });

  it('lifts item errors of an array drawn as one widget to its field, numbered', () => {
    expect(
      placeErrorsAtFields(
        {
          regions: { __errors: ['pick one more'], 1: { __errors: ['closed'] } },
          'zones[0]': { __errors: ['full'] },
        },
        schema,
        uiSchema,
      ),
    ).toEqual({
      regions: { __errors: ['pick one more', '#2: closed'] },
      zones: { __errors: ['#1: full'] },
    });
  });

  it('keeps plain keys and item fields as they are', () => {
    const errors = {
      other: { __errors: ['x'] },
      people: { 2: { name: { __errors: ['y'] } } },
    };
    expect(placeErrorsAtFields(errors, schema, uiSchema)).toEqual(errors);
    expect(placeErrorsAtFields(undefined, schema, uiSchema)).toBeUndefined();
  });
});

it('places what getExtraErrors returns before Next shows it', async () => {
  expect(
    await validateFormData({
      schema,
      uiSchema,
      formData: { regions: ['eu-west', 'us-west'] },
      getExtraErrors: async () => ({ 'regions[1]': { __errors: ['closed'] } }),
      t: englishTranslate(),
    }),
  ).toEqual({ regions: { __errors: ['#2: closed'] } });
});
