/* eslint jest/expect-expect: ["warn", { "assertFunctionNames": ["expect", "expectAllTranslated"] }] */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { configApiRef } from '@backstage/core-plugin-api';
import { mockApis } from '@backstage/test-utils';
import { ProcessInstanceDTO } from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import {
  activeRun,
  brokenOverview,
  completedRun,
  failedRun,
  greetingOverview,
  overviewList,
  runList,
} from './__testUtils__/fixtures';
import {
  mockOrchestratorApi,
  renderWithApis,
} from './__testUtils__/renderWithApis';
import { renderOrchestratorAt } from './__testUtils__/renderRoute';
import {
  markingTranslationApi,
  unmarkedTexts,
} from './__testUtils__/markingTranslationApi';
import { OrchestratorCatalogTab } from './components/CatalogTab/OrchestratorCatalogTab';
import { WorkflowLogsButton } from './components/InstancePage/WorkflowLogsButton';
import { OrchestratorPage } from './components/OrchestratorPage/OrchestratorPage';
import {
  formatDateTime,
  formatDuration,
  formatRelative,
} from './components/shared/formatTime';

const source = `id: greeting
start: ChooseOnLanguage
states:
  - name: ChooseOnLanguage
    type: switch
    dataConditions:
      - condition: .language == "Spanish"
        transition: GreetInSpanish
    defaultCondition:
      transition: GreetInSpanish
  - name: GreetInSpanish
    type: operation
    end: true
`;

const inputSchema = {
  type: 'object',
  required: ['language'],
  properties: {
    language: { type: 'string', title: 'Language', enum: ['English'] },
    name: { type: 'string', description: 'Who to greet' },
  },
};

const detailedRun: ProcessInstanceDTO = {
  ...failedRun,
  lastUpdate: '2024-11-21T20:00:02.000Z',
  inputData: { language: 'Spanish', person: { name: 'Ada' } },
  variables: { workflowdata: { language: 'Spanish' } },
  nodes: [
    {
      id: 'n1',
      name: 'ChooseOnLanguage',
      type: 'ActionNode',
      enter: '2024-11-21T20:00:00.000Z',
      exit: '2024-11-21T20:00:00.100Z',
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
  workflowdata: {
    result: {
      message: 'Greeted **Ada**',
      outputs: [{ key: 'Greeting', value: 'Hola Ada' }],
      nextWorkflows: [{ id: 'deploy', name: 'Deploy it' }],
    },
  },
};

/** Every string the fixtures hand to the page, and how the page formats times. */
function dataOf(...values: unknown[]): (text: string) => boolean {
  const data = new Set<string>();
  const visit = (v: unknown) => {
    if (typeof v === 'string') {
      data.add(v);
      // entity refs are shown shortened, as `kind:name` or `name`
      const ref = /^(\w+):default\/(.+)$/.exec(v);
      if (ref) {
        data.add(`${ref[1]}:${ref[2]}`);
        data.add(ref[2]);
      }
      data.add(formatDateTime(v));
      data.add(formatRelative(v));
    } else if (typeof v === 'number') {
      data.add(formatRelative(v));
      data.add(formatDateTime(v));
      data.add(formatDuration(v));
    } else if (v && typeof v === 'object') {
      Object.entries(v).forEach(([k, x]) => {
        data.add(k);
        visit(x);
      });
    }
  };
  values.forEach(visit);
  return text =>
    data.has(text) ||
    [...data].some(d => d.length > 2 && d.includes(text)) ||
    // durations ("12s", "100 ms") and run / workflow format values
    /^\d+(\.\d+)?\s?(ms|[dhms])(\s\d+[dhms])?$/.test(text) ||
    /^(YAML|JSON)$/.test(text);
}

const expectAllTranslated = async (isData: (text: string) => boolean) => {
  await waitFor(() => expect(unmarkedTexts(document.body, isData)).toEqual([]));
};

describe('translations', () => {
  it('finds text that bypasses the translation ref (the check itself works)', async () => {
    document.body.innerHTML =
      '<div><span>\u27eaTranslated</span><span>Hard-coded</span><button aria-label="Plain label">x</button><span>run-1</span><input placeholder="Plain hint"></div>';
    expect(unmarkedTexts(document.body, dataOf(completedRun))).toEqual([
      'Hard-coded',
      'x',
      'Plain label',
      'Plain hint',
    ]);
    document.body.innerHTML = '';
  });

  it('leaves no text of the Workflows and All runs tabs outside the translation ref', async () => {
    const api = mockOrchestratorApi({
      getWorkflowsOverview: jest
        .fn()
        .mockResolvedValue(overviewList([greetingOverview, brokenOverview])),
      getInstances: jest
        .fn()
        .mockResolvedValue(runList([completedRun, failedRun])),
    });
    const isData = dataOf(
      greetingOverview,
      brokenOverview,
      completedRun,
      failedRun,
    );
    await renderWithApis(<OrchestratorPage />, {
      api,
      translationApi: markingTranslationApi(),
    });
    await screen.findByText('Greeting workflow');
    await expectAllTranslated(isData);

    await userEvent.click(screen.getByTestId('tab-runs'));
    await screen.findByText('run-2');
    // before the dialog: it hides the rest of the page from the check (aria-hidden)
    await expectAllTranslated(isData);
    // the bulk bar and its dialog appear only with a selection
    await userEvent.click(screen.getAllByRole('checkbox')[0]);
    await userEvent.click(screen.getByTestId('bulk-abort'));
    await screen.findByRole('dialog');
    await expectAllTranslated(isData);
  }, 90000);

  it('leaves no text of the workflow page outside the translation ref', async () => {
    const api = mockOrchestratorApi({
      getWorkflowOverview: jest.fn().mockResolvedValue(greetingOverview),
      getWorkflowSource: jest.fn().mockResolvedValue(source),
      getWorkflowInputSchema: jest.fn().mockResolvedValue({ inputSchema }),
      getWorkflowInstances: jest
        .fn()
        .mockResolvedValue(runList([completedRun])),
    });
    await renderOrchestratorAt('/workflows/greeting', {
      api,
      translationApi: markingTranslationApi(),
    });
    await screen.findByTestId('workflow-diagram');
    await screen.findByTestId('input-schema');
    await screen.findByText('run-1');
    await expectAllTranslated(
      dataOf(greetingOverview, completedRun, inputSchema, [
        'ChooseOnLanguage',
        'GreetInSpanish',
        '.language == "Spanish"',
        'string',
        'switch',
        'operation',
      ]),
    );
  });

  it('leaves no text of a failed run page outside the translation ref', async () => {
    const api = mockOrchestratorApi({
      getInstance: jest.fn().mockResolvedValue(detailedRun),
      getInstances: jest.fn().mockResolvedValue(runList([completedRun])),
      getWorkflowSource: jest.fn().mockResolvedValue(source),
    });
    await renderOrchestratorAt('/instances/run-2', {
      api,
      translationApi: markingTranslationApi(),
    });
    await screen.findByTestId('failed-node-message');
    await screen.findByTestId('child-runs');
    await screen.findByTestId('workflow-diagram');
    await expectAllTranslated(
      dataOf(detailedRun, completedRun, [
        '"Spanish"',
        '"Ada"',
        '"Hola Ada"',
        'Greeted',
        'switch',
        'operation',
        '.language == "Spanish"',
      ]),
    );
  });

  it('leaves no text of the run logs dialog outside the translation ref', async () => {
    const logs = {
      instanceId: 'run-3',
      truncated: true,
      limit: 1,
      logs: [
        {
          id: '1',
          timestamp: '2024-11-21T22:00:01.000Z',
          log: 'INFO started run-3',
        },
      ],
    };
    const api = mockOrchestratorApi({
      getWorkflowLogs: jest.fn().mockResolvedValue(logs),
    });
    await renderWithApis(<WorkflowLogsButton instance={activeRun} />, {
      api,
      translationApi: markingTranslationApi(),
      extraApis: [
        [
          configApiRef,
          mockApis.config({
            data: { orchestrator: { workflowLogProvider: {} } },
          }),
        ],
      ],
    });
    await userEvent.click(await screen.findByTestId('action-view-logs'));
    await screen.findByTestId('logs-lines');
    await screen.findByTestId('logs-truncated');
    await expectAllTranslated(dataOf(activeRun, logs));
  });

  it('leaves no text of the entity Workflows tab outside the translation ref', async () => {
    const entity: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'my-service',
        annotations: { 'orchestrator.io/workflows': '["greeting","broken"]' },
      },
      spec: {},
    };
    const api = mockOrchestratorApi({
      getWorkflowsOverviewForEntity: jest
        .fn()
        .mockResolvedValue(overviewList([greetingOverview, brokenOverview])),
      getInstancesForEntity: jest
        .fn()
        .mockResolvedValue(runList([completedRun])),
    });
    await renderWithApis(
      <EntityProvider entity={entity}>
        <OrchestratorCatalogTab />
      </EntityProvider>,
      { api, translationApi: markingTranslationApi() },
    );
    await screen.findAllByTestId('entity-workflow-row');
    await screen.findByText('run-1');
    await expectAllTranslated(
      dataOf(greetingOverview, brokenOverview, completedRun),
    );
  });
});
