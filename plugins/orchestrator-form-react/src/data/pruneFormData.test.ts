import type { JSONSchema7 } from 'json-schema';
import { pruneFormData } from './pruneFormData';
import { withEmptyObjects } from './withEmptyObjects';

describe('pruneFormData', () => {
  it('drops keys the schema no longer has, at every depth', () => {
    const schema: JSONSchema7 = {
      type: 'object',
      properties: {
        a: { type: 'string' },
        nested: { type: 'object', properties: { keep: { type: 'string' } } },
        list: {
          type: 'array',
          items: { type: 'object', properties: { id: { type: 'string' } } },
        },
      },
    };
    expect(
      pruneFormData(schema, {
        a: 'x',
        gone: 1,
        nested: { keep: 'y', removed: 'z' },
        list: [{ id: '1', extra: true }],
      }),
    ).toEqual({ a: 'x', nested: { keep: 'y' }, list: [{ id: '1' }] });
  });

  it('keeps what additionalProperties, patternProperties and free-form objects allow', () => {
    const schema: JSONSchema7 = {
      type: 'object',
      properties: {
        labels: { type: 'object', additionalProperties: { type: 'string' } },
        env: {
          type: 'object',
          patternProperties: { '^X_': { type: 'string' } },
        },
        anything: { type: 'object' },
      },
    };
    expect(
      pruneFormData(schema, {
        labels: { team: 'a' },
        env: { X_A: '1', other: '2' },
        anything: { deep: { x: 1 } },
      }),
    ).toEqual({
      labels: { team: 'a' },
      env: { X_A: '1' },
      anything: { deep: { x: 1 } },
    });
  });

  it('keeps the keys of conditional branches and local $refs', () => {
    const schema: JSONSchema7 = {
      type: 'object',
      definitions: {
        owner: { type: 'object', properties: { name: { type: 'string' } } },
      },
      properties: {
        kind: { type: 'string' },
        owner: { $ref: '#/definitions/owner' },
      },
      dependencies: {
        kind: { oneOf: [{ properties: { extra: { type: 'string' } } }] },
      },
      if: { properties: { kind: { const: 'x' } } },
      then: { properties: { then: { type: 'string' } } },
    };
    expect(
      pruneFormData(schema, {
        kind: 'x',
        extra: 'e',
        then: 't',
        owner: { name: 'n', stale: 1 },
        stale: true,
      }),
    ).toEqual({ kind: 'x', extra: 'e', then: 't', owner: { name: 'n' } });
  });
});

describe('withEmptyObjects', () => {
  it('makes declared nested objects present, keeping values', () => {
    const schema: JSONSchema7 = {
      type: 'object',
      properties: {
        a: {
          type: 'object',
          properties: {
            b: { type: 'object', properties: { c: { type: 'string' } } },
          },
        },
        s: { type: 'string' },
      },
    };
    expect(withEmptyObjects(schema, {})).toEqual({ a: { b: {} } });
    expect(withEmptyObjects(schema, { a: { b: { c: 'x' } }, s: 'y' })).toEqual({
      a: { b: { c: 'x' } },
      s: 'y',
    });
  });
});
