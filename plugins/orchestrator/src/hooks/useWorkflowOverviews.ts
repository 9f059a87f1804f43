import { useApi } from '@backstage/core-plugin-api';
import {
  WorkflowOverviewListResultDTO,
  workflowSignalChannel,
} from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import { orchestratorApiRef } from '../api/OrchestratorApi';
import {
  ServerTableQuery,
  toPaginationInfo,
} from '../components/shared/ServerTable';
import { useAdminPolling } from './useAdminPolling';
import { LiveAsync, useLiveAsync } from './useLiveAsync';
import { useSignalChannels } from './useSignalChannels';

/**
 * One page of the Workflows tab, kept current. The backend ticks a
 * workflow's channel to the owners of its changed runs, so reloading the
 * shown page on a tick keeps stats and last run current; an instance admin's
 * figures include others' runs, which useAdminPolling follows.
 */
export function useWorkflowOverviews(
  query: ServerTableQuery,
  search: string,
): LiveAsync<WorkflowOverviewListResultDTO> {
  const api = useApi(orchestratorApiRef);
  const page = useLiveAsync(
    () =>
      api.getWorkflowsOverview({
        paginationInfo: toPaginationInfo(query),
        search: search || undefined,
      }),
    [api, query, search],
    { keepPrevious: true },
  );
  useSignalChannels(
    (page.value?.overviews ?? []).map(o => workflowSignalChannel(o.workflowId)),
    () => {
      page.refresh();
    },
  );
  useAdminPolling(page.refresh);
  return page;
}
