import { instanceMeta, operation, searchRequest, workflowMeta } from './steps';
import type { OrchestratorRouter, RouterServices } from './types';

/** Runs: lists, one run, the state labels. */
export function registerInstanceRoutes(
  router: OrchestratorRouter,
  s: RouterServices,
) {
  // Before `/instances/:instanceId`, which would otherwise take "statuses" as an id.
  router.get(
    '/v2/workflows/instances/statuses',
    operation(s, { eventId: 'instance', operation: 'get-statuses' }, () =>
      s.instances.statuses(),
    ),
  );
  router.post(
    '/v2/workflows/instances',
    operation(
      s,
      { eventId: 'instance', operation: 'get-instances' },
      (caller, req) => s.instances.list(caller, searchRequest(req.body)),
    ),
  );
  router.post(
    '/v2/workflows/instances/entity',
    operation(
      s,
      {
        eventId: 'instance',
        operation: 'get-instances-for-entity',
        meta: req => ({ targetEntity: String(req.body?.targetEntity ?? '') }),
      },
      (caller, req) => s.instances.listForEntity(caller, req.body),
    ),
  );
  router.post(
    '/v2/workflows/:workflowId/instances',
    operation(
      s,
      {
        eventId: 'instance',
        operation: 'get-workflow-instances',
        meta: workflowMeta,
      },
      (caller, req) =>
        s.instances.list(
          caller,
          searchRequest(req.body),
          req.params.workflowId,
        ),
    ),
  );
  router.get(
    '/v2/workflows/instances/:instanceId',
    operation(
      s,
      { eventId: 'instance', operation: 'get-instance', meta: instanceMeta },
      (caller, req) => s.instances.get(caller, req.params.instanceId),
    ),
  );
}
