import { useEffect } from 'react';
import { render, waitFor } from '@testing-library/react';
import { Form } from '@rjsf/mui';
import type { WidgetProps } from '@rjsf/utils';
import type { JSONSchema7 } from 'json-schema';
import { formValidator } from '../validation/validator';
import { getDefaultRegistry } from '@rjsf/core';
import { objectFieldKeepingChanges } from './ObjectFieldKeepingChanges';
import { layChangedItems } from './ArrayFieldKeepingChanges';
import { withFieldsKeepingChanges } from './withFieldsKeepingChanges';

/** Sets its value once on mount, after its own id: every one of them changes in one commit. */
const SetsOwnId = ({ id, onChange }: WidgetProps) => {
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => onChange(`set ${id}`), []);
  return null;
};
const sets = { 'ui:widget': SetsOwnId };

const strings: JSONSchema7 = { type: 'array', items: { type: 'string' } };
const schema: JSONSchema7 = {
  type: 'object',
  properties: {
    kept: { type: 'string' },
    list: strings,
    people: {
      type: 'array',
      items: {
        type: 'object',
        properties: { a: { type: 'string' }, b: { type: 'string' } },
      },
    },
    grid: { type: 'array', items: strings },
    nested: { type: 'object', properties: { tags: strings } },
  },
};
const uiSchema = {
  list: { items: sets },
  people: { items: { a: sets, b: sets } },
  grid: { items: { items: sets } },
  nested: { tags: { items: sets } },
};
const formData = {
  kept: 'yes',
  list: ['', ''],
  people: [{}, {}],
  grid: [['', ''], ['']],
  nested: { tags: ['', ''] },
};
const everyChange = {
  kept: 'yes',
  list: ['set root_list_0', 'set root_list_1'],
  people: [
    { a: 'set root_people_0_a', b: 'set root_people_0_b' },
    { a: 'set root_people_1_a', b: 'set root_people_1_b' },
  ],
  grid: [['set root_grid_0_0', 'set root_grid_0_1'], ['set root_grid_1_0']],
  nested: { tags: ['set root_nested_tags_0', 'set root_nested_tags_1'] },
};

function renderWith(fields: Record<string, any>) {
  const onChange = jest.fn();
  render(
    <Form
      schema={schema}
      uiSchema={uiSchema as any}
      formData={formData}
      validator={formValidator}
      fields={fields}
      onChange={e => onChange(e.formData)}
    />,
  );
  return onChange;
}

describe('ArrayField keeping concurrent changes', () => {
  it('loses item changes made in one commit with only ObjectField wrapped (why it exists)', async () => {
    const ObjectField = getDefaultRegistry().fields.ObjectField as any;
    const onChange = renderWith({
      ObjectField: objectFieldKeepingChanges(ObjectField),
    });
    await waitFor(() => expect(onChange).toHaveBeenCalled());
    const last = onChange.mock.calls.at(-1)![0];
    expect(last.list).not.toEqual(everyChange.list);
    expect(last.people).not.toEqual(everyChange.people);
  });

  it('reports every change made to items in one commit, at every depth', async () => {
    const onChange = renderWith(withFieldsKeepingChanges(undefined));
    await waitFor(() =>
      expect(onChange.mock.calls.at(-1)?.[0]).toEqual(everyChange),
    );
  });

  it('lays replaced items over earlier changes; a list of another length is taken as it is', () => {
    const base = ['a', 'b', 'c'];
    expect(layChangedItems(['A', 'b', 'c'], base, ['a', 'b', 'C'])).toEqual([
      'A',
      'b',
      'C',
    ]);
    expect(layChangedItems(['A', 'b', 'c'], base, ['a', 'b'])).toEqual([
      'a',
      'b',
    ]);
  });
});
