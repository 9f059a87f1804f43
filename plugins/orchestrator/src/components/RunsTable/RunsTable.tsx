import { useMemo, useState } from 'react';
import Box from '@mui/material/Box';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { ProcessInstanceDTO } from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import { workflowRouteRef } from '../../routes';
import { orchestratorTranslationRef } from '../../translation';
import { RunsScope, useRuns } from '../../hooks/useRuns';
import { useWorkflowChoices } from '../../hooks/useWorkflowChoices';
import { useIsOrchestratorAdmin } from '../../hooks/useOrchestratorPermissions';
import { ApiErrorPanel } from '../shared/ApiErrorPanel';
import { SearchField } from '../shared/SearchField';
import {
  ServerTable,
  ServerTableColumn,
  ServerTableQuery,
} from '../shared/ServerTable';
import { StatusChip } from '../shared/StatusChip';
import { WarningsBanner } from '../shared/WarningsBanner';
import { useDebouncedValue } from '../shared/useDebouncedValue';
import {
  formatDateTime,
  formatDuration,
  formatRelative,
} from '../shared/formatTime';
import { BulkActions } from './BulkActions';
import { RunIdLink } from './RunIdLink';
import { RunLogsLink } from './RunLogsLink';
import { RunsFilters } from './RunsFilters';
import { useRunsUrlState } from './useRunsUrlState';
import { buildRunsFilter, RunsFilterState } from './runsFilter';

const EntityCell = ({ entityRef }: { entityRef?: string }) => {
  if (!entityRef) return <>—</>;
  try {
    return <EntityRefLink entityRef={entityRef} />;
  } catch {
    return <>{entityRef}</>;
  }
};

function useColumns(scope: RunsScope, isAdmin: boolean) {
  const workflowLink = useRouteRef(workflowRouteRef);
  const { t } = useTranslationRef(orchestratorTranslationRef);
  const columns: ServerTableColumn<ProcessInstanceDTO>[] = [
    {
      id: 'id',
      title: t('runs.columns.id'),
      render: r => <RunIdLink id={r.id} />,
    },
  ];
  if (scope.kind !== 'workflow') {
    columns.push({
      id: 'workflow',
      title: t('runs.columns.workflow'),
      sortField: scope.kind === 'all' ? 'processName' : undefined,
      render: r => (
        <Link to={workflowLink({ workflowId: r.processId })}>
          {r.processName || r.processId}
        </Link>
      ),
    });
  }
  if (scope.kind !== 'entity') {
    columns.push({
      id: 'entity',
      title: t('runs.columns.entity'),
      render: r => <EntityCell entityRef={r.targetEntity} />,
    });
  }
  const sortable = scope.kind !== 'entity';
  columns.push(
    {
      id: 'status',
      title: t('runs.columns.status'),
      sortField: sortable ? 'state' : undefined,
      render: r => (
        <Box display="flex" alignItems="center" gap={1}>
          <StatusChip state={r.state} />
          <RunLogsLink run={r} />
        </Box>
      ),
    },
    {
      id: 'started',
      title: t('runs.columns.started'),
      sortField: sortable ? 'start' : undefined,
      render: r => (
        <Tooltip title={formatDateTime(r.start)}>
          <span>{formatRelative(r.start)}</span>
        </Tooltip>
      ),
    },
    {
      id: 'duration',
      title: t('runs.columns.duration'),
      render: r => formatDuration(r.duration),
    },
  );
  if (isAdmin) {
    columns.push({
      id: 'runBy',
      title: t('runs.columns.runBy'),
      render: r => <EntityCell entityRef={r.initiatorEntity} />,
    });
  }
  return columns;
}

/** Runs with server-side filters, search, sort and paging; admins get bulk actions. */
export const RunsTable = ({
  scope,
  title: givenTitle,
}: {
  scope: RunsScope;
  title?: string;
}) => {
  const { t } = useTranslationRef(orchestratorTranslationRef);
  const title = givenTitle ?? t('runs.title');
  const admin = useIsOrchestratorAdmin();
  const { query, filter, search, update } = useRunsUrlState();
  const [selected, setSelected] = useState<string[]>([]);
  const debouncedFilter = useDebouncedValue(filter);
  const debouncedSearch = useDebouncedValue(search.trim());
  const filters = useMemo(
    () => buildRunsFilter(debouncedFilter),
    [debouncedFilter],
  );
  const workflows = useWorkflowChoices(scope.kind === 'all');
  const columns = useColumns(scope, admin.allowed);

  const { value, error, loading, refresh } = useRuns(scope, {
    query,
    filters,
    search: debouncedSearch,
  });

  const onFilter = (next: RunsFilterState) =>
    update(c => ({ filter: next, query: { ...c.query, page: 0 } }));
  const onSearch = (text: string) =>
    update(c => ({ search: text, query: { ...c.query, page: 0 } }), true);
  const setQuery = (next: ServerTableQuery) => update(() => ({ query: next }));
  const filtered = Boolean(filters || debouncedSearch);

  return (
    <Box display="flex" flexDirection="column" gap={1.5} data-testid="runs">
      <Box
        display="flex"
        alignItems="center"
        justifyContent="space-between"
        flexWrap="wrap"
        gap={1}
      >
        <Typography variant="h6" data-testid="runs-count">
          {value
            ? t('common.withCount', {
                label: title,
                total: String(value.totalCount),
              })
            : title}
        </Typography>
        {scope.kind !== 'entity' && (
          <SearchField
            value={search}
            onChange={onSearch}
            label={t('runs.search')}
            placeholder={t('runs.searchPlaceholder')}
          />
        )}
      </Box>
      {scope.kind !== 'entity' && (
        <RunsFilters
          value={filter}
          onChange={onFilter}
          workflows={workflows}
          showWorkflow={scope.kind === 'all'}
          showRunBy={admin.allowed}
        />
      )}
      {admin.allowed && scope.kind !== 'entity' && (
        <BulkActions
          selected={selected}
          onDone={() => {
            setSelected([]);
            refresh();
          }}
        />
      )}
      {error && (
        <ApiErrorPanel
          error={error}
          title={t('runs.loadError')}
          onRetry={refresh}
          hasData={Boolean(value)}
        />
      )}
      <WarningsBanner warnings={value?.warnings} />
      {!(error && !value) && (
        <ServerTable
          testId="runs-table"
          ariaLabel={title}
          columns={columns}
          rows={value?.items ?? []}
          rowKey={r => r.id}
          totalCount={value?.totalCount ?? 0}
          query={query}
          onQueryChange={setQuery}
          loading={loading}
          selection={
            admin.allowed && scope.kind !== 'entity'
              ? { selected, onChange: setSelected }
              : undefined
          }
          emptyContent={filtered ? t('runs.noMatch') : t('runs.empty')}
        />
      )}
    </Box>
  );
};
