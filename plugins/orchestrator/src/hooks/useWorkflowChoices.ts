import useAsync from 'react-use/esm/useAsync';
import { useApi } from '@backstage/core-plugin-api';
import { orchestratorApiRef } from '../api/OrchestratorApi';

export interface WorkflowChoice {
  id: string;
  name: string;
}

/**
 * The workflows the runs filter offers, by name. Loaded once; a failure
 * leaves the list empty (the filter is a convenience, the table still works).
 */
export function useWorkflowChoices(enabled: boolean): WorkflowChoice[] {
  const api = useApi(orchestratorApiRef);
  const { value } = useAsync(async () => {
    if (!enabled) return [];
    const { overviews } = await api.getWorkflowsOverview({
      paginationInfo: {
        pageSize: 1000,
        offset: 0,
        orderBy: 'name',
        orderDirection: 'ASC',
      },
    });
    return overviews.map(w => ({
      id: w.workflowId,
      name: w.name || w.workflowId,
    }));
  }, [api, enabled]);
  return value ?? [];
}
