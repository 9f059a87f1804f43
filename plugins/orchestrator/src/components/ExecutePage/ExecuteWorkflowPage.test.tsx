import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { greetingOverview } from '../../__testUtils__/fixtures';
import {
  mockOrchestratorApi,
  responseError,
} from '../../__testUtils__/renderWithApis';
import { renderOrchestratorAt } from '../../__testUtils__/renderRoute';

const inputSchema = {
  type: 'object',
  required: ['language', 'name'],
  properties: {
    language: {
      type: 'string',
      title: 'Language',
      enum: ['English', 'Spanish'],
    },
    name: { type: 'string', title: 'Name' },
  },
};

function apiWith(schemaAnswer: object, extra: Record<string, jest.Mock> = {}) {
  return mockOrchestratorApi({
    getWorkflowOverview: jest.fn().mockResolvedValue(greetingOverview),
    getWorkflowInputSchema: jest.fn().mockResolvedValue(schemaAnswer),
    getInstance: jest.fn(() => new Promise<never>(() => {})),
    getInstances: jest.fn(() => new Promise<never>(() => {})),
    ...extra,
  });
}

/** Single-step forms go through their review step: Next, then Run. */
async function reviewAndRun() {
  await userEvent.click(await screen.findByTestId('orchestrator-form-next'));
  await screen.findByTestId('orchestrator-form-review-table');
  await waitFor(() =>
    expect(screen.getByRole('button', { name: 'Run' })).toBeEnabled(),
  );
  await userEvent.click(screen.getByRole('button', { name: 'Run' }));
}

describe('ExecuteWorkflowPage', () => {
  it('renders the form from the input schema, prefilled from the query', async () => {
    const api = apiWith({ inputSchema });
    await renderOrchestratorAt(
      '/workflows/greeting/execute?name=Ada&targetEntity=component:default/shop',
      { api },
    );
    expect(
      await screen.findByTestId('workflow-input-form'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText(/Name/)).toHaveValue('Ada');
    expect(screen.getByTestId('target-entity')).toHaveTextContent(
      'component:default/shop',
    );
    // the way back to the entity the run is for
    expect(screen.getByRole('link', { name: 'Back to shop' })).toHaveAttribute(
      'href',
      '/catalog/default/component/shop',
    );
    expect(api.getWorkflowInputSchema).toHaveBeenCalledWith('greeting', {
      instanceId: undefined,
    });
  });

  it('prefills from a previous run', async () => {
    const api = apiWith({
      inputSchema,
      data: { name: 'Grace', language: 'Spanish' },
    });
    await renderOrchestratorAt('/workflows/greeting/execute?instanceId=run-1', {
      api,
    });
    await screen.findByTestId('workflow-input-form');
    expect(screen.getByLabelText(/Name/)).toHaveValue('Grace');
    expect(screen.getByTestId('prefilled-from')).toHaveTextContent('run-1');
    expect(api.getWorkflowInputSchema).toHaveBeenCalledWith('greeting', {
      instanceId: 'run-1',
    });
  });

  it('starts the run with the entity and goes at once to the new run, starting', async () => {
    const api = apiWith(
      { inputSchema, data: { name: 'Grace', language: 'Spanish' } },
      { executeWorkflow: jest.fn().mockResolvedValue({ id: 'new-run' }) },
    );
    api.getInstance.mockRejectedValue(await responseError(404));
    await renderOrchestratorAt(
      '/workflows/greeting/execute?instanceId=run-1&targetEntity=component:default/shop',
      { api },
    );
    await screen.findByTestId('workflow-input-form');
    await reviewAndRun();
    expect(api.executeWorkflow).toHaveBeenCalledWith('greeting', {
      inputData: { name: 'Grace', language: 'Spanish' },
      targetEntity: 'component:default/shop',
      idempotencyKey: expect.stringMatching(/^ui-[0-9a-f]{32}$/),
    });
    expect(await screen.findByTestId('instance-starting')).toBeInTheDocument();
  });

  it('blocks submit on client validation errors', async () => {
    const api = apiWith({ inputSchema }, { executeWorkflow: jest.fn() });
    await renderOrchestratorAt('/workflows/greeting/execute', { api });
    await screen.findByTestId('workflow-input-form');
    await userEvent.click(await screen.findByTestId('orchestrator-form-next'));
    expect(api.executeWorkflow).not.toHaveBeenCalled();
    expect(screen.queryByTestId('orchestrator-form-review-table')).toBeNull();
    expect(await screen.findAllByText(/Name is required/)).not.toHaveLength(0);
  });

  it('shows server 400 field errors at their fields', async () => {
    const api = apiWith(
      { inputSchema, data: { name: 'Grace', language: 'English' } },
      {
        executeWorkflow: jest.fn().mockRejectedValue(
          await responseError(400, {
            error: {
              name: 'InputError',
              message: 'Invalid inputs',
              details: [
                {
                  path: '/inputData/name',
                  message: 'name is taken on the cluster',
                },
                {
                  path: '/inputData',
                  message: 'something about the whole form',
                },
              ],
            },
            response: { statusCode: 400 },
          }),
        ),
      },
    );
    await renderOrchestratorAt('/workflows/greeting/execute', { api });
    await screen.findByTestId('workflow-input-form');
    await reviewAndRun();
    expect(
      await screen.findByText('name is taken on the cluster'),
    ).toBeInTheDocument();
    expect(screen.getByTestId('form-errors')).toHaveTextContent(
      'something about the whole form',
    );
  });

  it('takes a multi-step form to its review, and a server field error back to its step', async () => {
    const multiStep = {
      type: 'object',
      properties: {
        first: {
          type: 'object',
          title: 'First',
          properties: { a: { type: 'string', title: 'Field A' } },
        },
        second: {
          type: 'object',
          title: 'Second',
          properties: { b: { type: 'string', title: 'Field B' } },
        },
      },
    };
    const api = apiWith(
      {
        inputSchema: multiStep,
        data: { first: { a: 'x' }, second: { b: 'y' } },
      },
      {
        executeWorkflow: jest.fn().mockRejectedValue(
          await responseError(400, {
            error: {
              name: 'InputError',
              message: 'Invalid inputs',
              details: [{ path: '/inputData/second/b', message: 'b is taken' }],
            },
            response: { statusCode: 400 },
          }),
        ),
      },
    );
    await renderOrchestratorAt('/workflows/greeting/execute', { api });
    expect(
      await screen.findByTestId('orchestrator-form-step-first'),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByTestId('orchestrator-form-next'));
    expect(
      await screen.findByTestId('orchestrator-form-step-second'),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByTestId('orchestrator-form-next'));
    const review = await screen.findByTestId('orchestrator-form-review-table');
    expect(review).toHaveTextContent('Field A');
    expect(review).toHaveTextContent('y');
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Run' })).toBeEnabled(),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Run' }));
    expect(api.executeWorkflow).toHaveBeenCalledWith('greeting', {
      inputData: { first: { a: 'x' }, second: { b: 'y' } },
      targetEntity: undefined,
      idempotencyKey: expect.stringMatching(/^ui-[0-9a-f]{32}$/),
    });
    expect(
      await screen.findByTestId('orchestrator-form-step-second'),
    ).toBeInTheDocument();
    expect(await screen.findByText('b is taken')).toBeInTheDocument();
  });

  it('offers a plain Run when the workflow takes no inputs', async () => {
    const api = apiWith(
      {},
      { executeWorkflow: jest.fn().mockResolvedValue({ id: 'r9' }) },
    );
    await renderOrchestratorAt('/workflows/greeting/execute', { api });
    expect(await screen.findByTestId('no-input-schema')).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Run' })).toBeEnabled(),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Run' }));
    expect(api.executeWorkflow).toHaveBeenCalledWith('greeting', {
      inputData: {},
      targetEntity: undefined,
      idempotencyKey: expect.stringMatching(/^ui-[0-9a-f]{32}$/),
    });
  });

  it('disables Run with a reason without permission', async () => {
    const api = apiWith({
      inputSchema,
      data: { name: 'A', language: 'English' },
    });
    await renderOrchestratorAt('/workflows/greeting/execute', {
      api,
      deny: ['orchestrator.workflow.use'],
    });
    await screen.findByTestId('workflow-input-form');
    expect(await screen.findByTestId('run-blocked')).toHaveTextContent(
      'You are not allowed to run this workflow',
    );
    await userEvent.click(await screen.findByTestId('orchestrator-form-next'));
    await screen.findByTestId('orchestrator-form-review-table');
    expect(screen.getByRole('button', { name: 'Run' })).toBeDisabled();
    expect(
      screen.getByTestId('orchestrator-form-run-blocked'),
    ).toHaveTextContent('You are not allowed to run this workflow');
  });

  it('shows loading, and the Data Index banner on 503', async () => {
    const pending = mockOrchestratorApi({
      getWorkflowOverview: jest.fn(() => new Promise<never>(() => {})),
      getWorkflowInputSchema: jest.fn(() => new Promise<never>(() => {})),
    });
    await renderOrchestratorAt('/workflows/greeting/execute', { api: pending });
    expect(screen.getByTestId('progress')).toBeInTheDocument();

    const down = apiWith({});
    down.getWorkflowOverview.mockRejectedValue(await responseError(503));
    await renderOrchestratorAt('/workflows/greeting/execute', { api: down });
    expect(
      await screen.findByTestId('data-index-unavailable'),
    ).toBeInTheDocument();
  });

  it('shows a non-field server error as an error panel', async () => {
    const api = apiWith(
      {},
      {
        executeWorkflow: jest.fn().mockRejectedValue(await responseError(502)),
      },
    );
    await renderOrchestratorAt('/workflows/greeting/execute', { api });
    await screen.findByTestId('no-input-schema');
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Run' })).toBeEnabled(),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Run' }));
    expect(await screen.findByTestId('api-error')).toBeInTheDocument();
  });
});
