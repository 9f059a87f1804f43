import { useApi } from '@backstage/core-plugin-api';
import {
  InputSchemaResponseDTO,
  WorkflowOverviewDTO,
  workflowSignalChannel,
} from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import { orchestratorApiRef } from '../api/OrchestratorApi';
import { useAdminPolling } from './useAdminPolling';
import { LiveAsync, useLiveAsync } from './useLiveAsync';
import { useSignalChannels } from './useSignalChannels';

export interface WorkflowPageData {
  /** Details and stats, refreshed when the workflow's runs change. */
  overview: LiveAsync<WorkflowOverviewDTO>;
  source: LiveAsync<string>;
  schema: LiveAsync<InputSchemaResponseDTO>;
}

/**
 * What one workflow's page shows, each part loaded on its own so a slow
 * source never hides the details. Only the overview is kept live: a run
 * changes its figures, never its definition.
 */
export function useWorkflowPageData(workflowId: string): WorkflowPageData {
  const api = useApi(orchestratorApiRef);
  const overview = useLiveAsync(async () => {
    const o = await api.getWorkflowOverview(workflowId);
    if (o.stats) return o;
    // without figures in the overview, the stats card still asks for them; none is no error
    const stats = await api
      .getWorkflowRunStats(workflowId)
      .catch(() => undefined);
    return { ...o, stats };
  }, [api, workflowId]);
  const source = useLiveAsync(
    () => api.getWorkflowSource(workflowId),
    [api, workflowId],
  );
  const schema = useLiveAsync(
    () => api.getWorkflowInputSchema(workflowId),
    [api, workflowId],
  );
  useSignalChannels([workflowSignalChannel(workflowId)], () => {
    overview.refresh();
  });
  useAdminPolling(overview.refresh);
  return { overview, source, schema };
}
