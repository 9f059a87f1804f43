import Grid from '@mui/material/Grid';
import Alert from '@mui/material/Alert';
import { useParams, useSearchParams } from 'react-router-dom';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { useWorkflowDefinition } from '../../hooks/useWorkflowDefinition';
import { orchestratorTranslationRef } from '../../translation';
import { Content, Header, Page, Progress } from '@backstage/core-components';
import {
  STARTING_WAIT_MS,
  useWorkflowInstance,
} from '../../hooks/useWorkflowInstance';
import { useIsOrchestratorAdmin } from '../../hooks/useOrchestratorPermissions';
import { ApiErrorPanel } from '../shared/ApiErrorPanel';
import { EntityBackLink } from '../shared/EntityBackLink';
import { StatusChip } from '../shared/StatusChip';
import { ChildRunsCard } from './ChildRunsCard';
import { InstanceActions } from './InstanceActions';
import { InstanceDetailsCard } from './InstanceDetailsCard';
import { InstanceProgress } from './InstanceProgress';
import { InstanceResultCard } from './InstanceResultCard';
import { JsonCard } from './JsonCard';

/** One run: status, facts, live progress, result, inputs, variables (admins) and actions. */
export const WorkflowInstancePage = () => {
  const { instanceId = '' } = useParams();
  const { t } = useTranslationRef(orchestratorTranslationRef);
  const [params] = useSearchParams();
  const admin = useIsOrchestratorAdmin();
  const {
    instance,
    error,
    loading,
    starting,
    neverAppeared,
    refresh,
    watchForChange,
  } = useWorkflowInstance(instanceId, {
    starting: params.get('starting') === 'true',
  });

  const definition = useWorkflowDefinition(instance?.processId);

  const title =
    instance?.processName || instance?.processId || t('instance.defaultTitle');
  let body;
  if (starting) {
    body = (
      <Alert severity="info" data-testid="instance-starting">
        {t('instance.starting')}
      </Alert>
    );
  } else if (neverAppeared) {
    body = (
      <Alert severity="warning" data-testid="instance-never-appeared">
        {t('recovery.runNeverAppeared', {
          seconds: String(STARTING_WAIT_MS / 1000),
        })}
      </Alert>
    );
  } else if (loading && !instance) {
    body = <Progress />;
  } else if (error && !instance) {
    body = (
      <ApiErrorPanel
        error={error}
        title={t('instance.loadError')}
        onRetry={refresh}
        notFoundMessage={t('recovery.runNotFound')}
      />
    );
  } else if (instance) {
    body = (
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <InstanceActions
            instance={instance}
            onChanged={() => {
              watchForChange();
              refresh();
            }}
          />
        </Grid>
        {error && (
          <Grid item xs={12}>
            <ApiErrorPanel
              error={error}
              title={t('instance.refreshError')}
              onRetry={refresh}
              hasData
            />
          </Grid>
        )}
        <Grid item xs={12} md={7}>
          <InstanceDetailsCard instance={instance} />
        </Grid>
        <Grid item xs={12} md={5}>
          <InstanceProgress instance={instance} definition={definition} />
        </Grid>
        <Grid item xs={12}>
          <InstanceResultCard instance={instance} />
        </Grid>
        <Grid item xs={12} md={admin.allowed ? 6 : 12}>
          <JsonCard
            title={t('instance.inputsTitle')}
            value={instance.inputData}
            emptyText={t('instance.inputsEmpty')}
            testId="instance-inputs"
          />
        </Grid>
        {admin.allowed && (
          <Grid item xs={12} md={6}>
            <JsonCard
              title={t('instance.variablesTitle')}
              value={instance.variables}
              emptyText={t('instance.variablesEmpty')}
              testId="instance-variables"
            />
          </Grid>
        )}
        <Grid item xs={12}>
          <ChildRunsCard
            instanceId={instance.id}
            refreshKey={instance.lastUpdate}
          />
        </Grid>
      </Grid>
    );
  }

  return (
    <Page themeId="tool">
      <Header
        title={title}
        subtitle={instanceId}
        type={t('instance.headerType')}
      >
        <EntityBackLink entityRef={instance?.targetEntity} />
        <StatusChip state={instance?.state} starting={starting} />
      </Header>
      <Content>{body}</Content>
    </Page>
  );
};
