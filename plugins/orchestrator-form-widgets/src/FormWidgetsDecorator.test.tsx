import {
  configApiRef,
  discoveryApiRef,
  fetchApiRef,
  identityApiRef,
} from '@backstage/core-plugin-api';
import {
  TestApiProvider,
  mockApis,
  renderInTestApp,
} from '@backstage/test-utils';
import {
  FormDecoratorProps,
  OrchestratorFormContextProps,
  orchestratorFormApiRef,
} from '@orchestrator-suite/backstage-plugin-orchestrator-form-api';
import Form from '@rjsf/mui';
import validator from '@rjsf/validator-ajv8';
import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupRecordingServer } from './__testUtils__/mswServer';
import {
  BACKEND,
  defaultConfig,
  markingFetchApi,
} from './__testUtils__/renderWidgetForm';
import { FormWidgetsApi } from './FormWidgetsApi';
import { formWidgetsApi, orchestratorFormWidgetsPlugin } from './plugin';

const { server } = setupRecordingServer();

const uiSchema = {
  name: {
    'ui:widget': 'ActiveTextInput',
    'ui:props': {
      'validate:url': '/api/proxy/validate',
      'validate:method': 'POST',
      'validate:body': {
        name: '$${{current.step1.name}}',
        team: '$${{current.team}}',
      },
    },
  },
};

async function renderDecorated() {
  let captured: FormDecoratorProps | undefined;
  const FormComponent = (props: FormDecoratorProps) => {
    captured = props;
    return (
      <Form
        schema={{
          type: 'object',
          properties: { name: { type: 'string', title: 'Name' } },
        }}
        uiSchema={uiSchema}
        validator={validator}
        widgets={props.widgets}
        formContext={props.formContext}
      />
    );
  };
  const Decorated = new FormWidgetsApi().getFormDecorator()(FormComponent);
  const context = {
    formData: { step1: { name: 'jane' }, team: 'blue' },
    schema: {},
    uiSchema: {},
    updateSchema: jest.fn(),
    setFormData: jest.fn(),
    onSubmit: jest.fn(),
    setAuthTokenDescriptors: jest.fn(),
    getIsChangedByUser: () => false,
    setIsChangedByUser: jest.fn(),
    handleFetchStarted: jest.fn(),
    handleFetchEnded: jest.fn(),
  } as OrchestratorFormContextProps;
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [configApiRef, mockApis.config({ data: defaultConfig })],
        [discoveryApiRef, mockApis.discovery({ baseUrl: BACKEND })],
        [fetchApiRef, markingFetchApi()],
        [identityApiRef, mockApis.identity()],
      ]}
    >
      <Decorated {...context} />
    </TestApiProvider>,
  );
  return { props: captured!, context };
}

describe('formWidgetsDecorator', () => {
  it('injects the widgets and hands the form context on', async () => {
    const { props, context } = await renderDecorated();
    expect(Object.keys(props.widgets ?? {}).sort()).toEqual([
      'ActiveBoolean',
      'ActiveDropdown',
      'ActiveMultiSelect',
      'ActiveText',
      'ActiveTextInput',
      'SchemaUpdater',
    ]);
    expect(props.formContext).toEqual(context);
    // the widget rendered from the injected registry
    expect(screen.getByLabelText('Name')).toBeInTheDocument();
  });

  it('getExtraErrors validates remotely with whole-form templates', async () => {
    let body: unknown;
    server.use(
      http.post(`${BACKEND}/api/proxy/validate`, async ({ request }) => {
        body = await request.json();
        return HttpResponse.json(
          { name: ['jane is taken in blue'] },
          { status: 422 },
        );
      }),
    );
    const { props } = await renderDecorated();
    // the step's own data; templates read the whole form's
    const errors = await props.getExtraErrors!({ name: 'jane' }, uiSchema);
    expect(errors).toEqual({ name: { __errors: ['jane is taken in blue'] } });
    expect(body).toEqual({ name: 'jane', team: 'blue' });
  });
});

describe('orchestratorFormWidgetsPlugin', () => {
  it('registers the form API factory that RHDH collects from the plugin', () => {
    const factories = [...orchestratorFormWidgetsPlugin.getApis()];
    expect(orchestratorFormWidgetsPlugin.getId()).toBe(
      'orchestrator-form-widgets',
    );
    expect(factories).toEqual([formWidgetsApi]);
    expect(formWidgetsApi.api.id).toBe(orchestratorFormApiRef.id);
    expect(formWidgetsApi.factory({})).toBeInstanceOf(FormWidgetsApi);
  });
});

it('exports the factory under our name and upstream name for apiFactories config', async () => {
  const index = await import('./index');
  expect(index.formWidgetsApi).toBe(formWidgetsApi);
  expect(index.orchestratorFormApiFactory).toBe(formWidgetsApi);
  expect(index.orchestratorFormWidgetsPlugin).toBe(
    orchestratorFormWidgetsPlugin,
  );
});
