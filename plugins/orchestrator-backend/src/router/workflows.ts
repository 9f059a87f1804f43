import { assertEntityRef } from '../services/entityRef';
import { operation, searchRequest, workflowMeta } from './steps';
import type { OrchestratorRouter, RouterServices } from './types';

/** Workflow definitions: overviews, names, load problems, source, input schema, availability, stats. */
export function registerWorkflowRoutes(
  router: OrchestratorRouter,
  s: RouterServices,
) {
  const workflow = (name: string) => ({
    eventId: 'workflow',
    operation: name,
    meta: workflowMeta,
  });

  router.post(
    '/v2/workflows/overview',
    operation(
      s,
      { eventId: 'workflow', operation: 'get-overviews' },
      (caller, req) =>
        s.workflows.listOverviews(caller, searchRequest(req.body)),
    ),
  );
  router.post(
    '/v2/workflows/overview/entity',
    operation(
      s,
      {
        eventId: 'workflow',
        operation: 'get-overviews-for-entity',
        meta: req => ({ targetEntity: String(req.body?.targetEntity ?? '') }),
      },
      (caller, req) => {
        assertEntityRef(req.body.targetEntity, '/targetEntity');
        return s.workflows.listOverviewsForEntity(caller, req.body);
      },
    ),
  );
  router.get(
    '/v2/workflows/names',
    operation(s, { eventId: 'workflow', operation: 'get-names' }, caller =>
      s.workflows.listNames(caller),
    ),
  );
  router.get(
    '/v2/workflows/loadProblems',
    operation(
      s,
      { eventId: 'workflow', operation: 'get-load-problems' },
      caller => s.loadProblems.list(caller),
    ),
  );
  router.get(
    '/v2/workflows/:workflowId/overview',
    operation(s, workflow('get-overview'), (caller, req) =>
      s.workflows.getOverview(caller, req.params.workflowId),
    ),
  );
  router.get(
    '/v2/workflows/:workflowId/source',
    operation(s, { ...workflow('get-source'), as: 'text' }, (caller, req) =>
      s.workflows.getSource(caller, req.params.workflowId),
    ),
  );
  router.get(
    '/v2/workflows/:workflowId/inputSchema',
    operation(
      s,
      {
        eventId: 'workflow',
        operation: 'get-input-schema',
        meta: req => ({
          ...workflowMeta(req),
          instanceId: String(req.query.instanceId ?? ''),
        }),
      },
      (caller, req) =>
        s.workflows.getInputSchema(
          caller,
          req.params.workflowId,
          req.query.instanceId as string | undefined,
        ),
    ),
  );
  router.get(
    '/v2/workflows/:workflowId/pingWorkflowService',
    operation(s, workflow('ping'), (caller, req) =>
      s.workflows.ping(caller, req.params.workflowId),
    ),
  );
  router.get(
    '/v2/workflows/:workflowId/availability',
    operation(s, workflow('get-availability'), (caller, req) =>
      s.workflows.getAvailability(caller, req.params.workflowId),
    ),
  );
  router.get(
    '/v2/workflows/:workflowId/stats',
    operation(s, workflow('get-stats'), (caller, req) =>
      s.workflows.getStats(caller, req.params.workflowId),
    ),
  );
}
