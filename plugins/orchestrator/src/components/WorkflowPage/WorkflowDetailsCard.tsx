import Chip from '@mui/material/Chip';
import Grid from '@mui/material/Grid';
import Typography from '@mui/material/Typography';
import { InfoCard } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  RunStatisticsDTO,
  WorkflowOverviewDTO,
  WorkflowRunStatsDTO,
} from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import { AvailabilityBadge } from '../shared/AvailabilityBadge';
import { StatisticsBuildingNote } from '../shared/StatisticsBuildingNote';
import { StatusChip } from '../shared/StatusChip';
import {
  formatDateTime,
  formatDuration,
  formatRatio,
} from '../shared/formatTime';
import { DetailField } from '../shared/DetailField';
import { orchestratorTranslationRef } from '../../translation';

export const WorkflowDetailsCard = ({
  overview,
}: {
  overview: WorkflowOverviewDTO;
}) => {
  const { t } = useTranslationRef(orchestratorTranslationRef);
  return (
    <InfoCard title={t('workflow.detailsTitle')}>
      <Grid container spacing={2}>
        <DetailField label={t('workflow.id')} testId="workflow-id">
          {overview.workflowId}
        </DetailField>
        <DetailField label={t('workflow.version')} testId="workflow-version">
          {overview.version ?? '—'}
        </DetailField>
        <DetailField
          label={t('workflow.availability')}
          testId="workflow-availability"
        >
          <AvailabilityBadge
            isAvailable={
              overview.availability?.isAvailable ?? overview.isAvailable
            }
            reason={overview.availability?.reason}
          />
        </DetailField>
        <DetailField label={t('workflow.lastRun')} testId="workflow-last-run">
          {overview.lastRunId ? (
            <>
              {formatDateTime(overview.lastTriggeredMs)}{' '}
              <StatusChip state={overview.lastRunStatus} />
            </>
          ) : (
            t('common.never')
          )}
        </DetailField>
        <DetailField label={t('workflow.format')} testId="workflow-format">
          {overview.format.toUpperCase()}
        </DetailField>
        {overview.category && (
          <DetailField
            label={t('workflow.category')}
            testId="workflow-category"
          >
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
              <Chip key={a} size="small" label={a} sx={{ mr: 0.5 }} />
            ))}
          </Grid>
        )}
      </Grid>
    </InfoCard>
  );
};

/**
 * Run statistics; the ratio counts only finished runs, so "—" when there are
 * none. `statistics` says where the figures came from.
 */
export const WorkflowStatsCard = ({
  stats,
  statistics,
}: {
  stats?: WorkflowRunStatsDTO;
  statistics?: RunStatisticsDTO;
}) => {
  const { t } = useTranslationRef(orchestratorTranslationRef);
  return (
    <InfoCard title={t('workflow.statsTitle')}>
      {stats ? (
        <Grid container spacing={2}>
          <DetailField label={t('workflow.runs30d')} testId="stats-runs-30d">
            {stats.runsLastMonth}
          </DetailField>
          <DetailField
            label={t('workflow.successRatio')}
            testId="stats-success-ratio"
          >
            {formatRatio(
              stats.successRatio,
              stats.successCount + stats.errorCount,
            )}
          </DetailField>
          <DetailField
            label={t('workflow.avgDuration')}
            testId="stats-avg-duration"
          >
            {stats.successCount > 0
              ? formatDuration(stats.averageTimeToComplete)
              : '—'}
          </DetailField>
          <DetailField label={t('workflow.completed')} testId="stats-success">
            {stats.successCount}
          </DetailField>
          <DetailField label={t('workflow.failed')} testId="stats-errors">
            {stats.errorCount}
          </DetailField>
          <DetailField label={t('workflow.allRuns')} testId="stats-total">
            {stats.totalCount}
          </DetailField>
        </Grid>
      ) : (
        <Typography
          variant="body2"
          color="text.secondary"
          data-testid="stats-empty"
        >
          {t('workflow.noStats')}
        </Typography>
      )}
      <StatisticsBuildingNote statistics={statistics} sx={{ mt: 2 }} />
    </InfoCard>
  );
};
