import Alert from '@mui/material/Alert';
import CircularProgress from '@mui/material/CircularProgress';
import List from '@mui/material/List';
import CheckCircle from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import StopCircleOutlined from '@mui/icons-material/StopCircleOutlined';
import { InfoCard } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  NodeInstanceDTO,
  ProcessInstanceDTO,
  TERMINAL_PROCESS_INSTANCE_STATUSES,
} from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import { orchestratorTranslationRef } from '../../translation';
import { useRetainedFailedAttempts } from '../../hooks/useRetainedFailedAttempts';
import { ExpandableText } from '../shared/ExpandableText';
import {
  DiagramNodeStatus,
  WorkflowDiagram,
} from '../WorkflowDiagram/WorkflowDiagram';
import { groupProgress, NodeStatus, ProgressStep } from './progressGroups';
import { ProgressRow } from './ProgressRow';

// Engine-internal nodes say nothing to a user reading the progress. A
// switch state is a `Split` node named after the state, so `Split` stays.
const HIDDEN_TYPES = new Set(['Join', 'BoundaryEvent']);

export type { NodeStatus, ProgressStep } from './progressGroups';

export function isFailingNode(
  node: NodeInstanceDTO,
  instance: ProcessInstanceDTO,
) {
  const failed = instance.error?.nodeDefinitionId;
  return (
    Boolean(failed) && (node.definitionId === failed || node.nodeId === failed)
  );
}

const byEnter = (a: ProgressStep, b: ProgressStep) =>
  (a.node.enter ?? '').localeCompare(b.node.enter ?? '');

/**
 * The nodes the run went through, oldest first, each with its status. Once
 * the run has ended nothing is "running" any more: a failed run's unfinished
 * node is the failed one (the Data Index does not always name it), others
 * are stopped.
 */
export function progressSteps(instance: ProcessInstanceDTO): ProgressStep[] {
  const ended = Boolean(
    instance.state &&
      TERMINAL_PROCESS_INSTANCE_STATUSES.includes(instance.state),
  );
  const failedRun = instance.state === 'ERROR';
  const steps = (instance.nodes ?? [])
    .filter(n => n.name && !HIDDEN_TYPES.has(n.type ?? ''))
    .map(node => {
      let status: NodeStatus = 'done';
      if (failedRun && isFailingNode(node, instance)) status = 'failed';
      else if (!node.exit) status = ended ? 'stopped' : 'running';
      return { node, status } as ProgressStep;
    });
  if (failedRun && !steps.some(s => s.status === 'failed')) {
    for (const step of steps) {
      if (step.status === 'stopped') step.status = 'failed';
    }
  }
  for (const step of steps) {
    if (step.status === 'failed') step.message = instance.error?.message;
  }
  return steps.sort(byEnter);
}

/**
 * Status by state name for the diagram. SonataFlow names a state's nodes
 * after the state, so a node name that matches a state colours it.
 */
export function diagramStatus(
  steps: ProgressStep[],
): Record<string, DiagramNodeStatus> {
  return Object.fromEntries(
    groupProgress(steps).map(group => [group.name, group.status]),
  );
}

/** Only a node of a live run spins; an ended run shows no spinner anywhere. */
const StepIcon = ({ status, label }: { status: NodeStatus; label: string }) => {
  switch (status) {
    case 'done':
      return <CheckCircle color="success" titleAccess={label} />;
    case 'failed':
      return <ErrorIcon color="error" titleAccess={label} />;
    case 'stopped':
      return <StopCircleOutlined color="disabled" titleAccess={label} />;
    default:
      return <CircularProgress size={20} aria-label={label} />;
  }
};

/**
 * Live progress by node name: a node that ran many times (a loop) or again
 * (a retrigger) is one row with its count and attempts; the failing node is
 * marked and carries the error message. With the workflow's definition, the
 * same progress is drawn on its diagram.
 */
export const InstanceProgress = ({
  instance,
  definition,
}: {
  instance: ProcessInstanceDTO;
  definition?: Record<string, unknown>;
}) => {
  const { t } = useTranslationRef(orchestratorTranslationRef);
  const current = progressSteps(instance);
  const retried = useRetainedFailedAttempts(
    instance.id,
    instance.nodes,
    current.filter(s => s.status === 'failed'),
  );
  const steps = [...current, ...retried].sort(byEnter);
  const groups = groupProgress(steps);
  const failedShown = current.some(s => s.status === 'failed');
  const errorMessage = instance.error?.message ?? t('progress.unknownError');
  return (
    <InfoCard title={t('progress.title')}>
      {instance.state === 'ERROR' && instance.error && !failedShown && (
        <Alert severity="error" data-testid="instance-error">
          {t('progress.failedAt', {
            node: instance.error.nodeDefinitionId ?? '',
          })}
          <ExpandableText text={errorMessage} />
        </Alert>
      )}
      {groups.length === 0 ? (
        <div data-testid="progress-empty">{t('progress.empty')}</div>
      ) : (
        <List dense data-testid="instance-progress">
          {groups.map(group => (
            <ProgressRow key={group.name} group={group} StepIcon={StepIcon} />
          ))}
        </List>
      )}
      {definition && (
        <WorkflowDiagram
          definition={definition}
          nodeStatus={diagramStatus(steps)}
        />
      )}
    </InfoCard>
  );
};
