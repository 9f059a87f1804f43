import { useMemo } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { parseWorkflowDefinition } from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import { orchestratorApiRef } from '../api/OrchestratorApi';
import { useLiveAsync } from './useLiveAsync';

/**
 * A workflow's parsed definition, for a run's progress diagram: loaded once
 * per workflow, not on every live refresh of the run. Undefined until known,
 * and when the source cannot be read or parsed: the page then shows the
 * node list without the diagram. Another workflow's run never shows this one's.
 */
export function useWorkflowDefinition(
  workflowId: string | undefined,
): Record<string, unknown> | undefined {
  const api = useApi(orchestratorApiRef);
  const { value: source } = useLiveAsync(
    async () => (workflowId ? api.getWorkflowSource(workflowId) : undefined),
    [api, workflowId],
  );
  return useMemo(() => {
    if (!source) return undefined;
    try {
      return parseWorkflowDefinition(source).definition;
    } catch {
      return undefined;
    }
  }, [source]);
}
