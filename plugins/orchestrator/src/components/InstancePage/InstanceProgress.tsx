import Alert from '@mui/material/Alert';
import CircularProgress from '@mui/material/CircularProgress';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import { alpha } from '@mui/material/styles';
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
import { ExpandableText } from '../shared/ExpandableText';
import { formatDateTime, formatDuration } from '../shared/formatTime';
import {
  DiagramNodeStatus,
  WorkflowDiagram,
} from '../WorkflowDiagram/WorkflowDiagram';

// Engine-internal nodes say nothing to a user reading the progress
const HIDDEN_TYPES = new Set(['Join', 'Split', 'BoundaryEvent']);

/** `stopped`: the node never finished because the run ended (aborted, or failed elsewhere). */
export type NodeStatus = 'done' | 'running' | 'failed' | 'stopped';

export function isFailingNode(
  node: NodeInstanceDTO,
  instance: ProcessInstanceDTO,
) {
  const failed = instance.error?.nodeDefinitionId;
  return (
    Boolean(failed) && (node.definitionId === failed || node.nodeId === failed)
  );
}

/**
 * The nodes the run went through, oldest first, each with its status. Once
 * the run has ended nothing is "running" any more: a failed run's unfinished
 * node is the failed one (the Data Index does not always name it), others
 * are stopped.
 */
export function progressSteps(instance: ProcessInstanceDTO) {
  const ended = Boolean(
    instance.state &&
      TERMINAL_PROCESS_INSTANCE_STATUSES.includes(instance.state),
  );
  const failedRun = instance.state === 'ERROR';
  const steps = [...(instance.nodes ?? [])]
    .filter(n => n.name && !HIDDEN_TYPES.has(n.type ?? ''))
    .sort((a, b) => (a.enter ?? '').localeCompare(b.enter ?? ''))
    .map(node => {
      let status: NodeStatus = 'done';
      if (failedRun && isFailingNode(node, instance)) status = 'failed';
      else if (!node.exit) status = ended ? 'stopped' : 'running';
      return { node, status };
    });
  if (failedRun && !steps.some(s => s.status === 'failed')) {
    for (const step of steps) {
      if (step.status === 'stopped') step.status = 'failed';
    }
  }
  return steps;
}

/**
 * Status by state name for the diagram. SonataFlow names a state's nodes
 * after the state, so a node name that matches a state colours it.
 */
export function diagramStatus(
  steps: ReturnType<typeof progressSteps>,
): Record<string, DiagramNodeStatus> {
  const status: Record<string, DiagramNodeStatus> = {};
  const rank = { done: 0, stopped: 1, running: 2, failed: 3 };
  for (const { node, status: s } of steps) {
    const name = node.name!;
    if (!status[name] || rank[s] > rank[status[name]]) status[name] = s;
  }
  return status;
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
 * Live progress by node; the failing node is marked and carries the error
 * message. With the workflow's definition, the same progress is drawn on
 * its diagram.
 */
export const InstanceProgress = ({
  instance,
  definition,
}: {
  instance: ProcessInstanceDTO;
  definition?: Record<string, unknown>;
}) => {
  const { t } = useTranslationRef(orchestratorTranslationRef);
  const steps = progressSteps(instance);
  const failedShown = steps.some(s => s.status === 'failed');
  const errorMessage = instance.error?.message ?? t('progress.unknownError');
  const stepTiming = (node: NodeInstanceDTO) =>
    node.exit && node.enter
      ? t('progress.timing', {
          start: formatDateTime(node.enter),
          duration: formatDuration(
            new Date(node.exit).getTime() - new Date(node.enter).getTime(),
          ),
        })
      : formatDateTime(node.enter);
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
      {steps.length === 0 ? (
        <div data-testid="progress-empty">{t('progress.empty')}</div>
      ) : (
        <List dense data-testid="instance-progress">
          {steps.map(({ node, status }) => (
            <ListItem
              key={node.id}
              sx={
                status === 'failed'
                  ? {
                      borderLeft: 4,
                      borderColor: 'error.main',
                      bgcolor: theme => alpha(theme.palette.error.main, 0.08),
                    }
                  : undefined
              }
              data-testid="progress-node"
              data-status={status}
            >
              <ListItemIcon>
                <StepIcon
                  status={status}
                  label={t(`progress.statusLabel.${status}`)}
                />
              </ListItemIcon>
              <ListItemText
                primary={node.name}
                secondaryTypographyProps={{ component: 'div' }}
                secondary={
                  status === 'failed' ? (
                    <ExpandableText
                      testId="failed-node-message"
                      text={instance.error?.message ?? t('progress.stepFailed')}
                    />
                  ) : (
                    stepTiming(node)
                  )
                }
              />
            </ListItem>
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
