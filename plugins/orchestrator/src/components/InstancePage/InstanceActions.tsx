import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { Link as RouterLink } from 'react-router-dom';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { ProcessInstanceDTO } from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import { useCanUseWorkflow } from '../../hooks/useOrchestratorPermissions';
import { useInstanceActions } from '../../hooks/useInstanceActions';
import { orchestratorTranslationRef } from '../../translation';
import { ConfirmDialog } from '../shared/ConfirmDialog';
import { DisabledReason } from '../shared/DisabledReason';
import { useExecuteWorkflowLink } from '../shared/RunWorkflowButton';
import { InstanceAction, isActionAllowed } from './instanceActionRules';
import { WorkflowLogsButton } from './WorkflowLogsButton';

const ACTIONS: InstanceAction[] = ['abort', 'retrigger', 'rerun'];

function useActionText() {
  const { t } = useTranslationRef(orchestratorTranslationRef);
  return {
    abort: {
      label: t('actions.abort'),
      confirm: t('actions.confirmAbort'),
      title: t('actions.abortTitle'),
      body: t('actions.abortBody'),
    },
    retrigger: {
      label: t('actions.retrigger'),
      confirm: t('actions.confirmRetrigger'),
      title: t('actions.retriggerTitle'),
      body: t('actions.retriggerBody'),
    },
    rerun: {
      label: t('actions.rerun'),
      confirm: t('actions.confirmRerun'),
      title: t('actions.rerunTitle'),
      body: t('actions.rerunBody'),
    },
  } satisfies Record<InstanceAction, unknown>;
}

/** Abort, Retrigger and Rerun, each behind a confirmation and the rules of the run's state; View logs. */
export const InstanceActions = ({
  instance,
  onChanged,
}: {
  instance: ProcessInstanceDTO;
  onChanged: () => void;
}) => {
  const { t } = useTranslationRef(orchestratorTranslationRef);
  const text = useActionText();
  const executeLink = useExecuteWorkflowLink();
  const permission = useCanUseWorkflow(instance.processId);
  const actions = useInstanceActions(instance, onChanged);
  const pending = actions.pending;

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
              onClick={() => actions.ask(action)}
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
      <WorkflowLogsButton instance={instance} />
      <ConfirmDialog
        open={Boolean(pending)}
        busy={actions.busy}
        title={pending ? text[pending].title : ''}
        confirmLabel={pending ? text[pending].confirm : ''}
        onCancel={actions.cancel}
        onConfirm={actions.confirm}
      >
        {pending ? text[pending].body : ''}
      </ConfirmDialog>
    </Box>
  );
};
