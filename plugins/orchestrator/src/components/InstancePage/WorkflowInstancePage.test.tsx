import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { alertApiRef } from '@backstage/core-plugin-api';
import { ProcessInstanceDTO } from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import {
  activeRun,
  completedRun,
  failedRun,
  runList,
} from '../../__testUtils__/fixtures';
import {
  manualSignalApi,
  mockOrchestratorApi,
  responseError,
} from '../../__testUtils__/renderWithApis';
import { renderOrchestratorAt } from '../../__testUtils__/renderRoute';

const detailedFailedRun: ProcessInstanceDTO = {
  ...failedRun,
  inputData: { language: 'Spanish', name: 'Ada' },
  variables: { workflowdata: { language: 'Spanish' } },
  nodes: [
    {
      id: 'n1',
      name: 'Start',
      type: 'StartNode',
      enter: '2024-11-21T20:00:00.000Z',
      exit: '2024-11-21T20:00:00.100Z',
      definitionId: 'start',
    },
    {
      id: 'n2',
      name: 'GreetInSpanish',
      type: 'ActionNode',
      enter: '2024-11-21T20:00:01.000Z',
      definitionId: 'GreetInSpanish',
    },
  ],
  parentProcessInstanceId: 'parent-1',
  rerunOf: 'run-0',
};

const resultRun: ProcessInstanceDTO = {
  ...completedRun,
  workflowdata: {
    result: {
      message: 'Created **project** in the cluster',
      outputs: [
        {
          key: 'Project URL',
          value: 'https://console.example.com/p/1',
          format: 'link',
        },
        { key: 'Pods', value: 3, format: 'number' },
        { key: 'Notes', value: '*important*', format: 'markdown' },
        {
          key: 'Evil',
          value: ['javascript', 'alert(1)'].join(':'),
          format: 'link',
        },
        { key: 'Plain', value: 'just text' },
      ],
      nextWorkflows: [{ id: 'deploy', name: 'Deploy it' }],
      workflowOptions: {
        upgradeOptions: [{ id: 'upgrade-wf', name: 'Upgrade' }],
        otherOptions: { id: 'other-wf', name: 'Other' },
      },
    },
  },
};

function apiFor(instance: ProcessInstanceDTO) {
  return mockOrchestratorApi({
    getInstance: jest.fn().mockResolvedValue(instance),
    getInstances: jest.fn().mockResolvedValue(runList([])),
  });
}

describe('WorkflowInstancePage', () => {
  it('shows status, details, progress with the failing node, inputs and variables', async () => {
    const api = apiFor(detailedFailedRun);
    await renderOrchestratorAt('/instances/run-2', { api });

    expect(await screen.findByTestId('detail-status')).toHaveTextContent(
      'Failed',
    );
    expect(screen.getByTestId('detail-run-by')).toHaveTextContent('jane');
    expect(screen.getByTestId('detail-duration')).toHaveTextContent('2s');
    expect(
      within(screen.getByTestId('detail-parent')).getByRole('link'),
    ).toHaveAttribute('href', '/orchestrator/instances/parent-1');
    expect(screen.getByTestId('detail-rerun-of')).toHaveTextContent('run-0');

    const nodes = screen.getAllByTestId('progress-node');
    expect(nodes.map(n => n.getAttribute('data-status'))).toEqual([
      'done',
      'failed',
    ]);
    expect(screen.getByTestId('failed-node-message')).toHaveTextContent(
      'Language not supported',
    );

    expect(screen.getByTestId('instance-inputs')).toHaveTextContent('Ada');
    expect(screen.getByTestId('instance-variables')).toHaveTextContent(
      'workflowdata',
    );
  });

  it('draws the progress on the workflow diagram when the definition is available', async () => {
    const api = apiFor({
      ...detailedFailedRun,
      nodes: [
        {
          id: 'a',
          name: 'ChooseOnLanguage',
          type: 'Split',
          enter: '2024-11-21T20:00:00.000Z',
          exit: '2024-11-21T20:00:00.100Z',
        },
        {
          id: 'b',
          name: 'ChooseOnLanguage',
          type: 'ActionNode',
          enter: '2024-11-21T20:00:00.050Z',
          exit: '2024-11-21T20:00:00.100Z',
        },
        {
          id: 'c',
          name: 'GreetInSpanish',
          type: 'ActionNode',
          enter: '2024-11-21T20:00:01.000Z',
          definitionId: 'GreetInSpanish',
        },
      ],
    });
    api.getWorkflowSource.mockResolvedValue(
      [
        'id: greeting',
        'start: ChooseOnLanguage',
        'states:',
        '  - name: ChooseOnLanguage',
        '    type: switch',
        '    dataConditions: [{ condition: .es, transition: GreetInSpanish }]',
        '    defaultCondition: { transition: GreetPerson }',
        '  - name: GreetInSpanish',
        '    type: inject',
        '    transition: GreetPerson',
        '  - name: GreetPerson',
        '    type: operation',
        '    end: true',
      ].join('\n'),
    );
    await renderOrchestratorAt('/instances/run-2', { api });
    const diagram = await screen.findByTestId('workflow-diagram');
    const status = (name: string) =>
      diagram
        .querySelector(`[data-node="${name}"]`)
        ?.getAttribute('data-status');
    expect(status('ChooseOnLanguage')).toBe('done');
    expect(status('GreetInSpanish')).toBe('failed');
    expect(status('GreetPerson')).toBe('none');
    expect(api.getWorkflowSource).toHaveBeenCalledTimes(1);
  });

  it('hides variables from non-admins', async () => {
    const api = apiFor(detailedFailedRun);
    await renderOrchestratorAt('/instances/run-2', {
      api,
      deny: [
        'orchestrator.workflowAdminView',
        'orchestrator.instanceAdminView',
      ],
    });
    await screen.findByTestId('instance-inputs');
    expect(screen.queryByTestId('instance-variables')).not.toBeInTheDocument();
  });

  it('renders the WorkflowResult: markdown message, outputs by format, launch links', async () => {
    const api = apiFor(resultRun);
    await renderOrchestratorAt('/instances/run-1', { api });

    const message = await screen.findByTestId('result-message');
    expect(within(message).getByText('project').tagName).toBe('STRONG');
    const outputs = screen.getByTestId('result-outputs');
    expect(
      within(outputs).getByRole('link', {
        name: /https:\/\/console.example.com\/p\/1/,
      }),
    ).toHaveAttribute('href', 'https://console.example.com/p/1');
    expect(within(outputs).getByText('3')).toHaveAttribute(
      'data-format',
      'number',
    );
    expect(within(outputs).getByText('important').tagName).toBe('EM');
    expect(
      within(outputs).queryByRole('link', { name: /javascript/ }),
    ).not.toBeInTheDocument();
    expect(within(outputs).getByText('just text')).toBeInTheDocument();

    expect(screen.getByTestId('next-workflow-deploy')).toHaveAttribute(
      'href',
      '/orchestrator/workflows/deploy/execute?targetEntity=component%3Adefault%2Fmy-service&instanceId=run-1',
    );
    expect(screen.getByTestId('next-workflow-upgrade-wf')).toHaveTextContent(
      'Upgrade',
    );
    expect(screen.getByTestId('next-workflow-other-wf')).toBeInTheDocument();
    expect(screen.getByText('Upgrade options')).toBeInTheDocument();
  });

  it('enables only the actions the state allows, and says why for the others', async () => {
    const api = apiFor(completedRun);
    await renderOrchestratorAt('/instances/run-1', { api });
    await screen.findByTestId('instance-actions');
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Rerun' })).toBeEnabled(),
    );
    expect(screen.getByRole('button', { name: 'Abort' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Retrigger' })).toBeDisabled();
    expect(
      screen.getByLabelText(
        'Only running, failed or suspended runs can be aborted',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByLabelText(
        'Only failed runs can be retriggered from the failed node',
      ),
    ).toBeInTheDocument();
  });

  it('aborts after confirmation and refreshes', async () => {
    const api = apiFor(activeRun);
    api.abortInstance.mockResolvedValue(undefined);
    await renderOrchestratorAt('/instances/run-3', { api });
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Abort' })).toBeEnabled(),
    );
    expect(screen.getByRole('button', { name: 'Rerun' })).toBeDisabled();
    api.getInstance.mockResolvedValue({ ...activeRun, state: 'ABORTED' });
    await userEvent.click(screen.getByRole('button', { name: 'Abort' }));
    expect(screen.getByText('Abort this run?')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Abort run' }));
    expect(api.abortInstance).toHaveBeenCalledWith('run-3');
    await waitFor(() =>
      expect(screen.getByTestId('detail-status')).toHaveTextContent('Aborted'),
    );
  });

  it('names the confirm button after the action and posts one neutral toast for an abort', async () => {
    const api = apiFor(activeRun);
    api.abortInstance.mockResolvedValue(undefined);
    const alertApi = { post: jest.fn(), alert$: jest.fn() };
    await renderOrchestratorAt('/instances/run-3', {
      api,
      extraApis: [[alertApiRef, alertApi]],
    });
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Abort' })).toBeEnabled(),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Abort' }));
    const dialog = screen.getByRole('dialog');
    expect(
      within(dialog).queryByRole('button', { name: /confirm/i }),
    ).not.toBeInTheDocument();
    await userEvent.dblClick(
      within(dialog).getByRole('button', { name: 'Abort run' }),
    );
    await waitFor(() => expect(alertApi.post).toHaveBeenCalled());
    expect(api.abortInstance).toHaveBeenCalledTimes(1);
    expect(alertApi.post).toHaveBeenCalledTimes(1);
    expect(alertApi.post).toHaveBeenCalledWith(
      expect.objectContaining({ message: 'Run aborted', severity: 'info' }),
    );
  });

  it('shows when a failed run ended and how long it took, though the Data Index gives no end', async () => {
    const api = apiFor({
      ...failedRun,
      end: undefined,
      duration: undefined,
      lastUpdate: '2024-11-21T20:00:07.000Z',
    });
    await renderOrchestratorAt('/instances/run-2', { api });
    expect(await screen.findByTestId('detail-ended')).not.toHaveTextContent(
      '—',
    );
    expect(screen.getByTestId('detail-duration')).toHaveTextContent('7s');
  });

  it('retriggers a failed run after confirmation', async () => {
    const api = apiFor(failedRun);
    api.retriggerInstance.mockResolvedValue(undefined);
    await renderOrchestratorAt('/instances/run-2', { api });
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Retrigger' })).toBeEnabled(),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Retrigger' }));
    await userEvent.click(
      screen.getByRole('button', { name: 'Retrigger run' }),
    );
    expect(api.retriggerInstance).toHaveBeenCalledWith('greeting', 'run-2');
  });

  it('reruns and goes at once to the new run in a starting state', async () => {
    const api = apiFor(completedRun);
    api.rerunInstance.mockResolvedValue({ id: 'run-new' });
    await renderOrchestratorAt('/instances/run-1', { api });
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Rerun' })).toBeEnabled(),
    );
    api.getInstance.mockImplementation(async id => {
      if (id === 'run-new') throw await responseError(404);
      return completedRun;
    });
    await userEvent.click(screen.getByRole('button', { name: 'Rerun' }));
    await userEvent.click(
      within(screen.getByRole('dialog')).getByRole('button', {
        name: 'Rerun',
      }),
    );
    expect(api.rerunInstance).toHaveBeenCalledWith('greeting', 'run-1', {
      targetEntity: 'component:default/my-service',
      idempotencyKey: expect.stringMatching(/^ui-[0-9a-f]{32}$/),
    });
    expect(await screen.findByTestId('instance-starting')).toBeInTheDocument();
    expect(screen.getByTestId('run-status')).toHaveTextContent('Starting');
  });

  it('disables actions with a reason when the user may not use the workflow', async () => {
    const api = apiFor(failedRun);
    await renderOrchestratorAt('/instances/run-2', {
      api,
      deny: ['orchestrator.workflow.use'],
    });
    await screen.findByTestId('instance-actions');
    await waitFor(() =>
      expect(
        screen.getAllByLabelText('You are not allowed to run this workflow'),
      ).toHaveLength(4),
    );
  });

  it('refreshes on a signal of its channel, without polling', async () => {
    const signalApi = manualSignalApi();
    const api = apiFor(activeRun);
    await renderOrchestratorAt('/instances/run-3', { api, signalApi });
    expect(await screen.findByTestId('detail-status')).toHaveTextContent(
      'Running',
    );
    expect(signalApi.channels()).toContain('orchestrator:instance:run-3');
    const calls = api.getInstance.mock.calls.length;
    api.getInstance.mockResolvedValue({ ...activeRun, state: 'COMPLETED' });
    act(() =>
      signalApi.emit('orchestrator:instance:run-3', {
        type: 'instance-updated',
        instanceId: 'run-3',
        workflowId: 'greeting',
        state: 'COMPLETED',
      }),
    );
    await waitFor(() =>
      expect(screen.getByTestId('detail-status')).toHaveTextContent(
        'Completed',
      ),
    );
    expect(api.getInstance.mock.calls.length).toBe(calls + 1);
  });

  it('shows loading, then not found on 404, and the Data Index banner on 503', async () => {
    const pending = mockOrchestratorApi({
      getInstance: jest.fn(() => new Promise<never>(() => {})),
    });
    await renderOrchestratorAt('/instances/x', { api: pending });
    expect(screen.getByTestId('progress')).toBeInTheDocument();

    const missing = mockOrchestratorApi({
      getInstance: jest.fn().mockRejectedValue(await responseError(404)),
    });
    await renderOrchestratorAt('/instances/x', { api: missing });
    expect(await screen.findByTestId('not-found')).toBeInTheDocument();

    const down = mockOrchestratorApi({
      getInstance: jest.fn().mockRejectedValue(await responseError(503)),
    });
    await renderOrchestratorAt('/instances/x', { api: down });
    expect(
      await screen.findByTestId('data-index-unavailable'),
    ).toBeInTheDocument();
  });

  it('shows an empty result while the run is active', async () => {
    const api = apiFor(activeRun);
    await renderOrchestratorAt('/instances/run-3', { api });
    expect(await screen.findByTestId('result-empty')).toHaveTextContent(
      'not reported a result yet',
    );
    expect(screen.getByTestId('progress-empty')).toBeInTheDocument();
  });
});
