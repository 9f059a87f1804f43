import { useApi } from '@backstage/core-plugin-api';
import { orchestratorApiRef } from '../api/OrchestratorApi';
import { useLiveAsync } from './useLiveAsync';

/**
 * What the run page needs before it can show a form: the workflow's overview
 * (name, availability) and its resolved input schema, with the previous run's
 * inputs when the form is prefilled from one.
 */
export function useRunFormSource(workflowId: string, instanceId?: string) {
  const api = useApi(orchestratorApiRef);
  return useLiveAsync(async () => {
    const [overview, schema] = await Promise.all([
      api.getWorkflowOverview(workflowId),
      api.getWorkflowInputSchema(workflowId, { instanceId }),
    ]);
    return { overview, schema };
  }, [api, workflowId, instanceId]);
}
