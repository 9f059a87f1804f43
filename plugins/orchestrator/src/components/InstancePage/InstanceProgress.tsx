import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import CircularProgress from '@material-ui/core/CircularProgress';
import CheckCircle from '@material-ui/icons/CheckCircle';
import ErrorIcon from '@material-ui/icons/Error';
import Alert from '@material-ui/lab/Alert';
import { makeStyles } from '@material-ui/core/styles';
import { InfoCard } from '@backstage/core-components';
import {
  NodeInstanceDTO,
  ProcessInstanceDTO,
} from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import { formatDateTime, formatDuration } from '../shared/formatTime';
import {
  DiagramNodeStatus,
  WorkflowDiagram,
} from '../WorkflowDiagram/WorkflowDiagram';

const useStyles = makeStyles(theme => ({
  failed: {
    borderLeft: `4px solid ${theme.palette.error.main}`,
    backgroundColor:
      theme.palette.type === 'dark'
        ? undefined
        : `${theme.palette.error.light}22`,
  },
  done: { color: theme.palette.success.main },
  error: { color: theme.palette.error.main },
}));

// Engine-internal nodes say nothing to a user reading the progress
const HIDDEN_TYPES = new Set(['Join', 'Split', 'BoundaryEvent']);

export type NodeStatus = 'done' | 'running' | 'failed';

export function isFailingNode(
  node: NodeInstanceDTO,
  instance: ProcessInstanceDTO,
) {
  const failed = instance.error?.nodeDefinitionId;
  return (
    Boolean(failed) && (node.definitionId === failed || node.nodeId === failed)
  );
}

/** The nodes the run went through, oldest first, each with its status. */
export function progressSteps(instance: ProcessInstanceDTO) {
  return [...(instance.nodes ?? [])]
    .filter(n => n.name && !HIDDEN_TYPES.has(n.type ?? ''))
    .sort((a, b) => (a.enter ?? '').localeCompare(b.enter ?? ''))
    .map(node => {
      let status: NodeStatus = node.exit ? 'done' : 'running';
      if (isFailingNode(node, instance) && instance.state === 'ERROR')
        status = 'failed';
      return { node, status };
    });
}

/**
 * Status by state name for the diagram. SonataFlow names a state's nodes
 * after the state, so a node name that matches a state colours it.
 */
export function diagramStatus(
  steps: ReturnType<typeof progressSteps>,
): Record<string, DiagramNodeStatus> {
  const status: Record<string, DiagramNodeStatus> = {};
  const rank = { done: 0, running: 1, failed: 2 };
  for (const { node, status: s } of steps) {
    const name = node.name!;
    if (!status[name] || rank[s] > rank[status[name]]) status[name] = s;
  }
  return status;
}

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
  const classes = useStyles();
  const steps = progressSteps(instance);
  const failedShown = steps.some(s => s.status === 'failed');
  return (
    <InfoCard title="Progress">
      {instance.state === 'ERROR' && instance.error && !failedShown && (
        <Alert severity="error" data-testid="instance-error">
          Failed at {instance.error.nodeDefinitionId}:{' '}
          {instance.error.message ?? 'unknown error'}
        </Alert>
      )}
      {steps.length === 0 ? (
        <div data-testid="progress-empty">No steps recorded yet.</div>
      ) : (
        <List dense data-testid="instance-progress">
          {steps.map(({ node, status }) => (
            <ListItem
              key={node.id}
              className={status === 'failed' ? classes.failed : undefined}
              data-testid="progress-node"
              data-status={status}
            >
              <ListItemIcon>
                {status === 'done' && <CheckCircle className={classes.done} />}
                {status === 'failed' && <ErrorIcon className={classes.error} />}
                {status === 'running' && <CircularProgress size={20} />}
              </ListItemIcon>
              <ListItemText
                primary={node.name}
                secondary={
                  status === 'failed' ? (
                    <span data-testid="failed-node-message">
                      {instance.error?.message ?? 'This step failed'}
                    </span>
                  ) : (
                    `${formatDateTime(node.enter)}${
                      node.exit && node.enter
                        ? ` · ${formatDuration(
                            new Date(node.exit).getTime() -
                              new Date(node.enter).getTime(),
                          )}`
                        : ''
                    }`
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
