import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import { ProcessInstanceStatusDTO } from '@orchestrator-suite/backstage-plugin-orchestrator-common';

/** Words users know from other CI/workflow UIs, instead of the Data Index enum. */
export const STATUS_LABELS: Record<ProcessInstanceStatusDTO, string> = {
  ACTIVE: 'Running',
  ERROR: 'Failed',
  COMPLETED: 'Completed',
  ABORTED: 'Aborted',
  SUSPENDED: 'Suspended',
  PENDING: 'Pending',
};

const useStyles = makeStyles(theme => ({
  ACTIVE: {
    backgroundColor: theme.palette.info.main,
    color: theme.palette.info.contrastText,
  },
  ERROR: {
    backgroundColor: theme.palette.error.main,
    color: theme.palette.error.contrastText,
  },
  COMPLETED: {
    backgroundColor: theme.palette.success.main,
    color: theme.palette.success.contrastText,
  },
  ABORTED: {
    backgroundColor: theme.palette.grey[600],
    color: theme.palette.common.white,
  },
  SUSPENDED: {
    backgroundColor: theme.palette.warning.main,
    color: theme.palette.warning.contrastText,
  },
  PENDING: {
    backgroundColor: theme.palette.warning.light,
    color: theme.palette.warning.contrastText,
  },
  STARTING: { backgroundColor: theme.palette.grey[300] },
}));

/** Coloured run state; `starting` is the moment between submit and the Data Index seeing the run. */
export const StatusChip = ({
  state,
  starting,
}: {
  state?: ProcessInstanceStatusDTO;
  starting?: boolean;
}) => {
  const classes = useStyles();
  if (!state) {
    return starting ? (
      <Chip
        size="small"
        label="Starting"
        className={classes.STARTING}
        data-testid="run-status"
      />
    ) : (
      <>—</>
    );
  }
  return (
    <Chip
      size="small"
      label={STATUS_LABELS[state] ?? state}
      className={classes[state]}
      data-testid="run-status"
      data-state={state}
    />
  );
};
