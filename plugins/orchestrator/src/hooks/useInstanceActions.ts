import { useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { alertApiRef, useApi, useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { ProcessInstanceDTO } from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import { orchestratorApiRef } from '../api/OrchestratorApi';
import { InstanceAction } from '../components/InstancePage/instanceActionRules';
import { workflowInstanceRouteRef } from '../routes';
import { orchestratorTranslationRef } from '../translation';
import { useStartAttemptKey } from './startAttemptKey';

export interface InstanceActions {
  /** The action waiting for the user's confirmation. */
  pending?: InstanceAction;
  busy: boolean;
  ask(action: InstanceAction): void;
  cancel(): void;
  /** Performs the pending action; the outcome is a toast, a rerun opens the new run. */
  confirm(): Promise<void>;
}

/**
 * Abort, Retrigger and Rerun of one run, each behind a confirmation. An abort
 * or a retrigger calls `onChanged` (the page then watches the run move); a
 * rerun opens the new run in its starting state, with one idempotency key
 * for every retry of it.
 */
export function useInstanceActions(
  instance: ProcessInstanceDTO,
  onChanged: () => void,
): InstanceActions {
  const api = useApi(orchestratorApiRef);
  const alertApi = useApi(alertApiRef);
  const { t } = useTranslationRef(orchestratorTranslationRef);
  const navigate = useNavigate();
  const instanceLink = useRouteRef(workflowInstanceRouteRef);
  const rerunAttempt = useStartAttemptKey();
  const [pending, setPending] = useState<InstanceAction>();
  const [busy, setBusy] = useState(false);
  // one action, one request, one toast: a second click before the dialog
  // re-renders as busy is ignored
  const inFlight = useRef(false);

  const perform = async (action: InstanceAction) => {
    if (action === 'abort') {
      await api.abortInstance(instance.id);
      // stopping a run is neither a success nor a failure of the workflow
      alertApi.post({
        message: t('actions.aborted'),
        severity: 'info',
        display: 'transient',
      });
      onChanged();
    } else if (action === 'retrigger') {
      await api.retriggerInstance(instance.processId, instance.id);
      alertApi.post({
        message: t('actions.retriggered'),
        severity: 'success',
        display: 'transient',
      });
      onChanged();
    } else {
      const { id } = await api.rerunInstance(instance.processId, instance.id, {
        targetEntity: instance.targetEntity,
        idempotencyKey: rerunAttempt.keyFor(instance.id),
      });
      rerunAttempt.done();
      navigate(`${instanceLink({ instanceId: id })}?starting=true`);
    }
  };

  const confirm = async () => {
    if (!pending || inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    try {
      await perform(pending);
    } catch (e) {
      alertApi.post({
        message: t(`actions.${pending}Failed`, {
          message: (e as Error).message,
        }),
        severity: 'error',
      });
    } finally {
      inFlight.current = false;
      setBusy(false);
      setPending(undefined);
    }
  };

  return {
    pending,
    busy,
    ask: setPending,
    cancel: () => setPending(undefined),
    confirm,
  };
}
