import {
  ProcessInstanceDTO,
  ProcessInstanceListResultDTO,
  WorkflowOverviewDTO,
  WorkflowOverviewListResultDTO,
} from '@orchestrator-suite/backstage-plugin-orchestrator-common';

export const greetingOverview: WorkflowOverviewDTO = {
  workflowId: 'greeting',
  name: 'Greeting workflow',
  format: 'yaml',
  version: '1.0',
  description: 'Says hello in a language',
  lastRunId: 'run-1',
  lastTriggeredMs: Date.now() - 60_000,
  lastRunStatus: 'COMPLETED',
  isAvailable: true,
  availability: { isAvailable: true },
  stats: {
    successRatio: 0.75,
    runsLastMonth: 4,
    successCount: 3,
    errorCount: 1,
    totalCount: 4,
    averageTimeToComplete: 12500,
  },
};

export const brokenOverview: WorkflowOverviewDTO = {
  workflowId: 'broken',
  name: 'Broken workflow',
  format: 'json',
  isAvailable: false,
  availability: { isAvailable: false, reason: 'connection refused' },
};

export function overviewList(
  overviews: WorkflowOverviewDTO[],
  totalCount = overviews.length,
): WorkflowOverviewListResultDTO {
  return { overviews, totalCount, paginationInfo: { pageSize: 20, offset: 0 } };
}

export const completedRun: ProcessInstanceDTO = {
  id: 'run-1',
  processId: 'greeting',
  processName: 'Greeting workflow',
  version: '1.0',
  state: 'COMPLETED',
  start: '2024-11-21T21:10:00.000Z',
  end: '2024-11-21T21:10:01.530Z',
  duration: 1530,
  initiatorEntity: 'user:default/guest',
  targetEntity: 'component:default/my-service',
};

export const failedRun: ProcessInstanceDTO = {
  id: 'run-2',
  processId: 'greeting',
  processName: 'Greeting workflow',
  state: 'ERROR',
  start: '2024-11-21T20:00:00.000Z',
  end: '2024-11-21T20:00:02.000Z',
  duration: 2000,
  initiatorEntity: 'user:default/jane',
  error: {
    nodeDefinitionId: 'GreetInSpanish',
    message: 'Language not supported',
  },
};

export const activeRun: ProcessInstanceDTO = {
  id: 'run-3',
  processId: 'greeting',
  processName: 'Greeting workflow',
  state: 'ACTIVE',
  start: '2024-11-21T22:00:00.000Z',
  initiatorEntity: 'user:default/guest',
};

export function runList(
  items: ProcessInstanceDTO[],
  totalCount = items.length,
): ProcessInstanceListResultDTO {
  return { items, totalCount, paginationInfo: { pageSize: 20, offset: 0 } };
}
