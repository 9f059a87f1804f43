import { useState } from 'react';
import Box from '@mui/material/Box';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { WorkflowOverviewDTO } from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import { workflowInstanceRouteRef } from '../../routes';
import { orchestratorTranslationRef } from '../../translation';
import { useWorkflowOverviews } from '../../hooks/useWorkflowOverviews';
import { ApiErrorPanel } from '../shared/ApiErrorPanel';
import { RunWorkflowButton } from '../shared/RunWorkflowButton';
import { SearchField } from '../shared/SearchField';
import {
  ServerTable,
  ServerTableColumn,
  ServerTableQuery,
} from '../shared/ServerTable';
import { StatusChip } from '../shared/StatusChip';
import { useDebouncedValue } from '../shared/useDebouncedValue';
import { WarningsBanner } from '../shared/WarningsBanner';
import { StatisticsBuildingNote } from '../shared/StatisticsBuildingNote';
import { AvailabilityBadge } from '../shared/AvailabilityBadge';
import { WorkflowNameCell } from '../shared/WorkflowNameCell';
import {
  formatDateTime,
  formatDuration,
  formatRatio,
  formatRelative,
} from '../shared/formatTime';

const INITIAL_QUERY: ServerTableQuery = {
  page: 0,
  pageSize: 20,
  orderBy: 'name',
  orderDirection: 'ASC',
};

function useColumns(): ServerTableColumn<WorkflowOverviewDTO>[] {
  const instanceLink = useRouteRef(workflowInstanceRouteRef);
  const { t } = useTranslationRef(orchestratorTranslationRef);
  return [
    {
      id: 'name',
      title: t('workflows.columns.name'),
      sortField: 'name',
      wrap: true,
      minWidth: 240,
      render: w => (
        <WorkflowNameCell
          workflowId={w.workflowId}
          name={w.name}
          description={w.description}
        />
      ),
    },
    {
      id: 'availability',
      title: t('workflows.columns.availability'),
      render: w => (
        <AvailabilityBadge
          isAvailable={w.availability?.isAvailable ?? w.isAvailable}
          reason={w.availability?.reason}
        />
      ),
    },
    {
      id: 'version',
      title: t('workflows.columns.version'),
      sortField: 'version',
      render: w => w.version ?? '—',
    },
    {
      id: 'lastRun',
      title: t('workflows.columns.lastRun'),
      render: w =>
        w.lastRunId ? (
          <Box display="flex" alignItems="center" gap={1}>
            <Tooltip title={formatDateTime(w.lastTriggeredMs)}>
              <Link to={instanceLink({ instanceId: w.lastRunId })}>
                {formatRelative(w.lastTriggeredMs)}
              </Link>
            </Tooltip>
            <StatusChip state={w.lastRunStatus} />
          </Box>
        ) : (
          t('common.never')
        ),
    },
    {
      id: 'runs30d',
      title: t('workflows.columns.runs30d'),
      render: w => w.stats?.runsLastMonth ?? '—',
    },
    {
      id: 'successRatio',
      title: t('workflows.columns.successRatio'),
      render: w =>
        w.stats
          ? formatRatio(
              w.stats.successRatio,
              w.stats.successCount + w.stats.errorCount,
            )
          : '—',
    },
    {
      id: 'avgDuration',
      title: t('workflows.columns.avgDuration'),
      render: w =>
        w.stats && w.stats.successCount > 0
          ? formatDuration(w.stats.averageTimeToComplete)
          : '—',
    },
    {
      id: 'actions',
      title: t('workflows.columns.actions'),
      render: w => (
        <RunWorkflowButton
          workflowId={w.workflowId}
          isAvailable={w.availability?.isAvailable ?? w.isAvailable}
          unavailableReason={w.availability?.reason}
        />
      ),
    },
  ];
}

/** Every workflow the user may read; search, sort and paging run on the server. */
export const WorkflowsTab = () => {
  const [query, setQuery] = useState(INITIAL_QUERY);
  const [search, setSearch] = useState('');
  const debouncedSearch = useDebouncedValue(search.trim());
  const columns = useColumns();
  const { t } = useTranslationRef(orchestratorTranslationRef);
  const { value, error, loading, refresh } = useWorkflowOverviews(
    query,
    debouncedSearch,
  );

  const onSearch = (text: string) => {
    setSearch(text);
    setQuery(q => ({ ...q, page: 0 }));
  };

  return (
    <Box display="flex" flexDirection="column" gap={2}>
      <Box
        display="flex"
        alignItems="center"
        justifyContent="space-between"
        flexWrap="wrap"
        gap={1}
      >
        <Typography variant="h6" data-testid="workflows-count">
          {value
            ? t('common.withCount', {
                label: t('workflows.heading'),
                total: String(value.totalCount),
              })
            : t('workflows.heading')}
        </Typography>
        <SearchField
          value={search}
          onChange={onSearch}
          label={t('workflows.search')}
        />
      </Box>
      {error && (
        <ApiErrorPanel
          error={error}
          title={t('workflows.loadError')}
          onRetry={refresh}
          hasData={Boolean(value)}
        />
      )}
      <WarningsBanner warnings={value?.warnings} />
      <StatisticsBuildingNote statistics={value?.statistics} />
      {!(error && !value) && (
        <ServerTable
          testId="workflows-table"
          ariaLabel={t('workflows.heading')}
          columns={columns}
          rows={value?.overviews ?? []}
          rowKey={w => w.workflowId}
          totalCount={value?.totalCount ?? 0}
          query={query}
          onQueryChange={setQuery}
          loading={loading}
          emptyContent={
            debouncedSearch
              ? t('workflows.noMatch', { search: debouncedSearch })
              : t('workflows.empty')
          }
        />
      )}
    </Box>
  );
};
