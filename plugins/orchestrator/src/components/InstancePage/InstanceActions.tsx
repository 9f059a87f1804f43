import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import { alertApiRef, useApi, useRouteRef } from '@backstage/core-plugin-api';
import { ProcessInstanceDTO } from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import { orchestratorApiRef } from '../../api/OrchestratorApi';
import { workflowInstanceRouteRef } from '../../routes';
import { useCanUseWorkflow } from '../../hooks/useOrchestratorPermissions';
import { ConfirmDialog } from '../shared/ConfirmDialog';
import { DisabledReason } from '../shared/DisabledReason';
import { useExecuteWorkflowLink } from '../shared/RunWorkflowButton';
import { actionBlockedReason, InstanceAction } from './instanceActionRules';

const CONFIRM_TEXT: Record<InstanceAction, { title: string; body: string }> = {
  abort: {
    title: 'Abort this run?',
    body: 'The run stops where it is. Steps already done are not undone.',
  },
  retrigger: {
    title: 'Retrigger this run?',
    body: 'The run continues from the node that failed, with its current data.',
  },
  rerun: {
    title: 'Rerun this workflow?',
    body: 'A new run starts with the same inputs and the same entity.',
  },
};

const LABELS: Record<InstanceAction, string> = {
  abort: 'Abort',
  retrigger: 'Retrigger',
  rerun: 'Rerun',
};

/** Abort, Retrigger and Rerun, each behind a confirmation and the rules of the run's state. */
export const InstanceActions = ({
  instance,
  onChanged,
}: {
  instance: ProcessInstanceDTO;
  onChanged: () => void;
}) => {
  const api = useApi(orchestratorApiRef);
  const alertApi = useApi(alertApiRef);
  const navigate = useNavigate();
  const instanceLink = useRouteRef(workflowInstanceRouteRef);
  const executeLink = useExecuteWorkflowLink();
  const permission = useCanUseWorkflow(instance.processId);
  const [pending, setPending] = useState<InstanceAction>();
  const [busy, setBusy] = useState(false);

  const perform = async () => {
    if (!pending) return;
    setBusy(true);
    try {
      if (pending === 'abort') {
        await api.abortInstance(instance.id);
        alertApi.post({
          message: 'Run aborted',
          severity: 'success',
          display: 'transient',
        });
        onChanged();
      } else if (pending === 'retrigger') {
        await api.retriggerInstance(instance.processId, instance.id);
        alertApi.post({
          message: 'Run retriggered',
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
          },
        );
        navigate(`${instanceLink({ instanceId: id })}?starting=true`);
      }
    } catch (e) {
      alertApi.post({
        message: `${LABELS[pending]} failed: ${(e as Error).message}`,
        severity: 'error',
      });
    } finally {
      setBusy(false);
      setPending(undefined);
    }
  };

  const reasonFor = (action: InstanceAction) => {
    if (!permission.loading && !permission.allowed) {
      return 'You are not allowed to run this workflow';
    }
    return actionBlockedReason(action, instance.state);
  };

  return (
    <Box display="flex" style={{ gap: 8 }} data-testid="instance-actions">
      {(['abort', 'retrigger', 'rerun'] as InstanceAction[]).map(action => {
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
              {LABELS[action]}
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
          Edit inputs and rerun
        </Button>
      </DisabledReason>
      <ConfirmDialog
        open={Boolean(pending)}
        busy={busy}
        title={pending ? CONFIRM_TEXT[pending].title : ''}
        onCancel={() => setPending(undefined)}
        onConfirm={perform}
      >
        {pending ? CONFIRM_TEXT[pending].body : ''}
      </ConfirmDialog>
    </Box>
  );
};
