import type { JSONSchema7 } from 'json-schema';
import { generateUiSchema, toRjsfSchema } from './generateUiSchema';
import { formValidator } from '../validation/validator';

const schema = {
  type: 'object',
  'ui:order': ['b', 'a'],
  properties: {
    a: {
      type: 'string',
      'ui:widget': 'textarea',
      'ui:help': 'Help',
      'ui:placeholder': 'type here',
      'ui:readonly': true,
      'ui:autofocus': true,
      'ui:title': 'A title',
      'ui:description': 'A description',
      'ui:validateOn': 'blur',
      'ui:props': { 'fetch:url': 'http://x' },
    },
    b: {
      type: 'object',
      'ui:hidden': { when: 'a', is: 'x' },
      properties: { c: { type: 'string', 'ui:widget': 'hidden' } },
    },
    list: {
      type: 'array',
      items: {
        type: 'object',
        properties: { d: { type: 'string', 'ui:widget': 'password' } },
      },
    },
    kind: { type: 'string', enum: ['x', 'y'] },
  },
  dependencies: {
    kind: {
      oneOf: [
        { properties: { e: { type: 'string', 'ui:help': 'from oneOf' } } },
      ],
    },
  },
  if: { properties: { kind: { const: 'x' } } },
  then: { properties: { f: { type: 'string', 'ui:placeholder': 'then' } } },
  else: { properties: { g: { type: 'string', 'ui:placeholder': 'else' } } },
  allOf: [{ properties: { h: { type: 'string', 'ui:readonly': true } } }],
  anyOf: [{ properties: { i: { type: 'string', 'ui:widget': 'hidden' } } }],
} as unknown as JSONSchema7;

describe('generateUiSchema', () => {
  const ui = generateUiSchema(schema);

  it('copies every ui:* hint of a property', () => {
    expect(ui.a).toEqual({
      'ui:widget': 'textarea',
      'ui:help': 'Help',
      'ui:placeholder': 'type here',
      'ui:readonly': true,
      'ui:autofocus': true,
      'ui:title': 'A title',
      'ui:description': 'A description',
      'ui:validateOn': 'blur',
      'ui:props': { 'fetch:url': 'http://x' },
    });
  });

  it('makes ui:order tolerant by appending the * RJSF needs', () => {
    expect(ui['ui:order']).toEqual(['b', 'a', '*']);
  });

  it('finds hints at depth, in items and in every kind of branch', () => {
    expect(ui.b).toEqual({
      'ui:hidden': { when: 'a', is: 'x' },
      c: { 'ui:widget': 'hidden' },
    });
    expect(ui.list.items.d).toEqual({ 'ui:widget': 'password' });
    expect(ui.e).toEqual({ 'ui:help': 'from oneOf' });
    expect(ui.f).toEqual({ 'ui:placeholder': 'then' });
    expect(ui.g).toEqual({ 'ui:placeholder': 'else' });
    expect(ui.h).toEqual({ 'ui:readonly': true });
    expect(ui.i).toEqual({ 'ui:widget': 'hidden' });
  });
});

describe('toRjsfSchema', () => {
  it('strips every ui:* key and the root $id, keeping data keywords', () => {
    const clean = toRjsfSchema({
      ...schema,
      $id: 'classpath:/x.json',
      properties: {
        ...schema.properties,
        k: { const: { 'ui:widget': 'kept as data' } },
      },
    } as JSONSchema7);
    const text = JSON.stringify(clean);
    expect(text).not.toMatch(
      /"ui:(widget|help|order|hidden|props)"\s*:\s*[^"]/,
    );
    expect(clean.$id).toBeUndefined();
    expect((clean.properties!.k as JSONSchema7).const).toEqual({
      'ui:widget': 'kept as data',
    });
  });

  it('gives ajv a schema it validates', () => {
    const result = formValidator.validateFormData(
      { a: 'x', kind: 'x' },
      toRjsfSchema(schema),
    );
    expect(result.errors).toEqual([]);
  });
});
