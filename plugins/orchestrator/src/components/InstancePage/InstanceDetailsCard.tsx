import Grid from '@mui/material/Grid';
import Typography from '@mui/material/Typography';
import { InfoCard, Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { ProcessInstanceDTO } from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import { workflowInstanceRouteRef, workflowRouteRef } from '../../routes';
import { orchestratorTranslationRef } from '../../translation';
import { StatusChip } from '../shared/StatusChip';
import { formatDateTime, formatDuration } from '../shared/formatTime';
import { DetailField } from '../shared/DetailField';
import { runDuration, runEnded } from './runTimes';

const EntityValue = ({ entityRef }: { entityRef?: string }) =>
  entityRef ? <EntityRefLink entityRef={entityRef} /> : <>—</>;

/** Who, what, when: the facts of one run, with links to the runs it is related to. */
export const InstanceDetailsCard = ({
  instance,
}: {
  instance: ProcessInstanceDTO;
}) => {
  const { t } = useTranslationRef(orchestratorTranslationRef);
  const workflowLink = useRouteRef(workflowRouteRef);
  const instanceLink = useRouteRef(workflowInstanceRouteRef);
  const runLink = (id?: string) =>
    id ? <Link to={instanceLink({ instanceId: id })}>{id}</Link> : undefined;

  return (
    <InfoCard title={t('instance.detailsTitle')}>
      <Grid container spacing={2}>
        <DetailField label={t('instance.status')} testId="detail-status">
          <StatusChip state={instance.state} />
        </DetailField>
        <DetailField label={t('instance.workflow')} testId="detail-workflow">
          <Link to={workflowLink({ workflowId: instance.processId })}>
            {instance.processName || instance.processId}
          </Link>
          {instance.version
            ? t('instance.versionSuffix', { version: instance.version })
            : ''}
        </DetailField>
        <DetailField label={t('instance.runBy')} testId="detail-run-by">
          <EntityValue entityRef={instance.initiatorEntity} />
        </DetailField>
        <DetailField label={t('instance.started')} testId="detail-started">
          {formatDateTime(instance.start)}
        </DetailField>
        <DetailField label={t('instance.ended')} testId="detail-ended">
          {formatDateTime(runEnded(instance))}
        </DetailField>
        <DetailField label={t('instance.duration')} testId="detail-duration">
          {formatDuration(runDuration(instance))}
        </DetailField>
        <DetailField label={t('instance.entity')} testId="detail-entity">
          <EntityValue entityRef={instance.targetEntity} />
        </DetailField>
        {instance.parentProcessInstanceId && (
          <DetailField label={t('instance.parentRun')} testId="detail-parent">
            {runLink(instance.parentProcessInstanceId)}
          </DetailField>
        )}
        {instance.rootProcessInstanceId &&
          instance.rootProcessInstanceId !==
            instance.parentProcessInstanceId && (
            <DetailField label={t('instance.rootRun')} testId="detail-root">
              {runLink(instance.rootProcessInstanceId)}
            </DetailField>
          )}
        {instance.rerunOf && (
          <DetailField label={t('instance.rerunOf')} testId="detail-rerun-of">
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
