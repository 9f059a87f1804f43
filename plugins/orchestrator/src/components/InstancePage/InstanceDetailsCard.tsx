import { ReactNode } from 'react';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { InfoCard, Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { ProcessInstanceDTO } from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import { workflowInstanceRouteRef, workflowRouteRef } from '../../routes';
import { StatusChip } from '../shared/StatusChip';
import { formatDateTime, formatDuration } from '../shared/formatTime';

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
        <Field label="Status" testId="detail-status">
          <StatusChip state={instance.state} />
        </Field>
        <Field label="Workflow" testId="detail-workflow">
          <Link to={workflowLink({ workflowId: instance.processId })}>
            {instance.processName || instance.processId}
          </Link>
          {instance.version ? ` (v${instance.version})` : ''}
        </Field>
        <Field label="Run by" testId="detail-run-by">
          <EntityValue entityRef={instance.initiatorEntity} />
        </Field>
        <Field label="Started" testId="detail-started">
          {formatDateTime(instance.start)}
        </Field>
        <Field label="Ended" testId="detail-ended">
          {instance.end ? formatDateTime(instance.end) : '—'}
        </Field>
        <Field label="Duration" testId="detail-duration">
          {formatDuration(instance.duration)}
        </Field>
        <Field label="Entity" testId="detail-entity">
          <EntityValue entityRef={instance.targetEntity} />
        </Field>
        {instance.parentProcessInstanceId && (
          <Field label="Parent run" testId="detail-parent">
            {runLink(instance.parentProcessInstanceId)}
          </Field>
        )}
        {instance.rootProcessInstanceId &&
          instance.rootProcessInstanceId !==
            instance.parentProcessInstanceId && (
            <Field label="Root run" testId="detail-root">
              {runLink(instance.rootProcessInstanceId)}
            </Field>
          )}
        {instance.rerunOf && (
          <Field label="Rerun of" testId="detail-rerun-of">
            {runLink(instance.rerunOf)}
          </Field>
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
