import type { JsonObject } from '@backstage/types';
import { instanceMeta, operation, workflowMeta } from './steps';
import type { OrchestratorRouter, RouterServices } from './types';

const idsMeta = (req: { body?: { instanceIds?: unknown } }): JsonObject => ({
  instanceIds: Array.isArray(req.body?.instanceIds)
    ? req.body!.instanceIds.map(String)
    : [],
});

/** Everything that changes a run: start, rerun, retrigger, abort, and their bulk forms. */
export function registerActionRoutes(
  router: OrchestratorRouter,
  s: RouterServices,
) {
  const action = <Req extends object>(
    name: string,
    meta: (req: Req) => JsonObject,
  ) => ({
    eventId: 'instance-action',
    operation: name,
    severityLevel: 'medium' as const,
    meta,
  });

  router.post(
    '/v2/workflows/:workflowId/execute',
    operation(s, action('execute', workflowMeta), (caller, req) =>
      s.execution.execute(caller, req.params.workflowId, req.body ?? {}),
    ),
  );
  router.post(
    '/v2/workflows/:workflowId/instances/:instanceId/rerun',
    operation(s, action('rerun', instanceMeta), (caller, req) =>
      s.execution.rerun(
        caller,
        req.params.workflowId,
        req.params.instanceId,
        req.body ?? {},
      ),
    ),
  );
  router.post(
    '/v2/workflows/:workflowId/:instanceId/retrigger',
    operation(s, action('retrigger', instanceMeta), (caller, req) =>
      s.execution.retrigger(
        caller,
        req.params.workflowId,
        req.params.instanceId,
        req.body ?? {},
      ),
    ),
  );
  router.delete(
    '/v2/workflows/instances/:instanceId/abort',
    operation(
      s,
      { ...action('abort', instanceMeta), as: 'text' },
      (caller, req) => s.execution.abort(caller, req.params.instanceId),
    ),
  );
  router.post(
    '/v2/workflows/instances/abort',
    operation(s, action('abort-many', idsMeta), (caller, req) =>
      s.execution.abortMany(caller, req.body.instanceIds),
    ),
  );
  router.post(
    '/v2/workflows/instances/retrigger',
    operation(s, action('retrigger-many', idsMeta), (caller, req) =>
      s.execution.retriggerMany(caller, req.body.instanceIds),
    ),
  );
}
