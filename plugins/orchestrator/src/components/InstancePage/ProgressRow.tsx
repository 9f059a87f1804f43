import { ComponentType, useEffect, useState } from 'react';
import Chip from '@mui/material/Chip';
import Collapse from '@mui/material/Collapse';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import { alpha, SxProps, Theme } from '@mui/material/styles';
import ExpandLess from '@mui/icons-material/ExpandLess';
import ExpandMore from '@mui/icons-material/ExpandMore';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { orchestratorTranslationRef } from '../../translation';
import { ExpandableText } from '../shared/ExpandableText';
import { formatDateTime, formatDuration } from '../shared/formatTime';
import { NodeStatus, ProgressGroup, ProgressStep } from './progressGroups';

const failedSx: SxProps<Theme> = {
  borderLeft: 4,
  borderColor: 'error.main',
  bgcolor: theme => alpha(theme.palette.error.main, 0.08),
};

export type StepIconComponent = ComponentType<{
  status: NodeStatus;
  label: string;
}>;

/**
 * One node name of the run: its latest status, how often it ran, and (when
 * it ran more than once) its attempts on demand. Failed attempts, including
 * ones a retrigger replaced, stay listed and marked so the history is whole.
 */
export const ProgressRow = ({
  group,
  StepIcon,
}: {
  group: ProgressGroup;
  StepIcon: StepIconComponent;
}) => {
  const { t } = useTranslationRef(orchestratorTranslationRef);
  const hasRetried = group.steps.some(s => s.retried);
  const [open, setOpen] = useState(hasRetried);
  // A retrigger turns a single failed row into attempts: open them, so the
  // failure that was on screen does not seem to vanish.
  useEffect(() => {
    if (hasRetried) setOpen(true);
  }, [hasRetried]);
  const many = group.steps.length > 1;
  const latest = group.steps[group.steps.length - 1];
  const current = group.steps.find(s => s.status === 'failed' && !s.retried);
  const timing = (step: ProgressStep) =>
    step.node.exit && step.node.enter
      ? t('progress.timing', {
          start: formatDateTime(step.node.enter),
          duration: formatDuration(
            new Date(step.node.exit).getTime() -
              new Date(step.node.enter).getTime(),
          ),
        })
      : formatDateTime(step.node.enter);
  const label = (status: NodeStatus) => t(`progress.statusLabel.${status}`);

  return (
    <>
      <ListItem
        sx={group.status === 'failed' ? failedSx : undefined}
        data-testid="progress-node"
        data-status={group.status}
        data-count={group.steps.length}
        data-name={group.name}
        secondaryAction={
          many && (
            <IconButton
              edge="end"
              aria-expanded={open}
              aria-label={t(
                open ? 'progress.hideAttempts' : 'progress.showAttempts',
                { name: group.name },
              )}
              onClick={() => setOpen(!open)}
            >
              {open ? <ExpandLess /> : <ExpandMore />}
            </IconButton>
          )
        }
      >
        <ListItemIcon>
          <StepIcon status={group.status} label={label(group.status)} />
        </ListItemIcon>
        <ListItemText
          primaryTypographyProps={{ component: 'div' }}
          primary={
            <Stack direction="row" spacing={1} alignItems="center">
              <span>{group.name}</span>
              {many && (
                <Chip
                  size="small"
                  data-testid="progress-repeats"
                  label={t('progress.repeats', { count: group.steps.length })}
                />
              )}
              {group.failedAttempts > 0 && group.status !== 'failed' && (
                <Chip
                  size="small"
                  color="error"
                  variant="outlined"
                  data-testid="progress-failed-attempts"
                  label={t('progress.failedAttempts', {
                    count: group.failedAttempts,
                  })}
                />
              )}
            </Stack>
          }
          secondaryTypographyProps={{ component: 'div' }}
          secondary={
            current ? (
              <ExpandableText
                testId="failed-node-message"
                text={current.message ?? t('progress.stepFailed')}
              />
            ) : (
              timing(latest)
            )
          }
        />
      </ListItem>
      {many && (
        <Collapse in={open} unmountOnExit>
          <List dense disablePadding sx={{ pl: 7 }}>
            {group.steps.map((step, i) => (
              <ListItem
                key={step.node.id}
                sx={step.status === 'failed' ? failedSx : undefined}
                data-testid="progress-attempt"
                data-status={step.status}
                data-retried={step.retried ? 'true' : undefined}
              >
                <ListItemIcon>
                  <StepIcon status={step.status} label={label(step.status)} />
                </ListItemIcon>
                <ListItemText
                  primary={
                    step.retried
                      ? `${t('progress.attempt', {
                          number: String(i + 1),
                        })} · ${t('progress.retried')}`
                      : t('progress.attempt', { number: String(i + 1) })
                  }
                  secondaryTypographyProps={{ component: 'div' }}
                  secondary={
                    step.status === 'failed' ? (
                      <ExpandableText
                        text={step.message ?? t('progress.stepFailed')}
                      />
                    ) : (
                      timing(step)
                    )
                  }
                />
              </ListItem>
            ))}
          </List>
        </Collapse>
      )}
    </>
  );
};
