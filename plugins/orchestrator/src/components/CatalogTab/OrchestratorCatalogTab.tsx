import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { InfoCard, Progress } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { parseWorkflowsAnnotation } from '../../catalog/isOrchestratorCatalogTabAvailable';
import { useEntityWorkflows } from '../../hooks/useEntityWorkflows';
import { orchestratorTranslationRef } from '../../translation';
import { ApiErrorPanel } from '../shared/ApiErrorPanel';
import { AvailabilityBadge } from '../shared/AvailabilityBadge';
import { RunWorkflowButton } from '../shared/RunWorkflowButton';
import { StatusChip } from '../shared/StatusChip';
import { WarningsBanner } from '../shared/WarningsBanner';
import { WorkflowNameCell } from '../shared/WorkflowNameCell';
import { StatisticsBuildingNote } from '../shared/StatisticsBuildingNote';
import { formatRatio, formatRelative } from '../shared/formatTime';
import { RunsTable } from '../RunsTable/RunsTable';

// short values and buttons stay on one line; only the name column wraps
const NO_WRAP = { whiteSpace: 'nowrap' } as const;

/**
 * The entity's Workflows tab: the workflows its `orchestrator.io/workflows`
 * annotation names (or, for `[]`, those it has run), each with a Run button
 * that carries the entity, and the entity's runs.
 */
export const OrchestratorCatalogTab = () => {
  const { entity } = useEntity();
  const { t } = useTranslationRef(orchestratorTranslationRef);
  const entityRef = stringifyEntityRef(entity);
  const ids = parseWorkflowsAnnotation(entity) ?? [];
  const { value, error, loading, refresh } = useEntityWorkflows(entityRef, ids);

  let workflows;
  if (loading) workflows = <Progress />;
  else if (error)
    workflows = (
      <ApiErrorPanel
        error={error}
        title={t('entityTab.loadError')}
        onRetry={refresh}
      />
    );
  else if (!value || value.overviews.length === 0) {
    workflows = (
      <Typography
        variant="body2"
        color="text.secondary"
        data-testid="entity-workflows-empty"
      >
        {ids.length === 0
          ? t('entityTab.noRunsYet')
          : t('entityTab.noneAvailable')}
      </Typography>
    );
  } else {
    workflows = (
      // wide tables scroll inside the card instead of squeezing their labels
      <Box sx={{ overflowX: 'auto' }}>
        <Table
          size="small"
          aria-label={t('entityTab.tableLabel')}
          data-testid="entity-workflows"
        >
          <TableHead>
            <TableRow>
              <TableCell sx={{ minWidth: 220 }}>
                {t('workflows.columns.name')}
              </TableCell>
              <TableCell sx={NO_WRAP}>
                {t('workflows.columns.availability')}
              </TableCell>
              <TableCell sx={NO_WRAP}>
                {t('workflows.columns.lastRun')}
              </TableCell>
              <TableCell sx={NO_WRAP}>
                {t('workflows.columns.runs30d')}
              </TableCell>
              <TableCell sx={NO_WRAP}>
                {t('workflows.columns.successRatio')}
              </TableCell>
              <TableCell sx={NO_WRAP}>
                {t('workflows.columns.actions')}
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {value.overviews.map(w => (
              <TableRow key={w.workflowId} data-testid="entity-workflow-row">
                <TableCell>
                  <WorkflowNameCell
                    workflowId={w.workflowId}
                    name={w.name}
                    description={w.description}
                  />
                </TableCell>
                <TableCell sx={NO_WRAP}>
                  <AvailabilityBadge
                    isAvailable={w.availability?.isAvailable ?? w.isAvailable}
                    reason={w.availability?.reason}
                  />
                </TableCell>
                <TableCell sx={NO_WRAP}>
                  {w.lastRunId ? (
                    <>
                      {formatRelative(w.lastTriggeredMs)}{' '}
                      <StatusChip state={w.lastRunStatus} />
                    </>
                  ) : (
                    t('common.never')
                  )}
                </TableCell>
                <TableCell sx={NO_WRAP}>
                  {w.stats?.runsLastMonth ?? '—'}
                </TableCell>
                <TableCell sx={NO_WRAP}>
                  {w.stats
                    ? formatRatio(
                        w.stats.successRatio,
                        w.stats.successCount + w.stats.errorCount,
                      )
                    : '—'}
                </TableCell>
                <TableCell sx={NO_WRAP}>
                  <RunWorkflowButton
                    workflowId={w.workflowId}
                    isAvailable={w.availability?.isAvailable ?? w.isAvailable}
                    unavailableReason={w.availability?.reason}
                    targetEntity={entityRef}
                  />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
    );
  }

  return (
    <Box
      display="flex"
      flexDirection="column"
      gap={3}
      data-testid="orchestrator-catalog-tab"
    >
      <InfoCard title={t('entityTab.workflowsTitle')}>
        <WarningsBanner warnings={value?.warnings} />
        <StatisticsBuildingNote statistics={value?.statistics} />
        {workflows}
      </InfoCard>
      <InfoCard title={t('entityTab.runsTitle')}>
        <RunsTable
          scope={{ kind: 'entity', entityRef }}
          title={t('runs.title')}
        />
      </InfoCard>
    </Box>
  );
};
