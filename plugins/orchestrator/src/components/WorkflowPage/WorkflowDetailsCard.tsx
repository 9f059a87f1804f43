import { ReactNode } from 'react';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { InfoCard } from '@backstage/core-components';
import {
  WorkflowOverviewDTO,
  WorkflowRunStatsDTO,
} from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import { AvailabilityBadge } from '../shared/AvailabilityBadge';
import { StatusChip } from '../shared/StatusChip';
import {
  formatDateTime,
  formatDuration,
  formatRatio,
} from '../shared/formatTime';

const Field = ({
  label,
  children,
  testId,
}: {
  label: string;
  children: ReactNode;
  testId: string;
}) => (
  <Grid item xs={12} sm={6} md={4}>
    <Typography variant="overline" color="textSecondary" component="div">
      {label}
    </Typography>
    <Typography variant="body2" component="div" data-testid={testId}>
      {children}
    </Typography>
  </Grid>
);

export const WorkflowDetailsCard = ({
  overview,
}: {
  overview: WorkflowOverviewDTO;
}) => (
  <InfoCard title="Details">
    <Grid container spacing={2}>
      <Field label="ID" testId="workflow-id">
        {overview.workflowId}
      </Field>
      <Field label="Version" testId="workflow-version">
        {overview.version ?? '—'}
      </Field>
      <Field label="Availability" testId="workflow-availability">
        <AvailabilityBadge
          isAvailable={
            overview.availability?.isAvailable ?? overview.isAvailable
          }
          reason={overview.availability?.reason}
        />
      </Field>
      <Field label="Last run" testId="workflow-last-run">
        {overview.lastRunId ? (
          <>
            {formatDateTime(overview.lastTriggeredMs)}{' '}
            <StatusChip state={overview.lastRunStatus} />
          </>
        ) : (
          'Never'
        )}
      </Field>
      <Field label="Format" testId="workflow-format">
        {overview.format.toUpperCase()}
      </Field>
      {overview.category && (
        <Field label="Category" testId="workflow-category">
          {overview.category}
        </Field>
      )}
      {overview.description && (
        <Grid item xs={12}>
          <Typography variant="body1" data-testid="workflow-description">
            {overview.description}
          </Typography>
        </Grid>
      )}
      {overview.annotations && overview.annotations.length > 0 && (
        <Grid item xs={12}>
          {overview.annotations.map(a => (
            <Chip key={a} size="small" label={a} style={{ marginRight: 4 }} />
          ))}
        </Grid>
      )}
    </Grid>
  </InfoCard>
);

/** Run statistics; the ratio counts only finished runs, so "—" when there are none. */
export const WorkflowStatsCard = ({
  stats,
}: {
  stats?: WorkflowRunStatsDTO;
}) => (
  <InfoCard title="Runs">
    {stats ? (
      <Grid container spacing={2}>
        <Field label="Runs (30 days)" testId="stats-runs-30d">
          {stats.runsLastMonth}
        </Field>
        <Field label="Success ratio" testId="stats-success-ratio">
          {formatRatio(
            stats.successRatio,
            stats.successCount + stats.errorCount,
          )}
        </Field>
        <Field label="Average duration" testId="stats-avg-duration">
          {stats.successCount > 0
            ? formatDuration(stats.averageTimeToComplete)
            : '—'}
        </Field>
        <Field label="Completed" testId="stats-success">
          {stats.successCount}
        </Field>
        <Field label="Failed" testId="stats-errors">
          {stats.errorCount}
        </Field>
        <Field label="All runs" testId="stats-total">
          {stats.totalCount}
        </Field>
      </Grid>
    ) : (
      <Typography
        variant="body2"
        color="textSecondary"
        data-testid="stats-empty"
      >
        No statistics yet.
      </Typography>
    )}
  </InfoCard>
);
