import { useEffect, useRef } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { WorkflowLogsResponse } from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import { orchestratorApiRef } from '../api/OrchestratorApi';
import { LiveAsync, useLiveAsync } from './useLiveAsync';

/**
 * A run's log lines as stored (the dialog shows each line's own text), kept current without a
 * timer of its own: they are read again whenever `refreshKey`, the run's `lastUpdate`, moves,
 * which the run page's live updates (signals, or its polling fallback) already track. A
 * refresh keeps the lines shown while it loads.
 */
export function useWorkflowLogs(
  instanceId: string,
  refreshKey?: string,
): LiveAsync<WorkflowLogsResponse> {
  const api = useApi(orchestratorApiRef);
  const logs = useLiveAsync(
    () => api.getWorkflowLogs(instanceId, { rawlog: true }),
    [api, instanceId],
  );
  const seenKey = useRef(refreshKey);
  const { refresh } = logs;
  useEffect(() => {
    if (seenKey.current === refreshKey) return;
    seenKey.current = refreshKey;
    refresh();
  }, [refreshKey, refresh]);
  return logs;
}
