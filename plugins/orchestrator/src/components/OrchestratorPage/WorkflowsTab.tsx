import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { Link } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { WorkflowOverviewDTO } from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import { orchestratorApiRef } from '../../api/OrchestratorApi';
import { workflowInstanceRouteRef, workflowRouteRef } from '../../routes';
import { useRefreshable } from '../../hooks/useRefreshable';
import { ApiErrorPanel } from '../shared/ApiErrorPanel';
import { RunWorkflowButton } from '../shared/RunWorkflowButton';
import { SearchField } from '../shared/SearchField';
import {
  ServerTable,
  ServerTableColumn,
  ServerTableQuery,
  toPaginationInfo,
} from '../shared/ServerTable';
import { StatusChip } from '../shared/StatusChip';
import { useDebouncedValue } from '../shared/useDebouncedValue';
import { WarningsBanner } from '../shared/WarningsBanner';
import { AvailabilityBadge } from '../shared/AvailabilityBadge';
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
  const workflowLink = useRouteRef(workflowRouteRef);
  const instanceLink = useRouteRef(workflowInstanceRouteRef);
  return [
    {
      id: 'name',
      title: 'Name',
      sortField: 'name',
      wrap: true,
      render: w => (
        <>
          <Link to={workflowLink({ workflowId: w.workflowId })}>
            {w.name || w.workflowId}
          </Link>
          {w.description && (
            <Typography variant="body2" color="textSecondary">
              {w.description}
            </Typography>
          )}
        </>
      ),
    },
    {
      id: 'availability',
      title: 'Availability',
      render: w => (
        <AvailabilityBadge
          isAvailable={w.availability?.isAvailable ?? w.isAvailable}
          reason={w.availability?.reason}
        />
      ),
    },
    {
      id: 'version',
      title: 'Version',
      sortField: 'version',
      render: w => w.version ?? '—',
    },
    {
      id: 'lastRun',
      title: 'Last run',
      render: w =>
        w.lastRunId ? (
          <Box display="flex" alignItems="center" style={{ gap: 8 }}>
            <Tooltip title={formatDateTime(w.lastTriggeredMs)}>
              <Link to={instanceLink({ instanceId: w.lastRunId })}>
                {formatRelative(w.lastTriggeredMs)}
              </Link>
            </Tooltip>
            <StatusChip state={w.lastRunStatus} />
          </Box>
        ) : (
          'Never'
        ),
    },
    {
      id: 'runs30d',
      title: 'Runs (30 days)',
      render: w => w.stats?.runsLastMonth ?? '—',
    },
    {
      id: 'successRatio',
      title: 'Success ratio',
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
      title: 'Avg. duration',
      render: w =>
        w.stats && w.stats.successCount > 0
          ? formatDuration(w.stats.averageTimeToComplete)
          : '—',
    },
    {
      id: 'actions',
      title: 'Actions',
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
  const api = useApi(orchestratorApiRef);
  const [query, setQuery] = useState(INITIAL_QUERY);
  const [search, setSearch] = useState('');
  const debouncedSearch = useDebouncedValue(search.trim());
  const columns = useColumns();

  const { value, error, loading } = useRefreshable(
    () =>
      api.getWorkflowsOverview({
        paginationInfo: toPaginationInfo(query),
        search: debouncedSearch || undefined,
      }),
    [api, query, debouncedSearch],
    { keepPrevious: true },
  );

  const onSearch = (text: string) => {
    setSearch(text);
    setQuery(q => ({ ...q, page: 0 }));
  };

  return (
    <Box display="flex" flexDirection="column" style={{ gap: 16 }}>
      <Box display="flex" alignItems="center" justifyContent="space-between">
        <Typography variant="h6" data-testid="workflows-count">
          Workflows{value ? ` (${value.totalCount})` : ''}
        </Typography>
        <SearchField
          value={search}
          onChange={onSearch}
          label="Search workflows"
        />
      </Box>
      {error && (
        <ApiErrorPanel error={error} title="Could not load workflows" />
      )}
      <WarningsBanner warnings={value?.warnings} />
      {!(error && !value) && (
        <ServerTable
          testId="workflows-table"
          ariaLabel="Workflows"
          columns={columns}
          rows={value?.overviews ?? []}
          rowKey={w => w.workflowId}
          totalCount={value?.totalCount ?? 0}
          query={query}
          onQueryChange={setQuery}
          loading={loading}
          emptyContent={
            debouncedSearch
              ? `No workflows match "${debouncedSearch}".`
              : 'No workflows yet. Deploy a SonataFlow workflow and it will appear here.'
          }
        />
      )}
    </Box>
  );
};
