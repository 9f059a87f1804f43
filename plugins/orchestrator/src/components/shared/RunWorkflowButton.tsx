import Button from '@material-ui/core/Button';
import PlayArrow from '@material-ui/icons/PlayArrow';
import { Link as RouterLink } from 'react-router-dom';
import { useRouteRef } from '@backstage/core-plugin-api';
import { executeWorkflowRouteRef } from '../../routes';
import { useCanUseWorkflow } from '../../hooks/useOrchestratorPermissions';
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
  const link = useExecuteWorkflowLink();
  const permission = useCanUseWorkflow(workflowId);
  let reason: string | undefined;
  if (!permission.loading && !permission.allowed) {
    reason = 'You are not allowed to run this workflow';
  } else if (isAvailable === false) {
    reason = `The workflow service is unavailable${
      unavailableReason ? `: ${unavailableReason}` : ''
    }`;
  }
  const disabled = permission.loading || Boolean(reason);
  const common = {
    size: 'small' as const,
    color: 'primary' as const,
    variant,
    startIcon: <PlayArrow />,
    'data-testid': `run-workflow-${workflowId}`,
    'aria-label': 'Run',
  };
  // a disabled link would still carry an href; render a real disabled button
  return (
    <DisabledReason reason={reason}>
      {disabled ? (
        <Button {...common} disabled>
          Run
        </Button>
      ) : (
        <Button
          {...common}
          component={RouterLink}
          to={link(workflowId, { targetEntity })}
        >
          Run
        </Button>
      )}
    </DisabledReason>
  );
};
