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
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { JSONSchema7 } from 'json-schema';
import {
  BACKEND,
  defaultConfig,
  markingFetchApi,
} from './__testUtils__/renderWidgetForm';
import { FormWidgetsApi } from './FormWidgetsApi';

const schema = {
  type: 'object',
  properties: {
    intro: {
      type: 'string',
      title: 'Intro',
      'ui:widget': 'ActiveText',
      'ui:props': { 'ui:text': 'Tell us about the service.' },
    },
    comment: { type: 'string', title: 'Comment' },
  },
} as JSONSchema7;

describe('the review step with the widgets', () => {
  it('leaves out an ActiveText field and shows an empty optional field as "—"', async () => {
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
          handleExecute={jest.fn()}
        />
      </TestApiProvider>,
    );
    expect(
      await screen.findByText('Tell us about the service.'),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByTestId('orchestrator-form-next'));

    expect(await screen.findByTestId('review-row-/comment')).toHaveTextContent(
      'Comment—',
    );
    expect(screen.queryByTestId('review-row-/intro')).not.toBeInTheDocument();
  });
});
