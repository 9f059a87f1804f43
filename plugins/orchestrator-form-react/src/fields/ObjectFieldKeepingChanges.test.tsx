import { useEffect } from 'react';
import { render, waitFor } from '@testing-library/react';
import { Form } from '@rjsf/mui';
import type { WidgetProps } from '@rjsf/utils';
import type { JSONSchema7 } from 'json-schema';
import { formValidator } from '../validation/validator';
import { layChangedKeys } from './ObjectFieldKeepingChanges';
import { withFieldsKeepingChanges } from './withFieldsKeepingChanges';

/** Sets its value once on mount: two of them change in one commit. */
const SetsOnMount = (props: WidgetProps) => {
  const { onChange, options } = props;
  useEffect(() => onChange(options.initial), [onChange, options.initial]);
  return null;
};

const schema: JSONSchema7 = {
  type: 'object',
  properties: {
    kept: { type: 'string' },
    nested: {
      type: 'object',
      properties: { a: { type: 'string' }, b: { type: 'string' } },
    },
    list: { type: 'array', items: { type: 'string' } },
  },
};
const uiSchema = {
  nested: {
    a: { 'ui:widget': SetsOnMount, 'ui:options': { initial: 'A' } },
    b: { 'ui:widget': SetsOnMount, 'ui:options': { initial: 'B' } },
  },
  list: { 'ui:widget': SetsOnMount, 'ui:options': { initial: ['x'] } },
};

function renderWith(fields: Record<string, any> | undefined) {
  const onChange = jest.fn();
  render(
    <Form
      schema={schema}
      uiSchema={uiSchema as any}
      formData={{ kept: 'yes' }}
      validator={formValidator}
      fields={fields}
      onChange={e => onChange(e.formData)}
    />,
  );
  return onChange;
}

describe('ObjectField keeping concurrent changes', () => {
  it('loses changes made in one commit without it (why it exists)', async () => {
    const onChange = renderWith(undefined);
    await waitFor(() => expect(onChange).toHaveBeenCalled());
    expect(onChange.mock.calls.at(-1)![0]).not.toEqual({
      kept: 'yes',
      nested: { a: 'A', b: 'B' },
      list: ['x'],
    });
  });

  it('reports every change made in one commit, at every depth', async () => {
    const onChange = renderWith(withFieldsKeepingChanges(undefined));
    await waitFor(() =>
      expect(onChange.mock.calls.at(-1)?.[0]).toEqual({
        kept: 'yes',
        nested: { a: 'A', b: 'B' },
        list: ['x'],
      }),
    );
  });

  it('lays replaced, added and removed keys over earlier changes', () => {
    const base = { a: 1, b: 2, c: 3 };
    expect(
      layChangedKeys({ ...base, a: 10 }, base, { a: 1, b: 20, d: 4 }),
    ).toEqual({ a: 10, b: 20, d: 4 });
  });
});
