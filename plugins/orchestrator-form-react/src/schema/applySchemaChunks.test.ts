import type { JSONSchema7 } from 'json-schema';
import { applySchemaChunks } from './applySchemaChunks';
import { getSteps, isMultiStepSchema } from './steps';

describe('applySchemaChunks', () => {
  it('replaces the named property wherever it sits', () => {
    const schema: JSONSchema7 = {
      type: 'object',
      properties: {
        step: {
          type: 'object',
          properties: {
            placeholder: { type: 'string' },
            kept: { type: 'string' },
          },
        },
      },
    };
    const updated = applySchemaChunks(schema, {
      placeholder: { type: 'number', title: 'Now a number' },
    });
    expect((updated.properties!.step as JSONSchema7).properties).toEqual({
      placeholder: { type: 'number', title: 'Now a number' },
      kept: { type: 'string' },
    });
    expect(
      (schema.properties!.step as JSONSchema7).properties!.placeholder,
    ).toEqual({ type: 'string' });
  });
});

describe('isMultiStepSchema / getSteps', () => {
  it('needs every top-level property to be an object', () => {
    expect(
      isMultiStepSchema({
        type: 'object',
        properties: { a: { type: 'object' } },
      }),
    ).toBe(true);
    expect(
      isMultiStepSchema({
        type: 'object',
        properties: { a: { type: 'object' }, b: { type: 'string' } },
      }),
    ).toBe(false);
    expect(isMultiStepSchema({ type: 'object', properties: {} })).toBe(false);
  });

  it('orders by ui:order with * and titles by title or key', () => {
    const steps = getSteps(
      {
        type: 'object',
        properties: {
          a: { type: 'object', title: 'A' },
          b: { type: 'object' },
          c: { type: 'object' },
        },
      },
      ['c', '*'],
    );
    expect(steps.map(s => [s.key, s.title])).toEqual([
      ['c', 'c'],
      ['a', 'A'],
      ['b', 'b'],
    ]);
  });
});
