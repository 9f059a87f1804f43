import { useMemo, useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import {
  Content,
  Header,
  InfoCard,
  Page,
  Progress,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { orchestratorApiRef } from '../../api/OrchestratorApi';
import { workflowInstanceRouteRef } from '../../routes';
import { useRefreshable } from '../../hooks/useRefreshable';
import { useCanUseWorkflow } from '../../hooks/useOrchestratorPermissions';
import { ApiErrorPanel } from '../shared/ApiErrorPanel';
import { AvailabilityBadge } from '../shared/AvailabilityBadge';
import { DisabledReason } from '../shared/DisabledReason';
import { fieldErrorsOf } from '../shared/apiErrors';
import {
  buildInitialFormData,
  ErrorSchemaLike,
  toExtraErrors,
} from './prefill';
import { WorkflowInputForm } from './WorkflowInputForm';

type Data = Record<string, unknown>;

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
  const api = useApi(orchestratorApiRef);
  const navigate = useNavigate();
  const instanceLink = useRouteRef(workflowInstanceRouteRef);
  const permission = useCanUseWorkflow(workflowId);

  const { value, error, loading } = useRefreshable(async () => {
    const [overview, schema] = await Promise.all([
      api.getWorkflowOverview(workflowId),
      api.getWorkflowInputSchema(workflowId, { instanceId }),
    ]);
    return { overview, schema };
  }, [api, workflowId, instanceId]);
  const initialData = useMemo(
    () =>
      buildInitialFormData({
        schema: value?.schema.inputSchema as any,
        previous: value?.schema.data,
        query,
        targetEntity,
      }),
    // the query is read once per loaded schema: later edits are the user's
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [value],
  );

  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<Error>();
  const [extraErrors, setExtraErrors] = useState<ErrorSchemaLike>();
  const [formErrors, setFormErrors] = useState<string[]>([]);

  const submit = async (inputData: Data) => {
    setSubmitting(true);
    setSubmitError(undefined);
    setExtraErrors(undefined);
    setFormErrors([]);
    try {
      const { id } = await api.executeWorkflow(workflowId, {
        inputData,
        targetEntity,
      });
      navigate(`${instanceLink({ instanceId: id })}?starting=true`);
    } catch (e) {
      const details = fieldErrorsOf(e);
      if (details.length > 0) {
        const mapped = toExtraErrors(details);
        setExtraErrors(mapped.extraErrors);
        setFormErrors(mapped.formErrors);
      } else {
        setSubmitError(e as Error);
      }
      setSubmitting(false);
    }
  };

  const overview = value?.overview;
  const available =
    overview?.availability?.isAvailable ?? overview?.isAvailable;
  let blockedReason: string | undefined;
  if (!permission.loading && !permission.allowed) {
    blockedReason = 'You are not allowed to run this workflow';
  } else if (available === false) {
    blockedReason = 'The workflow service is unavailable';
  }

  const runButton = (onClick?: () => void) => (
    <DisabledReason reason={blockedReason}>
      <Button
        type={onClick ? 'button' : 'submit'}
        variant="contained"
        color="primary"
        disabled={submitting || permission.loading || Boolean(blockedReason)}
        onClick={onClick}
        data-testid="execute-submit"
      >
        {submitting ? 'Starting…' : 'Run'}
      </Button>
    </DisabledReason>
  );

  let body;
  if (loading) {
    body = <Progress />;
  } else if (error || !value) {
    body = (
      <ApiErrorPanel
        error={error ?? new Error('No answer')}
        title="Could not load the workflow"
      />
    );
  } else {
    body = (
      <InfoCard title={`Run ${overview?.name || workflowId}`}>
        <Box display="flex" flexDirection="column" style={{ gap: 16 }}>
          <Box
            display="flex"
            alignItems="center"
            flexWrap="wrap"
            style={{ gap: 8 }}
          >
            <AvailabilityBadge
              isAvailable={available}
              reason={overview?.availability?.reason}
            />
            {targetEntity && (
              <Chip
                size="small"
                label={`For ${targetEntity}`}
                data-testid="target-entity"
              />
            )}
            {instanceId && (
              <Chip
                size="small"
                label={`Prefilled from run ${instanceId}`}
                data-testid="prefilled-from"
              />
            )}
          </Box>
          {submitError && (
            <ApiErrorPanel error={submitError} title="The run did not start" />
          )}
          {formErrors.length > 0 && (
            <Alert severity="error" data-testid="form-errors">
              {formErrors.map(m => (
                <div key={m}>{m}</div>
              ))}
            </Alert>
          )}
          {value.schema.inputSchema ? (
            <WorkflowInputForm
              schema={value.schema.inputSchema}
              initialData={initialData}
              extraErrors={extraErrors}
              disabled={submitting}
              onSubmit={submit}
            >
              {runButton()}
            </WorkflowInputForm>
          ) : (
            <>
              <Typography variant="body2" data-testid="no-input-schema">
                This workflow takes no inputs.
              </Typography>
              <div>{runButton(() => submit({}))}</div>
            </>
          )}
        </Box>
      </InfoCard>
    );
  }

  return (
    <Page themeId="tool">
      <Header title={overview?.name || workflowId} type="Run workflow" />
      <Content>{body}</Content>
    </Page>
  );
};
