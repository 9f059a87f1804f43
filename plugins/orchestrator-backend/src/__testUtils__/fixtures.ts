import type {
  ProcessInstanceRecord,
  RunningStandin,
} from '@orchestrator-suite/sonataflow-standin';
import { ANN, BOB, WORKFLOWS_HOST } from './harness';

const T0 = Date.parse('2026-11-01T10:00:00.000Z');

export function instance(
  id: string,
  overrides: Partial<ProcessInstanceRecord> & {
    initiator?: string;
    targetEntity?: string;
    workflowdata?: Record<string, unknown>;
  } = {},
): ProcessInstanceRecord {
  const {
    initiator = ANN,
    targetEntity,
    workflowdata = { language: 'Spanish' },
    ...rest
  } = overrides;
  return {
    id,
    processId: 'greeting',
    processName: 'Greeting workflow',
    version: '1.0',
    state: 'ACTIVE',
    endpoint: `${WORKFLOWS_HOST}/greeting`,
    serviceUrl: WORKFLOWS_HOST,
    nodes: [
      {
        id: `${id}-n1`,
        name: 'Start',
        type: 'StartNode',
        enter: T0,
        exit: T0 + 10,
        definitionId: 'd1',
        nodeId: '1',
      },
    ],
    variables: {
      workflowdata,
      initiatorEntity: initiator,
      ...(targetEntity ? { targetEntity } : {}),
    },
    start: T0,
    lastUpdate: T0 + 1000,
    executionSummary: ['started'],
    ...rest,
  };
}

/** Two workflows; Ann's and Bob's runs in the states the actions care about. */
export function seedStandard(standin: RunningStandin) {
  standin.store.putDefinition({
    id: 'greeting',
    name: 'Greeting workflow',
    version: '1.0',
    description: 'Says hello',
    serviceUrl: WORKFLOWS_HOST,
    endpoint: `${WORKFLOWS_HOST}/greeting`,
    annotations: ['workflow-type/infrastructure'],
    source: 'id: greeting\nname: Greeting workflow\n',
  });
  standin.store.putDefinition({
    id: 'secret-flow',
    name: 'Secret flow',
    version: '2.0',
    serviceUrl: WORKFLOWS_HOST,
    endpoint: `${WORKFLOWS_HOST}/secret-flow`,
    source: '{"id":"secret-flow"}',
  });
  standin.store.putInstances([
    instance('ann-active', { state: 'ACTIVE', start: T0 + 1 }),
    instance('ann-error', {
      state: 'ERROR',
      start: T0 + 2,
      end: T0 + 5002,
      error: { nodeDefinitionId: 'd2', message: 'boom' },
    }),
    instance('ann-done', {
      state: 'COMPLETED',
      start: T0 + 3,
      end: T0 + 2003,
      targetEntity: 'component:default/svc',
    }),
    instance('bob-active', { state: 'ACTIVE', initiator: BOB, start: T0 + 4 }),
    instance('bob-error', {
      state: 'ERROR',
      initiator: BOB,
      start: T0 + 5,
      end: T0 + 6,
    }),
    instance('secret-run', {
      processId: 'secret-flow',
      processName: 'Secret flow',
      start: T0 + 6,
    }),
  ]);
}
