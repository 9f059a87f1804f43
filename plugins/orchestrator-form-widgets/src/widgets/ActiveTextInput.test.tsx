import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { JSONSchema7 } from 'json-schema';
import { delay, http, HttpResponse } from 'msw';
import { setupRecordingServer } from '../__testUtils__/mswServer';
import { BACKEND, renderWidgetForm } from '../__testUtils__/renderWidgetForm';

const { server, seen } = setupRecordingServer();

function schemaWith(uiProps: Record<string, unknown>): JSONSchema7 {
  return {
    type: 'object',
    properties: {
      project: { type: 'string', title: 'Project' },
      name: {
        type: 'string',
        title: 'Name',
        'ui:widget': 'ActiveTextInput',
        'ui:props': uiProps,
      } as JSONSchema7,
    },
  };
}

const nameInput = () => screen.getByLabelText(/^Name/);

describe('ActiveTextInput', () => {
  it('applies the fetched default, brackets the fetch, and offers autocomplete', async () => {
    server.use(
      http.get(`${BACKEND}/api/proxy/names`, () =>
        HttpResponse.json({
          suggested: 'alpha',
          all: [{ n: 'alpha' }, { n: 'beta' }],
        }),
      ),
    );
    const { events, getFormData } = await renderWidgetForm({
      schema: schemaWith({
        'fetch:url': '$${{backend.baseUrl}}/api/proxy/names',
        'fetch:response:value': 'suggested',
        'fetch:response:autocomplete': 'all.n',
      }),
    });
    await waitFor(() => expect(nameInput()).toHaveValue('alpha'));
    expect(getFormData().name).toBe('alpha');
    expect(events).toEqual([
      { type: 'started', fieldId: 'root_name' },
      {
        type: 'ended',
        fieldId: 'root_name',
        outcome: { error: undefined, required: false },
      },
    ]);
    await userEvent.clear(nameInput());
    await userEvent.type(nameInput(), 'b');
    expect(
      await screen.findByRole('option', { name: 'beta' }),
    ).toBeInTheDocument();
  });

  it('does not overwrite what the user typed when a refetch brings a new default', async () => {
    server.use(
      http.get(`${BACKEND}/api/proxy/default`, ({ request }) =>
        HttpResponse.json({
          value: `default-for-${new URL(request.url).searchParams.get('p')}`,
        }),
      ),
    );
    const { getFormData } = await renderWidgetForm({
      schema: schemaWith({
        'fetch:url': '/api/proxy/default?p=$${{current.project}}',
        'fetch:response:value': 'value',
        'fetch:retrigger': ['current.project'],
      }),
    });
    await waitFor(() => expect(nameInput()).toHaveValue('default-for-'));
    await userEvent.clear(nameInput());
    await userEvent.type(nameInput(), 'mine');
    await userEvent.type(screen.getByRole('textbox', { name: 'Project' }), 'x');
    await waitFor(() =>
      expect(seen.map(r => new URL(r.url).search)).toContain('?p=x'),
    );
    // give the answer time to arrive and be (not) applied
    await new Promise(r => setTimeout(r, 200));
    expect(nameInput()).toHaveValue('mine');
    expect(getFormData().name).toBe('mine');
  });

  it('debounces retrigger changes and drops a superseded answer', async () => {
    server.use(
      http.get(`${BACKEND}/api/proxy/slow`, async ({ request }) => {
        const p = new URL(request.url).searchParams.get('p');
        // the first retriggered answer arrives last
        if (p === 'a') await delay(600);
        return HttpResponse.json({ value: `for-${p}` });
      }),
    );
    await renderWidgetForm({
      schema: schemaWith({
        'fetch:url': '/api/proxy/slow?p=$${{current.project}}',
        'fetch:response:value': 'value',
        'fetch:retrigger': ['current.project'],
        'fetch:error:ignoreUnready': true,
      }),
    });
    const project = screen.getByRole('textbox', { name: 'Project' });
    fireEvent.change(project, { target: { value: 'a' } });
    // wait past the debounce so "a" is requested, then supersede it with
    // three quick changes (synchronous, so well inside the debounce window)
    await waitFor(() => expect(seen).toHaveLength(1));
    fireEvent.change(project, { target: { value: 'ab' } });
    fireEvent.change(project, { target: { value: 'abc' } });
    fireEvent.change(project, { target: { value: 'abcd' } });
    await waitFor(() => expect(nameInput()).toHaveValue('for-abcd'));
    await new Promise(r => setTimeout(r, 800));
    expect(nameInput()).toHaveValue('for-abcd');
    // the three quick changes made one request; the empty project made none
    expect(seen.map(r => new URL(r.url).searchParams.get('p'))).toEqual([
      'a',
      'abcd',
    ]);
  });

  it('ignoreUnready: no request and no error while a retrigger value is empty', async () => {
    server.use(
      http.get(`${BACKEND}/api/proxy/x`, () =>
        HttpResponse.json({ value: 'v' }),
      ),
    );
    const { events } = await renderWidgetForm({
      schema: schemaWith({
        'fetch:url': '/api/proxy/x?p=$${{current.project}}',
        'fetch:response:value': 'value',
        'fetch:retrigger': ['current.project'],
        'fetch:error:ignoreUnready': true,
      }),
    });
    await waitFor(() =>
      expect(events.some(e => e.type === 'ended')).toBe(true),
    );
    expect(seen).toHaveLength(0);
    expect(events[events.length - 1]).toMatchObject({
      outcome: { error: undefined },
    });
    expect(nameInput()).toHaveValue('');
  });

  it('shows a fetch failure at the field and reports it; silent hides it', async () => {
    server.use(
      http.get(`${BACKEND}/api/proxy/broken`, () =>
        HttpResponse.json({ message: 'upstream down' }, { status: 502 }),
      ),
    );
    const { events } = await renderWidgetForm({
      schema: {
        ...schemaWith({
          'fetch:url': '/api/proxy/broken',
          'fetch:response:value': 'v',
        }),
        required: ['name'],
      },
    });
    expect(await screen.findByText(/upstream down/)).toBeInTheDocument();
    expect(events[events.length - 1]).toEqual({
      type: 'ended',
      fieldId: 'root_name',
      outcome: {
        error: expect.stringMatching(/502.*upstream down/),
        required: true,
      },
    });
  });

  it('fetch:error:silent keeps the failure off the field', async () => {
    server.use(
      http.get(`${BACKEND}/api/proxy/broken`, () =>
        HttpResponse.json({ message: 'upstream down' }, { status: 502 }),
      ),
    );
    const { events } = await renderWidgetForm({
      schema: schemaWith({
        'fetch:url': '/api/proxy/broken',
        'fetch:error:silent': true,
      }),
    });
    await waitFor(() =>
      expect(events.some(e => e.type === 'ended')).toBe(true),
    );
    expect(seen).toHaveLength(1);
    expect(screen.queryByText(/upstream down/)).not.toBeInTheDocument();
  });

  it('a disallowed host is never requested and the field says why', async () => {
    await renderWidgetForm({
      schema: schemaWith({
        'fetch:url': 'https://evil.test/names',
        'fetch:headers': { Authorization: 'Bearer $${{identityApi.token}}' },
      }),
    });
    expect(
      await screen.findByText(/evil\.test are not allowed/),
    ).toBeInTheDocument();
    expect(seen).toHaveLength(0);
  });

  it('validates remotely on blur and shows the service message', async () => {
    server.use(
      http.post(`${BACKEND}/api/proxy/validate`, async ({ request }) => {
        const body = (await request.json()) as { value: string };
        return body.value === 'ok'
          ? new HttpResponse(null, { status: 200 })
          : HttpResponse.json(
              { name: [`"${body.value}" is taken`] },
              { status: 422 },
            );
      }),
    );
    await renderWidgetForm({
      schema: schemaWith({
        'validate:url': '/api/proxy/validate',
        'validate:method': 'POST',
        'validate:body': { value: '$${{current.name}}' },
      }),
    });
    await userEvent.type(nameInput(), 'jane');
    await userEvent.tab();
    expect(await screen.findByText('"jane" is taken')).toBeInTheDocument();
    await userEvent.clear(nameInput());
    await userEvent.type(nameInput(), 'ok');
    await userEvent.tab();
    await waitFor(() =>
      expect(screen.queryByText(/is taken/)).not.toBeInTheDocument(),
    );
  });
});
