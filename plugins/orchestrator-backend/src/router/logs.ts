import { operation } from './steps';
import type { OrchestratorRouter, RouterServices } from './types';

/** A run's log lines, from the log provider a backend module registered. */
export function registerLogRoutes(
  router: OrchestratorRouter,
  s: RouterServices,
) {
  router.get(
    '/v2/workflows/instances/:instanceId/logs',
    operation(
      s,
      {
        eventId: 'instance',
        // Upstream RHDH's audit name for this endpoint.
        operation: 'get-logs-by-instance',
        meta: req => ({ instanceId: String(req.params.instanceId) }),
      },
      (caller, req) =>
        s.logs.get(caller, req.params.instanceId, {
          rawlog: isTrue(req.query.rawlog),
        }),
    ),
  );
}

/** The validator has checked it is a boolean; a query string may still carry it as text. */
function isTrue(value: unknown): boolean {
  return value === true || value === 'true';
}
