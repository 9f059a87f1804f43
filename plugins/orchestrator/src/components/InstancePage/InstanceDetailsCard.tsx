import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { InfoCard, Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { ProcessInstanceDTO } from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import { workflowInstanceRouteRef, workflowRouteRef } from '../../routes';
import { StatusChip } from '../shared/StatusChip';
import { formatDateTime, formatDuration } from '../shared/formatTime';
import { DetailField } from '../shared/DetailField';

const EntityValue = ({ entityRef }: { entityRef?: string }) =>
  entityRef ? <EntityRefLink entityRef={entityRef} /> : <>—</>;

/** Who, what, when: the facts of one run, with links to the runs it is related to. */
export const InstanceDetailsCard = ({
  instance,
}: {
  instance: ProcessInstanceDTO;
}) => {
  const workflowLink = useRouteRef(workflowRouteRef);
  const instanceLink = useRouteRef(workflowInstanceRouteRef);
  const runLink = (id?: string) =>
    id ? <Link to={instanceLink({ instanceId: id })}>{id}</Link> : undefined;

  return (
    <InfoCard title="Details">
      <Grid container spacing={2}>
        <DetailField label="Status" testId="detail-status">
          <StatusChip state={instance.state} />
        </DetailField>
        <DetailField label="Workflow" testId="detail-workflow">
          <Link to={workflowLink({ workflowId: instance.processId })}>
            {instance.processName || instance.processId}
          </Link>
          {instance.version ? ` (v${instance.version})` : ''}
        </DetailField>
        <DetailField label="Run by" testId="detail-run-by">
          <EntityValue entityRef={instance.initiatorEntity} />
        </DetailField>
        <DetailField label="Started" testId="detail-started">
          {formatDateTime(instance.start)}
        </DetailField>
        <DetailField label="Ended" testId="detail-ended">
          {instance.end ? formatDateTime(instance.end) : '—'}
        </DetailField>
        <DetailField label="Duration" testId="detail-duration">
          {formatDuration(instance.duration)}
        </DetailField>
        <DetailField label="Entity" testId="detail-entity">
          <EntityValue entityRef={instance.targetEntity} />
        </DetailField>
        {instance.parentProcessInstanceId && (
          <DetailField label="Parent run" testId="detail-parent">
            {runLink(instance.parentProcessInstanceId)}
          </DetailField>
        )}
        {instance.rootProcessInstanceId &&
          instance.rootProcessInstanceId !==
            instance.parentProcessInstanceId && (
            <DetailField label="Root run" testId="detail-root">
              {runLink(instance.rootProcessInstanceId)}
            </DetailField>
          )}
        {instance.rerunOf && (
          <DetailField label="Rerun of" testId="detail-rerun-of">
            {runLink(instance.rerunOf)}
          </DetailField>
        )}
        {instance.description && (
          <Grid item xs={12}>
            <Typography variant="body2">{instance.description}</Typography>
          </Grid>
        )}
      </Grid>
    </InfoCard>
  );
};
