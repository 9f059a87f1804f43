import { ProcessInstanceDTO } from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import { diagramStatus, progressSteps } from './InstanceProgress';

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
