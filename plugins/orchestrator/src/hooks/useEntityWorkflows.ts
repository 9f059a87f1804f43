import { useApi } from '@backstage/core-plugin-api';
import {
  WorkflowOverviewListResultDTO,
  workflowSignalChannel,
} from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import { orchestratorApiRef } from '../api/OrchestratorApi';
import { useAdminPolling } from './useAdminPolling';
import { LiveAsync, useLiveAsync } from './useLiveAsync';
import { useSignalChannels } from './useSignalChannels';

/**
 * The overviews of an entity's workflows (those its annotation names, or for
 * none, those it has run), with figures for the entity's runs only; kept
 * current like the Workflows tab: reloaded on each shown workflow's tick, and
 * for instance admins, whose figures include others' runs, by useAdminPolling.
 */
export function useEntityWorkflows(
  entityRef: string,
  annotationWorkflowIds: string[],
): LiveAsync<WorkflowOverviewListResultDTO> {
  const api = useApi(orchestratorApiRef);
  const idsKey = annotationWorkflowIds.join(',');
  const overviews = useLiveAsync(
    () =>
      api.getWorkflowsOverviewForEntity({
        targetEntity: entityRef,
        annotationWorkflowIds,
      }),
    // the ids by value: the annotation is parsed into a new array on every render
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, entityRef, idsKey],
  );
  useSignalChannels(
    (overviews.value?.overviews ?? []).map(o =>
      workflowSignalChannel(o.workflowId),
    ),
    () => {
      overviews.refresh();
    },
  );
  useAdminPolling(overviews.refresh);
  return overviews;
}
