import { useMemo } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import {
  Content,
  Header,
  InfoCard,
  Page,
  Progress,
} from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { JsonObject } from '@backstage/types';
import { OrchestratorForm } from '@orchestrator-suite/backstage-plugin-orchestrator-form-react';
import { workflowInstanceRouteRef } from '../../routes';
import { orchestratorTranslationRef } from '../../translation';
import { useCanUseWorkflow } from '../../hooks/useOrchestratorPermissions';
import { useRunFormSource } from '../../hooks/useRunFormSource';
import { useStartRun } from '../../hooks/useStartRun';
import { EntityBackLink } from '../shared/EntityBackLink';
import { ApiErrorPanel } from '../shared/ApiErrorPanel';
import { AvailabilityBadge } from '../shared/AvailabilityBadge';
import { DisabledReason } from '../shared/DisabledReason';
import { buildInitialFormData } from './prefill';

/**
 * Starts a run. The form comes from the workflow's input schema and is
 * prefilled from a previous run (`?instanceId=`), query parameters named like
 * fields, and the target entity (`?targetEntity=`). On success the user goes
 * straight to the new run, shown as "starting" until the Data Index has it.
 */
export const ExecuteWorkflowPage = () => {
  const { workflowId = '' } = useParams();
  const [query] = useSearchParams();
  const instanceId = query.get('instanceId') ?? undefined;
  const targetEntity = query.get('targetEntity') ?? undefined;
  const navigate = useNavigate();
  const instanceLink = useRouteRef(workflowInstanceRouteRef);
  const permission = useCanUseWorkflow(workflowId);
  const { value, error, loading } = useRunFormSource(workflowId, instanceId);
  const run = useStartRun(workflowId, targetEntity);
  const { t } = useTranslationRef(orchestratorTranslationRef);

  const initialData = useMemo(
    () =>
      buildInitialFormData({
        schema: value?.schema.inputSchema as any,
        previous: value?.schema.data,
        query,
        targetEntity,
      }) as JsonObject,
    // the query is read once per loaded schema: later edits are the user's
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [value],
  );

  const execute = async (
    inputData: JsonObject,
    authTokens?: { provider: string; token: string }[],
  ) => {
    const id = await run.start(inputData, authTokens);
    if (id) navigate(`${instanceLink({ instanceId: id })}?starting=true`);
  };

  const overview = value?.overview;
  const available =
    overview?.availability?.isAvailable ?? overview?.isAvailable;
  let blockedReason: string | undefined;
  if (permission.loading) {
    blockedReason = t('execute.checkingPermission');
  } else if (!permission.allowed) {
    blockedReason = t('run.notAllowed');
  } else if (available === false) {
    blockedReason = t('run.serviceUnavailable');
  }

  let body;
  if (loading) {
    body = <Progress />;
  } else if (error || !value) {
    body = (
      <ApiErrorPanel
        error={error ?? new Error(t('common.noAnswer'))}
        title={t('execute.loadError')}
      />
    );
  } else {
    const inputSchema = value.schema.inputSchema as JsonObject | undefined;
    body = (
      <InfoCard
        title={t('execute.cardTitle', { name: overview?.name || workflowId })}
      >
        <Box display="flex" flexDirection="column" gap={2}>
          <Box display="flex" alignItems="center" flexWrap="wrap" gap={1}>
            <AvailabilityBadge
              isAvailable={available}
              reason={overview?.availability?.reason}
            />
            {targetEntity && (
              <Chip
                size="small"
                label={t('execute.forEntity', { entityRef: targetEntity })}
                data-testid="target-entity"
              />
            )}
            {instanceId && (
              <Chip
                size="small"
                label={t('execute.prefilledFrom', { instanceId })}
                data-testid="prefilled-from"
              />
            )}
          </Box>
          {blockedReason && !permission.loading && (
            <Alert severity="warning" data-testid="run-blocked">
              {blockedReason}
            </Alert>
          )}
          {run.error && (
            <ApiErrorPanel error={run.error} title={t('execute.startError')} />
          )}
          {run.formErrors.length > 0 && (
            <Alert severity="error" data-testid="form-errors">
              {run.formErrors.map(m => (
                <div key={m}>{m}</div>
              ))}
            </Alert>
          )}
          {inputSchema ? (
            <div data-testid="workflow-input-form">
              <OrchestratorForm
                schema={inputSchema as any}
                initialFormData={initialData}
                extraErrors={run.extraErrors as any}
                isExecuting={run.starting}
                disabledReason={blockedReason}
                handleExecute={execute}
              />
            </div>
          ) : (
            <>
              <Typography variant="body2" data-testid="no-input-schema">
                {t('execute.noInputs')}
              </Typography>
              <div>
                <DisabledReason reason={blockedReason}>
                  <Button
                    variant="contained"
                    disabled={run.starting || Boolean(blockedReason)}
                    onClick={() => execute({})}
                    data-testid="execute-submit"
                  >
                    {run.starting
                      ? t('execute.submitting')
                      : t('execute.submit')}
                  </Button>
                </DisabledReason>
              </div>
            </>
          )}
        </Box>
      </InfoCard>
    );
  }

  return (
    <Page themeId="tool">
      <Header
        title={overview?.name || workflowId}
        type={t('execute.headerType')}
      >
        <EntityBackLink entityRef={targetEntity} />
      </Header>
      <Content>{body}</Content>
    </Page>
  );
};
