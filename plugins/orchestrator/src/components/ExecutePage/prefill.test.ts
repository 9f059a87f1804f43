import { buildInitialFormData, coerceValue, toExtraErrors } from './prefill';

const schema = {
  type: 'object',
  properties: {
    language: { type: 'string', enum: ['English', 'Spanish'] },
    name: { type: 'string' },
    replicas: { type: 'integer' },
    debug: { type: 'boolean' },
    tags: { type: 'array', items: { type: 'string' } },
    targetEntity: { type: 'string' },
    step2: {
      type: 'object',
      properties: { region: { type: 'string' }, entity: { type: 'string' } },
    },
  },
};

describe('buildInitialFormData', () => {
  it('fills fields named by query parameters, typed by the schema', () => {
    const data = buildInitialFormData({
      schema,
      query: new URLSearchParams(
        'language=spanish&replicas=3&debug=true&tags=a,b&step2.region=eu&unknown=x&instanceId=r1',
      ),
    });
    expect(data).toEqual({
      language: 'Spanish',
      replicas: 3,
      debug: true,
      tags: ['a', 'b'],
      step2: { region: 'eu' },
    });
  });

  it('starts from the previous run and lets the query override it', () => {
    const data = buildInitialFormData({
      schema,
      previous: { name: 'Ada', language: 'English' },
      query: new URLSearchParams('language=Spanish'),
    });
    expect(data).toEqual({ name: 'Ada', language: 'Spanish' });
  });

  it('puts the target entity into empty entity fields', () => {
    const data = buildInitialFormData({
      schema,
      query: new URLSearchParams(''),
      targetEntity: 'component:default/shop',
    });
    expect(data).toEqual({
      targetEntity: 'component:default/shop',
      step2: { entity: 'component:default/shop' },
    });
  });

  it('ignores values the schema type rejects', () => {
    expect(
      buildInitialFormData({
        schema,
        query: new URLSearchParams('replicas=many&language=French&debug=maybe'),
      }),
    ).toEqual({});
  });
});

describe('coerceValue', () => {
  it('rejects non-integers for integer fields', () => {
    expect(coerceValue({ type: 'integer' }, ['1.5'])).toBeUndefined();
    expect(coerceValue({ type: 'number' }, ['1.5'])).toBe(1.5);
  });
});

describe('toExtraErrors', () => {
  it('maps JSON pointers under /inputData to fields and keeps the rest for the form', () => {
    expect(
      toExtraErrors([
        {
          path: '/inputData/language',
          message: 'must be one of English, Spanish',
        },
        { path: '/inputData/step2/region', message: 'is required' },
        { path: '/inputData', message: 'must have required property name' },
        { path: '/targetEntity', message: 'bad ref' },
      ]),
    ).toEqual({
      extraErrors: {
        language: { __errors: ['must be one of English, Spanish'] },
        step2: { region: { __errors: ['is required'] } },
      },
      formErrors: [
        'must have required property name',
        '/targetEntity: bad ref',
      ],
    });
  });
});
