import express, { NextFunction, Request, Response } from 'express';
import { isError, NotFoundError } from '@backstage/errors';
import { FaultSwitches } from '../faults/FaultSwitches';
import { RequestStats } from '../faults/RequestStats';
import { InputValidationError } from '../runtime/errors';
import { CloudEvent } from '../runtime/execution/Execution';
import { WorkflowRuntime } from '../runtime/WorkflowRuntime';

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

function workflowServiceFaults(faults: FaultSwitches, stats: RequestStats) {
  return async (req: Request, res: Response, next: NextFunction) => {
    stats.countWorkflowServiceRequest();
    const f = faults.get();
    const parts = req.path.split('/').filter(Boolean);
    const workflowId = parts[0] === 'management' ? parts[2] : parts[0];
    if (!faults.appliesToWorkflow(workflowId)) return next();
    if (f.workflowServiceLatencyMs > 0) await sleep(f.workflowServiceLatencyMs);
    if (f.workflowService === 'hang') return undefined; // never answers; closed with the server
    if (f.workflowService === 'error') {
      res
        .status(503)
        .json({ message: 'Workflow service unavailable (stand-in fault)' });
      return undefined;
    }
    return next();
  };
}

/** Maps runtime errors to the status codes SonataFlow answers with. */
function sendError(res: Response, e: unknown) {
  if (e instanceof InputValidationError) {
    res.status(400).json({ message: e.message, errors: e.errors });
    return;
  }
  const status = isError(e)
    ? (
        { NotFoundError: 404, ConflictError: 409, InputError: 400 } as Record<
          string,
          number
        >
      )[e.name] ?? 500
    : 500;
  res.status(status).json({ message: isError(e) ? e.message : String(e) });
}

function cloudEventFrom(req: Request): CloudEvent | undefined {
  const ceType = req.header('ce-type');
  if (ceType) {
    // Binary mode: attributes in ce-* headers, data in the body.
    const event: CloudEvent = { type: ceType, data: req.body };
    for (const [name, value] of Object.entries(req.headers)) {
      if (name.startsWith('ce-')) event[name.slice(3)] = value;
    }
    return event;
  }
  const body = req.body;
  if (
    body &&
    typeof body === 'object' &&
    typeof body.type === 'string' &&
    body.specversion
  )
    return body as CloudEvent;
  return undefined;
}

/**
 * The workflow-service REST API of every loaded workflow, all at one base URL
 * (each ProcessDefinition's serviceUrl), as SonataFlow exposes it.
 */
export function createWorkflowServiceRouter(options: {
  runtime: WorkflowRuntime;
  faults: FaultSwitches;
  stats: RequestStats;
}) {
  const { runtime, faults, stats } = options;
  const router = express.Router();
  router.use(
    express.json({
      limit: '10mb',
      type: ['application/json', 'application/cloudevents+json'],
    }),
  );
  router.use(workflowServiceFaults(faults, stats));

  const wrap =
    (fn: (req: Request, res: Response) => Promise<void> | void) =>
    async (req: Request, res: Response) => {
      try {
        await fn(req, res);
      } catch (e) {
        sendError(res, e);
      }
    };
  const workflow = (id: string) => {
    const wf = runtime.getWorkflow(id);
    if (!wf) throw new NotFoundError(`Workflow '${id}' not found`);
    return wf;
  };

  router.get('/q/health', (_req, res) => {
    res.json({ status: 'UP', checks: [] });
  });

  router.get('/management/processes', (_req, res) => {
    res.json(runtime.listWorkflows().map(w => w.id));
  });

  router.get(
    '/management/processes/:workflowId',
    wrap((req, res) => {
      const wf = workflow(req.params.workflowId);
      const d = wf.definition;
      res.json({
        id: wf.id,
        name: d.name ?? wf.id,
        version: d.version,
        type: 'SW',
        description: d.description,
        annotations: d.annotations ?? [],
        metadata: d.metadata ?? {},
        endpoint: `${req.protocol}://${req.get('host')}/${wf.id}`,
        inputSchema: wf.inputSchema,
        outputSchema: wf.outputSchema,
      });
    }),
  );

  router.get(
    '/management/processes/:workflowId/source',
    wrap((req, res) => {
      const wf = workflow(req.params.workflowId);
      res
        .type(wf.format === 'json' ? 'application/json' : 'text/plain')
        .send(wf.source);
    }),
  );

  router.post(
    '/management/processes/:workflowId/instances/:instanceId/retrigger',
    wrap(async (req, res) => {
      workflow(req.params.workflowId);
      res.json(await runtime.retry(req.params.instanceId));
    }),
  );

  router.delete(
    '/management/processes/:workflowId/instances/:instanceId',
    wrap(async (req, res) => {
      workflow(req.params.workflowId);
      res.json(await runtime.abort(req.params.instanceId));
    }),
  );

  // CloudEvents in (structured or binary mode): resumes callback/event states.
  router.post(
    '/',
    wrap(async (req, res) => {
      const event = cloudEventFrom(req);
      if (!event) {
        res.status(400).json({
          message:
            'Expected a CloudEvent (specversion + type, or ce-* headers)',
        });
        return;
      }
      const instances = await runtime.deliverEvent(event);
      res.status(202).json({ instances });
    }),
  );

  router.post(
    '/:workflowId',
    wrap(async (req, res) => {
      workflow(req.params.workflowId);
      // `?businessKey=` as SonataFlow takes it: stored on the instance, filterable in the Data Index.
      const businessKey =
        typeof req.query.businessKey === 'string' && req.query.businessKey
          ? req.query.businessKey
          : undefined;
      const started = await runtime.start(
        req.params.workflowId,
        req.body ?? {},
        undefined,
        businessKey,
      );
      res.status(201).json(started);
    }),
  );

  router.get(
    '/:workflowId/:instanceId',
    wrap((req, res) => {
      workflow(req.params.workflowId);
      const r = runtime.instance(req.params.instanceId);
      res.json({ id: r.id, workflowdata: r.variables.workflowdata });
    }),
  );

  router.delete(
    '/:workflowId/:instanceId',
    wrap(async (req, res) => {
      workflow(req.params.workflowId);
      res.json(await runtime.abort(req.params.instanceId));
    }),
  );

  return router;
}
