import { useState } from 'react';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  NodeInstanceDTO,
  ProcessInstanceDTO,
} from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import {
  mockOrchestratorApi,
  renderWithApis,
} from '../../__testUtils__/renderWithApis';
import {
  diagramStatus,
  InstanceProgress,
  progressSteps,
} from './InstanceProgress';

const nodes = [
  {
    id: 'a',
    name: 'Fetch',
    type: 'ActionNode',
    enter: '2024-11-21T20:00:00.000Z',
    exit: '2024-11-21T20:00:01.000Z',
  },
  {
    id: 'b',
    name: 'Deploy',
    type: 'ActionNode',
    enter: '2024-11-21T20:00:02.000Z',
  },
];
const run = (patch: Partial<ProcessInstanceDTO>) =>
  ({ id: 'r', processId: 'p', nodes, ...patch } as ProcessInstanceDTO);

describe('progressSteps', () => {
  it('marks the unfinished node of a failed run as failed, even when the error names no node', () => {
    const steps = progressSteps(
      run({ state: 'ERROR', error: { nodeDefinitionId: '_jbpm-unique-9' } }),
    );
    expect(steps.map(s => s.status)).toEqual(['done', 'failed']);
    expect(diagramStatus(steps)).toEqual({ Fetch: 'done', Deploy: 'failed' });
  });

  it('shows nothing as running once the run was aborted', () => {
    const steps = progressSteps(run({ state: 'ABORTED' }));
    expect(steps.map(s => s.status)).toEqual(['done', 'stopped']);
  });

  it('keeps the unfinished node of a live run running', () => {
    const steps = progressSteps(run({ state: 'ACTIVE' }));
    expect(steps.map(s => s.status)).toEqual(['done', 'running']);
  });
});

describe('InstanceProgress', () => {
  let setRun: (r: ProcessInstanceDTO) => void = () => {};
  const Harness = ({ initial }: { initial: ProcessInstanceDTO }) => {
    const [current, set] = useState(initial);
    setRun = set;
    return <InstanceProgress instance={current} />;
  };
  const renderRun = (initial: ProcessInstanceDTO) =>
    renderWithApis(<Harness initial={initial} />, {
      api: mockOrchestratorApi(),
    });
  const at = (s: number) =>
    new Date(Date.UTC(2024, 10, 21, 20, 0, s)).toISOString();
  const rowOf = (name: string) =>
    screen
      .getAllByTestId('progress-node')
      .find(row => within(row).queryByText(name))!;

  beforeEach(() => window.sessionStorage.clear());

  it('shows a looping run of 28 node instances as one row per node, with repeat counts and the switch state', async () => {
    const loop: NodeInstanceDTO[] = [
      {
        id: 'start',
        name: 'Start',
        type: 'StartNode',
        enter: at(0),
        exit: at(0),
      },
    ];
    for (let i = 0; i < 13; i++) {
      loop.push(
        {
          id: `poll-${i}`,
          name: 'PollStatus',
          type: 'ActionNode',
          enter: at(1 + 2 * i),
          exit: at(1 + 2 * i),
        },
        {
          id: `ready-${i}`,
          name: 'IsReady',
          type: 'Split',
          enter: at(2 + 2 * i),
          exit: at(2 + 2 * i),
        },
      );
    }
    loop.push({
      id: 'end',
      name: 'End',
      type: 'EndNode',
      enter: at(40),
      exit: at(40),
    });
    expect(loop).toHaveLength(28);
    await renderRun(run({ state: 'COMPLETED', nodes: loop }));

    const rows = screen.getAllByTestId('progress-node');
    expect(rows.map(r => r.dataset.name)).toEqual([
      'Start',
      'PollStatus',
      'IsReady',
      'End',
    ]);
    expect(rowOf('PollStatus')).toHaveAttribute('data-count', '13');
    expect(rowOf('IsReady')).toHaveAttribute('data-status', 'done');
    expect(
      within(rowOf('IsReady')).getByTestId('progress-repeats'),
    ).toHaveTextContent('13 times');
    expect(screen.queryAllByTestId('progress-attempt')).toHaveLength(0);

    await userEvent.click(
      screen.getByRole('button', { name: 'Show the attempts of PollStatus' }),
    );
    expect(screen.getAllByTestId('progress-attempt')).toHaveLength(13);
    expect(screen.getByText('Attempt 13')).toBeInTheDocument();
  });

  it('keeps the failed attempt after a retrigger replaced it, marked as failed and retried', async () => {
    const start = {
      id: 's',
      name: 'Start',
      type: 'StartNode',
      enter: at(0),
      exit: at(0),
    };
    await renderRun(
      run({
        state: 'ERROR',
        error: { nodeDefinitionId: 'Deploy', message: 'cluster unreachable' },
        nodes: [
          start,
          {
            id: 'd1',
            name: 'Deploy',
            type: 'ActionNode',
            definitionId: 'Deploy',
            enter: at(1),
          },
        ],
      }),
    );
    expect(rowOf('Deploy')).toHaveAttribute('data-status', 'failed');
    expect(screen.getByTestId('failed-node-message')).toHaveTextContent(
      'cluster unreachable',
    );

    // The engine drops the failed node instance and runs the node again
    act(() =>
      setRun(
        run({
          state: 'ACTIVE',
          nodes: [
            start,
            {
              id: 'd2',
              name: 'Deploy',
              type: 'ActionNode',
              definitionId: 'Deploy',
              enter: at(5),
            },
          ],
        }),
      ),
    );
    const deploy = rowOf('Deploy');
    expect(deploy).toHaveAttribute('data-status', 'running');
    expect(deploy).toHaveAttribute('data-count', '2');
    expect(
      within(deploy).getByTestId('progress-failed-attempts'),
    ).toHaveTextContent('1 failed attempt');
    expect(screen.queryByTestId('failed-node-message')).not.toBeInTheDocument();
    const attempts = screen.getAllByTestId('progress-attempt');
    expect(attempts.map(a => [a.dataset.status, a.dataset.retried])).toEqual([
      ['failed', 'true'],
      ['running', undefined],
    ]);
    expect(attempts[0]).toHaveTextContent('cluster unreachable');

    act(() =>
      setRun(
        run({
          state: 'COMPLETED',
          nodes: [
            start,
            {
              id: 'd2',
              name: 'Deploy',
              type: 'ActionNode',
              definitionId: 'Deploy',
              enter: at(5),
              exit: at(6),
            },
          ],
        }),
      ),
    );
    expect(rowOf('Deploy')).toHaveAttribute('data-status', 'done');
    expect(screen.getAllByTestId('progress-attempt')[0]).toHaveAttribute(
      'data-retried',
      'true',
    );
  });
});
