import type { JSONSchema7 } from 'json-schema';
import { generateReviewItems, formatReviewValue } from './generateReviewItems';
import { generateUiSchema, toRjsfSchema } from '../schema/generateUiSchema';

const source = {
  type: 'object',
  properties: {
    step: {
      type: 'object',
      title: 'Step',
      'ui:order': ['b', '*'],
      properties: {
        a: { type: 'string', title: 'A' },
        b: { type: 'boolean', title: 'B' },
        secret: { type: 'string', title: 'Secret', 'ui:widget': 'hidden' },
        cond: {
          type: 'string',
          title: 'Cond',
          'ui:hidden': { when: 'step.a', is: 'x' },
        },
        auth: { type: 'string', 'ui:widget': 'AuthRequester' },
        tags: { type: 'array', title: 'Tags', items: { type: 'string' } },
        people: {
          type: 'array',
          title: 'People',
          items: {
            type: 'object',
            title: 'Person',
            properties: { name: { type: 'string', title: 'Name' } },
          },
        },
      },
    },
  },
} as unknown as JSONSchema7;

describe('generateReviewItems', () => {
  const items = generateReviewItems(
    toRjsfSchema(source),
    generateUiSchema(source) as any,
    {
      step: {
        a: 'x',
        b: true,
        secret: 's',
        cond: 'c',
        tags: ['t1', 't2'],
        people: [{ name: 'Ada' }],
      },
    },
  );
  const step = items[0];

  it('lists nested values with titles, in ui:order, without virtual fields', () => {
    expect(step).toMatchObject({ path: '/step', title: 'Step', hidden: false });
    expect(step.children!.map(c => c.title)).toEqual([
      'B',
      'A',
      'Secret',
      'Cond',
      'Tags',
      'People',
    ]);
    expect(step.children![1]).toEqual({
      path: '/step/a',
      title: 'A',
      hidden: false,
      value: 'x',
    });
  });

  it('flags hidden fields, static and conditional', () => {
    const byTitle = Object.fromEntries(step.children!.map(c => [c.title, c]));
    expect(byTitle.Secret.hidden).toBe(true);
    expect(byTitle.Cond.hidden).toBe(true);
    expect(byTitle.A.hidden).toBe(false);
  });

  it('shows arrays of objects as groups', () => {
    const people = step.children!.find(c => c.title === 'People')!;
    expect(people.children).toEqual([
      {
        path: '/step/people/0',
        title: 'Person 1',
        hidden: false,
        children: [
          {
            path: '/step/people/0/name',
            title: 'Name',
            hidden: false,
            value: 'Ada',
          },
        ],
      },
    ]);
  });

  it('formats values readably', () => {
    expect(formatReviewValue(['t1', 't2'])).toBe('t1, t2');
    expect(formatReviewValue(true)).toBe('Yes');
    expect(formatReviewValue(undefined)).toBe('—');
  });
});

describe('generateReviewItems with nested branches', () => {
  it('lists a field that a dependency brings in through a oneOf, with its title', () => {
    const schema = {
      type: 'object',
      properties: {
        notify: { type: 'boolean', title: 'Notify' },
      },
      dependencies: {
        notify: {
          oneOf: [
            {
              properties: {
                notify: { const: true },
                channel: { type: 'string', title: 'Channel' },
              },
            },
            { properties: { notify: { const: false } } },
          ],
        },
      },
    } as unknown as JSONSchema7;
    const items = generateReviewItems(
      schema,
      {},
      {
        notify: true,
        channel: '#alerts',
      },
    );
    expect(items.map(i => [i.title, i.value])).toEqual([
      ['Notify', true],
      ['Channel', '#alerts'],
    ]);
  });
});

describe('generateReviewItems with display-only fields', () => {
  const showing = {
    type: 'object',
    properties: {
      note: { type: 'null', title: 'Note' },
      intro: { type: 'string', title: 'Intro', 'ui:widget': 'ActiveText' },
      shown: { type: 'string', title: 'Shown', 'ui:widget': 'ActiveText' },
      fixed: { type: 'string', title: 'Fixed', readOnly: true },
      preset: { type: 'string', title: 'Preset', readOnly: true },
      comment: { type: 'string', title: 'Comment' },
      about: {
        type: 'object',
        title: 'About',
        properties: {
          text: { type: 'string', 'ui:widget': 'ActiveText' },
          schema: { type: 'string', 'ui:widget': 'SchemaUpdater' },
        },
      },
    },
  } as unknown as JSONSchema7;
  const rows = (displayOnlyWidgets?: string[]) =>
    generateReviewItems(
      toRjsfSchema(showing),
      generateUiSchema(showing) as any,
      { shown: 'set by a widget', preset: 'p', about: {} },
      { displayOnlyWidgets },
    ).map(item => item.title);

  it('leaves out a field that holds no value and only shows something', () => {
    expect(rows(['ActiveText', 'SchemaUpdater'])).toEqual([
      'Shown',
      'Preset',
      'Comment',
    ]);
  });

  it('lists the fields of a widget nobody declared display-only, empty ones as "—"', () => {
    expect(rows()).toEqual(['Intro', 'Shown', 'Preset', 'Comment', 'About']);
  });
});
