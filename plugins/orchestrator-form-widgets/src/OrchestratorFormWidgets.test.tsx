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
import { orchestratorFormApiRef } from '@orchestrator-suite/backstage-plugin-orchestrator-form-api';
import { OrchestratorForm } from '@orchestrator-suite/backstage-plugin-orchestrator-form-react';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { JSONSchema7 } from 'json-schema';
import { delay, http, HttpResponse } from 'msw';
import { setupRecordingServer } from './__testUtils__/mswServer';
import {
  BACKEND,
  defaultConfig,
  markingFetchApi,
} from './__testUtils__/renderWidgetForm';
import { FormWidgetsApi } from './FormWidgetsApi';

/**
 * The widgets inside the real run form (not the widgets' own harness): the
 * form owns the data, the schema updates and the defaults, and a fetched
 * default or mandatory item must survive a SchemaUpdater replacing part of
 * the schema while the other fetches are in flight.
 */

const { server } = setupRecordingServer();

function schemaWith(placeholder: Record<string, unknown>): JSONSchema7 {
  return {
    type: 'object',
    required: ['language', 'regions'],
    properties: {
      language: {
        type: 'string',
        title: 'Language',
        'ui:widget': 'ActiveTextInput',
        'ui:props': {
          'fetch:url': '/api/proxy/team',
          'fetch:response:default': 'defaultLanguage',
        },
      },
      regions: {
        type: 'array',
        title: 'Regions',
        items: { type: 'string' },
        'ui:widget': 'ActiveMultiSelect',
        'ui:props': {
          'fetch:url': '/api/proxy/regions',
          'fetch:response:autocomplete': 'available',
          'fetch:response:mandatory': 'required',
        },
      },
      updater: {
        type: 'string',
        'ui:widget': 'SchemaUpdater',
        'ui:props': { 'fetch:url': '/api/proxy/settings' },
      },
      settings: {
        type: 'object',
        title: 'Settings',
        properties: {},
        ...placeholder,
      },
    },
  } as JSONSchema7;
}

/** Answers in a given order, each after its own delay (ms). */
function answers(timing: { team: number; regions: number; settings: number }) {
  server.use(
    http.get(`${BACKEND}/api/proxy/team`, async () => {
      await delay(timing.team);
      return HttpResponse.json({ defaultLanguage: 'Rust' });
    }),
    http.get(`${BACKEND}/api/proxy/regions`, async () => {
      await delay(timing.regions);
      return HttpResponse.json({
        available: ['eu-west', 'us-east'],
        required: ['eu-west'],
      });
    }),
    http.get(`${BACKEND}/api/proxy/settings`, async () => {
      await delay(timing.settings);
      return HttpResponse.json({
        settings: {
          type: 'object',
          title: 'Settings',
          properties: {
            version: { type: 'string', title: 'Version', default: '16' },
          },
        },
      });
    }),
  );
}

async function renderForm(schema: JSONSchema7) {
  const handleExecute = jest.fn();
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [configApiRef, mockApis.config({ data: defaultConfig })],
        [discoveryApiRef, mockApis.discovery({ baseUrl: BACKEND })],
        [fetchApiRef, markingFetchApi()],
        [identityApiRef, mockApis.identity()],
        [orchestratorFormApiRef, new FormWidgetsApi()],
      ]}
    >
      <OrchestratorForm
        schema={schema}
        isExecuting={false}
        handleExecute={handleExecute}
      />
    </TestApiProvider>,
  );
  return { handleExecute };
}

const placeholders = {
  hidden: { 'ui:widget': 'hidden' },
  visible: {},
};

// Every order of the three answers, and all at once (one tick).
const timings = {
  'all at once': { team: 0, regions: 0, settings: 0 },
  'schema update first': { team: 60, regions: 60, settings: 0 },
  'schema update last': { team: 0, regions: 0, settings: 60 },
  'schema update between': { team: 0, regions: 80, settings: 40 },
};

describe('widgets in OrchestratorForm with a SchemaUpdater', () => {
  for (const [kind, placeholder] of Object.entries(placeholders)) {
    for (const [order, timing] of Object.entries(timings)) {
      it(`keeps the fetched default and the mandatory item (${kind} placeholder, ${order})`, async () => {
        answers(timing);
        const { handleExecute } = await renderForm(schemaWith(placeholder));

        expect(await screen.findByLabelText('Version')).toHaveValue('16');
        await waitFor(() =>
          expect(screen.getByLabelText(/^Language/)).toHaveValue('Rust'),
        );
        // The regions answer may come last (schema update between).
        expect(await screen.findByText('eu-west')).toBeVisible();

        // What Run sends is what the form shows.
        screen.getByTestId('orchestrator-form-next').click();
        const run = await screen.findByTestId('orchestrator-form-run');
        await waitFor(() => expect(run).toBeEnabled());
        run.click();
        await waitFor(() => expect(handleExecute).toHaveBeenCalled());
        expect(handleExecute.mock.calls[0][0]).toEqual({
          language: 'Rust',
          regions: ['eu-west'],
          settings: { version: '16' },
        });
      });
    }
  }
});

describe('widgets in OrchestratorForm refetching after the user picks a team', () => {
  // As in the project-setup sample: the schema was replaced at mount, and
  // the team's default and mandatory region come after the user's choice.
  const schema = {
    type: 'object',
    required: ['team', 'language', 'regions'],
    properties: {
      team: { type: 'string', title: 'Team' },
      language: {
        type: 'string',
        title: 'Language',
        'ui:widget': 'ActiveTextInput',
        'ui:props': {
          'fetch:url': '/api/proxy/team?team=$${{current.team}}',
          'fetch:retrigger': ['current.team'],
          'fetch:error:ignoreUnready': true,
          'fetch:response:default': 'defaultLanguage',
        },
      },
      regions: {
        type: 'array',
        title: 'Regions',
        items: { type: 'string' },
        'ui:widget': 'ActiveMultiSelect',
        'ui:props': {
          'fetch:url': '/api/proxy/regions?team=$${{current.team}}',
          'fetch:retrigger': ['current.team'],
          'fetch:error:ignoreUnready': true,
          'fetch:response:autocomplete': 'available',
          'fetch:response:mandatory': 'required',
        },
      },
      updater: {
        type: 'string',
        'ui:widget': 'SchemaUpdater',
        'ui:props': { 'fetch:url': '/api/proxy/settings' },
      },
      settings: {
        type: 'object',
        properties: {},
        'ui:widget': 'hidden',
      },
    },
  } as JSONSchema7;

  it('applies the default and the mandatory item the team brings', async () => {
    answers({ team: 0, regions: 0, settings: 0 });
    const { handleExecute } = await renderForm(schema);
    expect(await screen.findByLabelText('Version')).toHaveValue('16');
    await userEvent.type(screen.getByLabelText(/^Team/), 'payments');
    await waitFor(() =>
      expect(screen.getByLabelText(/^Language/)).toHaveValue('Rust'),
    );
    expect(screen.getByText('eu-west')).toBeVisible();

    screen.getByTestId('orchestrator-form-next').click();
    const run = await screen.findByTestId('orchestrator-form-run');
    await waitFor(() => expect(run).toBeEnabled());
    run.click();
    await waitFor(() => expect(handleExecute).toHaveBeenCalled());
    expect(handleExecute.mock.calls[0][0]).toEqual({
      team: 'payments',
      language: 'Rust',
      regions: ['eu-west'],
      settings: { version: '16' },
    });
  });
});

describe('widgets in items of one array in OrchestratorForm', () => {
  // Both items' fetches answer in the same tick, so both defaults are applied
  // before the form renders again: ArrayField must not drop the first.
  const schema = {
    type: 'object',
    properties: {
      teams: {
        type: 'array',
        title: 'Teams',
        default: [{}, {}],
        items: {
          type: 'object',
          title: 'Team',
          properties: {
            language: {
              type: 'string',
              title: 'Language',
              'ui:widget': 'ActiveTextInput',
              'ui:props': {
                'fetch:url': '/api/proxy/team',
                'fetch:response:default': 'defaultLanguage',
              },
            },
          },
        },
      },
    },
  } as JSONSchema7;

  it('keeps the default fetched for every item', async () => {
    answers({ team: 0, regions: 0, settings: 0 });
    const { handleExecute } = await renderForm(schema);
    await waitFor(() =>
      expect(
        screen
          .getAllByLabelText(/^Language/)
          .map(input => (input as HTMLInputElement).value),
      ).toEqual(['Rust', 'Rust']),
    );

    screen.getByTestId('orchestrator-form-next').click();
    const run = await screen.findByTestId('orchestrator-form-run');
    await waitFor(() => expect(run).toBeEnabled());
    run.click();
    await waitFor(() => expect(handleExecute).toHaveBeenCalled());
    expect(handleExecute.mock.calls[0][0]).toEqual({
      teams: [{ language: 'Rust' }, { language: 'Rust' }],
    });
  });
});
