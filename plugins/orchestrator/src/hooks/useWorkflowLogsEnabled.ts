import { configApiRef, useApi } from '@backstage/core-plugin-api';

/**
 * Whether the backend has a log provider: RHDH's convention is that the mere presence of
 * `orchestrator.workflowLogProvider` (declared visible to the frontend) shows "View logs".
 */
export function useWorkflowLogsEnabled(): boolean {
  return useApi(configApiRef).has('orchestrator.workflowLogProvider');
}
