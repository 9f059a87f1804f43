import useAsync from 'react-use/esm/useAsync';
import { useApi } from '@backstage/core-plugin-api';
import { WorkflowNameDTO } from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import { orchestratorApiRef } from '../api/OrchestratorApi';

/**
 * The workflows the runs filter offers, by name: the names-only list, so the
 * filter costs no run figures and no availability probes. Loaded once; a
 * failure leaves the list empty (the filter is a convenience, the table still works).
 */
export function useWorkflowChoices(enabled: boolean): WorkflowNameDTO[] {
  const api = useApi(orchestratorApiRef);
  const { value } = useAsync(async () => {
    if (!enabled) return [];
    return (await api.getWorkflowNames()).items;
  }, [api, enabled]);
  return value ?? [];
}
