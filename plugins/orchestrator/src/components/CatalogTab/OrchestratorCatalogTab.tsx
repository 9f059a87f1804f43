import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { InfoCard, Link, Progress } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { workflowSignalChannel } from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import { orchestratorApiRef } from '../../api/OrchestratorApi';
import { parseWorkflowsAnnotation } from '../../catalog/isOrchestratorCatalogTabAvailable';
import { useRefreshable } from '../../hooks/useRefreshable';
import { useSignalChannels } from '../../hooks/useSignalChannels';
import { workflowRouteRef } from '../../routes';
import { ApiErrorPanel } from '../shared/ApiErrorPanel';
import { AvailabilityBadge } from '../shared/AvailabilityBadge';
import { RunWorkflowButton } from '../shared/RunWorkflowButton';
import { StatusChip } from '../shared/StatusChip';
import { WarningsBanner } from '../shared/WarningsBanner';
import { formatRatio, formatRelative } from '../shared/formatTime';
import { RunsTable } from '../RunsTable/RunsTable';

/**
 * The entity's Workflows tab: the workflows its `orchestrator.io/workflows`
 * annotation names (or, for `[]`, those it has run), each with a Run button
 * that carries the entity, and the entity's runs.
 */
export const OrchestratorCatalogTab = () => {
  const { entity } = useEntity();
  const api = useApi(orchestratorApiRef);
  const workflowLink = useRouteRef(workflowRouteRef);
  const entityRef = stringifyEntityRef(entity);
  const ids = parseWorkflowsAnnotation(entity) ?? [];
  const idsKey = ids.join(',');

  const { value, error, loading, refresh } = useRefreshable(
    () =>
      api.getWorkflowsOverviewForEntity({
        targetEntity: entityRef,
        annotationWorkflowIds: ids,
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, entityRef, idsKey],
  );
  useSignalChannels(
    (value?.overviews ?? []).map(o => workflowSignalChannel(o.workflowId)),
    () => {
      refresh();
    },
  );

  let workflows;
  if (loading) workflows = <Progress />;
  else if (error)
    workflows = (
      <ApiErrorPanel error={error} title="Could not load the workflows" />
    );
  else if (!value || value.overviews.length === 0) {
    workflows = (
      <Typography
        variant="body2"
        color="textSecondary"
        data-testid="entity-workflows-empty"
      >
        {ids.length === 0
          ? 'No workflow has run for this entity yet.'
          : 'None of the workflows this entity lists is available to you.'}
      </Typography>
    );
  } else {
    workflows = (
      <Table
        size="small"
        aria-label="Entity workflows"
        data-testid="entity-workflows"
      >
        <TableHead>
          <TableRow>
            <TableCell>Name</TableCell>
            <TableCell>Availability</TableCell>
            <TableCell>Last run</TableCell>
            <TableCell>Runs (30 days)</TableCell>
            <TableCell>Success ratio</TableCell>
            <TableCell>Actions</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {value.overviews.map(w => (
            <TableRow key={w.workflowId} data-testid="entity-workflow-row">
              <TableCell>
                <Link to={workflowLink({ workflowId: w.workflowId })}>
                  {w.name || w.workflowId}
                </Link>
                {w.description && (
                  <Typography variant="body2" color="textSecondary">
                    {w.description}
                  </Typography>
                )}
              </TableCell>
              <TableCell>
                <AvailabilityBadge
                  isAvailable={w.availability?.isAvailable ?? w.isAvailable}
                  reason={w.availability?.reason}
                />
              </TableCell>
              <TableCell>
                {w.lastRunId ? (
                  <>
                    {formatRelative(w.lastTriggeredMs)}{' '}
                    <StatusChip state={w.lastRunStatus} />
                  </>
                ) : (
                  'Never'
                )}
              </TableCell>
              <TableCell>{w.stats?.runsLastMonth ?? '—'}</TableCell>
              <TableCell>
                {w.stats
                  ? formatRatio(
                      w.stats.successRatio,
                      w.stats.successCount + w.stats.errorCount,
                    )
                  : '—'}
              </TableCell>
              <TableCell>
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
    );
  }

  return (
    <Box
      display="flex"
      flexDirection="column"
      style={{ gap: 24 }}
      data-testid="orchestrator-catalog-tab"
    >
      <InfoCard title="Workflows">
        <WarningsBanner warnings={value?.warnings} />
        {workflows}
      </InfoCard>
      <InfoCard title="Runs for this entity">
        <RunsTable scope={{ kind: 'entity', entityRef }} title="Runs" />
      </InfoCard>
    </Box>
  );
};
