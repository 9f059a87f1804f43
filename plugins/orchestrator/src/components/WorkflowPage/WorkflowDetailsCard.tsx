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
import { DetailField } from '../shared/DetailField';

export const WorkflowDetailsCard = ({
  overview,
}: {
  overview: WorkflowOverviewDTO;
}) => (
  <InfoCard title="Details">
    <Grid container spacing={2}>
      <DetailField label="ID" testId="workflow-id">
        {overview.workflowId}
      </DetailField>
      <DetailField label="Version" testId="workflow-version">
        {overview.version ?? '—'}
      </DetailField>
      <DetailField label="Availability" testId="workflow-availability">
        <AvailabilityBadge
          isAvailable={
            overview.availability?.isAvailable ?? overview.isAvailable
          }
          reason={overview.availability?.reason}
        />
      </DetailField>
      <DetailField label="Last run" testId="workflow-last-run">
        {overview.lastRunId ? (
          <>
            {formatDateTime(overview.lastTriggeredMs)}{' '}
            <StatusChip state={overview.lastRunStatus} />
          </>
        ) : (
          'Never'
        )}
      </DetailField>
      <DetailField label="Format" testId="workflow-format">
        {overview.format.toUpperCase()}
      </DetailField>
      {overview.category && (
        <DetailField label="Category" testId="workflow-category">
          {overview.category}
        </DetailField>
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
        <DetailField label="Runs (30 days)" testId="stats-runs-30d">
          {stats.runsLastMonth}
        </DetailField>
        <DetailField label="Success ratio" testId="stats-success-ratio">
          {formatRatio(
            stats.successRatio,
            stats.successCount + stats.errorCount,
          )}
        </DetailField>
        <DetailField label="Average duration" testId="stats-avg-duration">
          {stats.successCount > 0
            ? formatDuration(stats.averageTimeToComplete)
            : '—'}
        </DetailField>
        <DetailField label="Completed" testId="stats-success">
          {stats.successCount}
        </DetailField>
        <DetailField label="Failed" testId="stats-errors">
          {stats.errorCount}
        </DetailField>
        <DetailField label="All runs" testId="stats-total">
          {stats.totalCount}
        </DetailField>
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
