import Button from '@mui/material/Button';
import PlayArrow from '@mui/icons-material/PlayArrow';
import { Link as RouterLink } from 'react-router-dom';
import { useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { executeWorkflowRouteRef } from '../../routes';
import { useCanUseWorkflow } from '../../hooks/useOrchestratorPermissions';
import { orchestratorTranslationRef } from '../../translation';
import { DisabledReason } from './DisabledReason';

/** Link to the execute page with the prefill parameters it understands. */
export function useExecuteWorkflowLink() {
  const executeRoute = useRouteRef(executeWorkflowRouteRef);
  return (
    workflowId: string,
    params: { targetEntity?: string; instanceId?: string } = {},
  ) => {
    const query = new URLSearchParams();
    if (params.targetEntity) query.set('targetEntity', params.targetEntity);
    if (params.instanceId) query.set('instanceId', params.instanceId);
    const search = query.toString();
    return `${executeRoute({ workflowId })}${search ? `?${search}` : ''}`;
  };
}

/** "Run" for one workflow: disabled, with the reason, without permission or while unavailable. */
export const RunWorkflowButton = ({
  workflowId,
  isAvailable,
  unavailableReason,
  targetEntity,
  variant = 'outlined',
}: {
  workflowId: string;
  isAvailable?: boolean;
  unavailableReason?: string;
  targetEntity?: string;
  variant?: 'outlined' | 'contained';
}) => {
  const { t } = useTranslationRef(orchestratorTranslationRef);
  const link = useExecuteWorkflowLink();
  const permission = useCanUseWorkflow(workflowId);
  let reason: string | undefined;
  if (!permission.loading && !permission.allowed) {
    reason = t('run.notAllowed');
  } else if (isAvailable === false) {
    reason = unavailableReason
      ? t('run.serviceUnavailableWithReason', { reason: unavailableReason })
      : t('run.serviceUnavailable');
  }
  const disabled = permission.loading || Boolean(reason);
  const label = t('run.button');
  const common = {
    size: 'small' as const,
    color: 'primary' as const,
    variant,
    startIcon: <PlayArrow />,
    // a table cell is narrow: the label must never break under its icon
    sx: { whiteSpace: 'nowrap', flexShrink: 0 },
    'data-testid': `run-workflow-${workflowId}`,
    'aria-label': label,
  };
  // a disabled link would still carry an href; render a real disabled button
  return (
    <DisabledReason reason={reason}>
      {disabled ? (
        <Button {...common} disabled>
          {label}
        </Button>
      ) : (
        <Button
          {...common}
          component={RouterLink}
          to={link(workflowId, { targetEntity })}
        >
          {label}
        </Button>
      )}
    </DisabledReason>
  );
};
