import { useApi } from '@backstage/core-plugin-api';
import {
  Filter,
  ProcessInstanceListResultDTO,
  workflowSignalChannel,
} from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import { orchestratorApiRef } from '../api/OrchestratorApi';
import {
  ServerTableQuery,
  toPaginationInfo,
} from '../components/shared/ServerTable';
import { useAdminPolling } from './useAdminPolling';
import { useLiveRows } from './useLiveRows';
import { LiveAsync, useLiveAsync } from './useLiveAsync';

/** Which runs a table lists. The entity endpoint takes paging only. */
export type RunsScope =
  | { kind: 'all' }
  | { kind: 'workflow'; workflowId: string }
  | { kind: 'entity'; entityRef: string };

export interface RunsRequest {
  query: ServerTableQuery;
  filters?: Filter;
  search?: string;
}

/**
 * One page of runs in a scope, kept current: by signals of its unfinished
 * runs (and, for one workflow, of that workflow), by polling without signals,
 * and for instance admins, whose lists hold others' runs, by useAdminPolling.
 * The rows stay while the next page loads.
 */
export function useRuns(
  scope: RunsScope,
  { query, filters, search }: RunsRequest,
): LiveAsync<ProcessInstanceListResultDTO> {
  const api = useApi(orchestratorApiRef);
  const scopeKey = JSON.stringify(scope);
  const runs = useLiveAsync(
    () => {
      const paginationInfo = toPaginationInfo(query);
      const searchText = search || undefined;
      switch (scope.kind) {
        case 'workflow':
          return api.getWorkflowInstances(scope.workflowId, {
            paginationInfo,
            filters,
            search: searchText,
          });
        case 'entity':
          return api.getInstancesForEntity({
            targetEntity: scope.entityRef,
            paginationInfo,
          });
        default:
          return api.getInstances({
            paginationInfo,
            filters,
            search: searchText,
          });
      }
    },
    // the scope by value: callers pass a new object literal on every render
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, query, filters, search, scopeKey],
    { keepPrevious: true },
  );
  useLiveRows(
    runs.value?.items,
    runs.refresh,
    scope.kind === 'workflow' ? [workflowSignalChannel(scope.workflowId)] : [],
  );
  useAdminPolling(runs.refresh);
  return runs;
}
