import { useEffect, useRef } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { ProcessInstanceListResultDTO } from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import { orchestratorApiRef } from '../api/OrchestratorApi';
import { useLiveAsync } from './useLiveAsync';

/** A run page shows this many subflow runs, the first started first. */
const CHILD_RUNS_SHOWN = 50;

/**
 * The subflow runs a run started. Refreshed (never blanked) whenever
 * `refreshKey`, the parent's `lastUpdate`, moves: a parent changes when it
 * starts a child. A failure answers nothing: the card is a detail and must
 * not hide the run itself.
 */
export function useChildRuns(
  instanceId: string,
  refreshKey?: string,
): ProcessInstanceListResultDTO | undefined {
  const api = useApi(orchestratorApiRef);
  const { value, refresh } = useLiveAsync(
    () =>
      api.getInstances({
        paginationInfo: {
          pageSize: CHILD_RUNS_SHOWN,
          offset: 0,
          orderBy: 'start',
          orderDirection: 'ASC',
        },
        filters: {
          field: 'parentProcessInstanceId',
          operator: 'EQ',
          value: instanceId,
        },
      }),
    [api, instanceId],
  );
  const seenKey = useRef(refreshKey);
  useEffect(() => {
    if (seenKey.current === refreshKey) return;
    seenKey.current = refreshKey;
    refresh();
  }, [refreshKey, refresh]);
  return value;
}
