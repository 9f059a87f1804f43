import { useRef, useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import { alertApiRef, useApi, useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { ProcessInstanceDTO } from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import { orchestratorApiRef } from '../../api/OrchestratorApi';
import { workflowInstanceRouteRef } from '../../routes';
import { useCanUseWorkflow } from '../../hooks/useOrchestratorPermissions';
import { useStartAttemptKey } from '../../hooks/startAttemptKey';
import { orchestratorTranslationRef } from '../../translation';
import { ConfirmDialog } from '../shared/ConfirmDialog';
import { DisabledReason } from '../shared/DisabledReason';
import { useExecuteWorkflowLink } from '../shared/RunWorkflowButton';
import { InstanceAction, isActionAllowed } from './instanceActionRules';

const ACTIONS: InstanceAction[] = ['abort', 'retrigger', 'rerun'];

function useActionText() {
  const { t } = useTranslationRef(orchestratorTranslationRef);
  return {
    abort: {
      label: t('actions.abort'),
      confirm: t('actions.confirmAbort'),
      title: t('actions.abortTitle'),
      body: t('actions.abortBody'),
      failed: (message: string) => t('actions.abortFailed', { message }),
    },
    retrigger: {
      label: t('actions.retrigger'),
      confirm: t('actions.confirmRetrigger'),
      title: t('actions.retriggerTitle'),
      body: t('actions.retriggerBody'),
      failed: (message: string) => t('actions.retriggerFailed', { message }),
    },
    rerun: {
      label: t('actions.rerun'),
      confirm: t('actions.confirmRerun'),
      title: t('actions.rerunTitle'),
      body: t('actions.rerunBody'),
      failed: (message: string) => t('actions.rerunFailed', { message }),
    },
  } satisfies Record<InstanceAction, unknown>;
}

/** Abort, Retrigger and Rerun, each behind a confirmation and the rules of the run's state. */
export const InstanceActions = ({
  instance,
  onChanged,
}: {
  instance: ProcessInstanceDTO;
  onChanged: () => void;
}) => {
  const { t } = useTranslationRef(orchestratorTranslationRef);
  const text = useActionText();
  const api = useApi(orchestratorApiRef);
  const alertApi = useApi(alertApiRef);
  const navigate = useNavigate();
  const instanceLink = useRouteRef(workflowInstanceRouteRef);
  const executeLink = useExecuteWorkflowLink();
  const permission = useCanUseWorkflow(instance.processId);
  const [pending, setPending] = useState<InstanceAction>();
  const [busy, setBusy] = useState(false);
  const rerunAttempt = useStartAttemptKey();
  // one action, one request, one toast: a second click before the dialog
  // re-renders as busy is ignored
  const inFlight = useRef(false);

  const perform = async () => {
    if (!pending || inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    try {
      if (pending === 'abort') {
        await api.abortInstance(instance.id);
        // stopping a run is neither a success nor a failure of the workflow
        alertApi.post({
          message: t('actions.aborted'),
          severity: 'info',
          display: 'transient',
        });
        onChanged();
      } else if (pending === 'retrigger') {
        await api.retriggerInstance(instance.processId, instance.id);
        alertApi.post({
          message: t('actions.retriggered'),
          severity: 'success',
          display: 'transient',
        });
        onChanged();
      } else {
        const { id } = await api.rerunInstance(
          instance.processId,
          instance.id,
          {
            targetEntity: instance.targetEntity,
            idempotencyKey: rerunAttempt.keyFor(instance.id),
          },
        );
        rerunAttempt.done();
        navigate(`${instanceLink({ instanceId: id })}?starting=true`);
      }
    } catch (e) {
      alertApi.post({
        message: text[pending].failed((e as Error).message),
        severity: 'error',
      });
    } finally {
      inFlight.current = false;
      setBusy(false);
      setPending(undefined);
    }
  };

  const reasonFor = (action: InstanceAction) => {
    if (!permission.loading && !permission.allowed) {
      return t('run.notAllowed');
    }
    return isActionAllowed(action, instance.state)
      ? undefined
      : t(`actions.blocked.${action}`);
  };

  return (
    <Box display="flex" flexWrap="wrap" gap={1} data-testid="instance-actions">
      {ACTIONS.map(action => {
        const reason = reasonFor(action);
        return (
          <DisabledReason key={action} reason={reason}>
            <Button
              variant={action === 'abort' ? 'outlined' : 'contained'}
              color={action === 'abort' ? 'secondary' : 'primary'}
              disabled={permission.loading || Boolean(reason)}
              onClick={() => setPending(action)}
              data-testid={`action-${action}`}
            >
              {text[action].label}
            </Button>
          </DisabledReason>
        );
      })}
      <DisabledReason reason={reasonFor('rerun')}>
        <Button
          variant="text"
          color="primary"
          disabled={permission.loading || Boolean(reasonFor('rerun'))}
          component={RouterLink}
          to={executeLink(instance.processId, {
            instanceId: instance.id,
            targetEntity: instance.targetEntity,
          })}
          data-testid="action-edit-rerun"
        >
          {t('actions.editRerun')}
        </Button>
      </DisabledReason>
      <ConfirmDialog
        open={Boolean(pending)}
        busy={busy}
        title={pending ? text[pending].title : ''}
        confirmLabel={pending ? text[pending].confirm : ''}
        onCancel={() => setPending(undefined)}
        onConfirm={perform}
      >
        {pending ? text[pending].body : ''}
      </ConfirmDialog>
    </Box>
  );
};
