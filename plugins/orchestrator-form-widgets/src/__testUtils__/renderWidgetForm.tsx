import {
  configApiRef,
  discoveryApiRef,
  fetchApiRef,
  identityApiRef,
  IdentityApi,
} from '@backstage/core-plugin-api';
import {
  TestApiProvider,
  mockApis,
  renderInTestApp,
} from '@backstage/test-utils';
import { JsonObject } from '@backstage/types';
import Form from '@rjsf/mui';
import type { UiSchema } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import type { JSONSchema7 } from 'json-schema';
import { useRef, useState } from 'react';
import type { SchemaChunksResponse } from '@orchestrator-suite/backstage-plugin-orchestrator-form-api';
import { orchestratorWidgets } from '../widgets';

export const BACKEND = 'http://backstage.test';

export const defaultConfig = {
  backend: { baseUrl: BACKEND },
  orchestrator: {
    'rjsf-widgets': {
      allowedHosts: ['api.allowed.test', '*.corp.test'],
      greeting: 'Hello',
    },
  },
};

/** fetchApi stand-in that marks requests, so tests see which path was taken. */
export function markingFetchApi() {
  return {
    fetch: jest.fn((input: RequestInfo | URL, init?: RequestInit) => {
      const headers = new Headers(init?.headers);
      headers.set('x-via-fetch-api', 'yes');
      return fetch(input, { ...init, headers });
    }),
  };
}

export type FetchEvent =
  | { type: 'started'; fieldId: string }
  | {
      type: 'ended';
      fieldId: string;
      outcome?: { error?: string; required?: boolean };
    };

/** Top-level replacement, enough for tests; the real form owns the real one. */
function applyChunks(schema: JSONSchema7, chunks: SchemaChunksResponse) {
  const properties = { ...(schema.properties ?? {}) };
  for (const [key, chunk] of Object.entries(chunks)) {
    if (key in properties) properties[key] = chunk as JSONSchema7;
  }
  return { ...schema, properties };
}

/** Schema `ui:*` keys as a uiSchema, as the run form derives it. */
export function uiSchemaOf(schema: JSONSchema7): UiSchema {
  const ui: UiSchema = {};
  for (const [key, value] of Object.entries(schema.properties ?? {})) {
    const node: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as object)) {
      if (k.startsWith('ui:')) node[k] = v;
    }
    ui[key] = node;
  }
  return ui;
}

/**
 * A plain @rjsf/mui Form with the widgets and a hand-built form context
 * (whole-form data, updateSchema, changed-by-user flags, fetch brackets).
 */
export async function renderWidgetForm(options: {
  schema: JSONSchema7;
  formData?: JsonObject;
  config?: JsonObject;
  fetchApi?: ReturnType<typeof markingFetchApi>;
  identityApi?: IdentityApi;
  apis?: Array<readonly [any, any]>;
}): Promise<{
  events: FetchEvent[];
  fetchApi: ReturnType<typeof markingFetchApi>;
  getFormData: () => JsonObject;
}> {
  const events: FetchEvent[] = [];
  const state = { formData: options.formData ?? {} } as {
    formData: JsonObject;
  };
  const fetchApi = options.fetchApi ?? markingFetchApi();

  const Harness = () => {
    const [formData, setFormData] = useState<JsonObject>(state.formData);
    const [schema, setSchema] = useState<JSONSchema7>(options.schema);
    const changed = useRef(new Set<string>());
    state.formData = formData;
    const formContext = {
      formData,
      schema,
      updateSchema: (chunks: SchemaChunksResponse) =>
        setSchema(s => applyChunks(s, chunks)),
      getIsChangedByUser: (id: string) => changed.current.has(id),
      setIsChangedByUser: (id: string, value: boolean) =>
        value ? changed.current.add(id) : changed.current.delete(id),
      handleFetchStarted: (fieldId: string) =>
        events.push({ type: 'started', fieldId }),
      handleFetchEnded: (
        fieldId: string,
        outcome?: { error?: string; required?: boolean },
      ) => events.push({ type: 'ended', fieldId, outcome }),
    };
    return (
      <Form
        schema={schema}
        uiSchema={uiSchemaOf(schema)}
        formData={formData}
        validator={validator}
        widgets={orchestratorWidgets}
        formContext={formContext}
        onChange={e => setFormData(e.formData)}
      />
    );
  };

  await renderInTestApp(
    <TestApiProvider
      apis={[
        [
          configApiRef,
          mockApis.config({ data: options.config ?? defaultConfig }),
        ],
        [discoveryApiRef, mockApis.discovery({ baseUrl: BACKEND })],
        [fetchApiRef, fetchApi],
        [
          identityApiRef,
          options.identityApi ??
            mockApis.identity({
              userEntityRef: 'user:default/jane',
              token: 'backstage-token',
              email: 'jane@example.com',
              displayName: 'Jane Doe',
            }),
        ],
        ...(options.apis ?? []),
      ]}
    >
      <Harness />
    </TestApiProvider>,
  );
  return { events, fetchApi, getFormData: () => state.formData };
}
