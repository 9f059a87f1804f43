import type {
  AuditorService,
  AuditorServiceEventSeverityLevel,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import type { JsonObject } from '@backstage/types';
import type { SearchRequest } from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import type { Request, RequestHandler } from 'express';
import { Caller, callerFrom } from '../services/Caller';

export interface StepContext {
  httpAuth: HttpAuthService;
  auditor: AuditorService;
}

/** A request as the OpenAPI router types it for one operation. */
type OperationRequest<P, ResBody, ReqBody, Query> = Request<
  P,
  ResBody,
  ReqBody,
  Query
>;

export interface OperationOptions<Req = Request> {
  /** Audit event id (kebab-case); `meta.operation` names the endpoint. */
  eventId: string;
  operation: string;
  severityLevel?: AuditorServiceEventSeverityLevel;
  /** Ids only: never tokens, inputs or variables. */
  meta?: (req: NoInfer<Req>) => JsonObject;
  /** How to send the result; JSON unless the spec says text/plain. */
  as?: 'json' | 'text';
}

/**
 * The shared steps of every endpoint: credentials from httpAuth, an audit
 * event around the call, then the one service method, then the answer.
 * Authorization happens in the services, so a direct service call is never
 * less checked than an HTTP one. Errors propagate to Backstage's middleware.
 */
export function operation<P, ResBody, ReqBody, Query>(
  context: StepContext,
  options: OperationOptions<OperationRequest<P, ResBody, ReqBody, Query>>,
  run: (
    caller: Caller,
    req: OperationRequest<P, ResBody, ReqBody, Query>,
  ) => Promise<ResBody> | ResBody,
): RequestHandler<P, ResBody, ReqBody, Query> {
  return async (req, res) => {
    const meta: JsonObject = {
      operation: options.operation,
      ...(options.meta?.(req) ?? {}),
    };
    const event = await context.auditor.createEvent({
      eventId: options.eventId,
      severityLevel: options.severityLevel ?? 'low',
      request: req,
      meta,
    });
    try {
      const credentials = await context.httpAuth.credentials(req, {
        allow: ['user', 'service'],
      });
      const result = await run(callerFrom(credentials), req);
      await event.success();
      if (options.as === 'text') {
        // A text/plain operation's body is the string itself, whatever its schema type says.
        res.type('text/plain').send(String(result) as ResBody);
      } else {
        res.json(result);
      }
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  };
}

/** Path parameters some operations have; the audit metadata reads whichever are there. */
type RunPathParams = { workflowId?: string; instanceId?: string };

export const workflowMeta = (req: Request<RunPathParams>): JsonObject => ({
  workflowId: String(req.params.workflowId ?? ''),
});

export const instanceMeta = (req: Request<RunPathParams>): JsonObject => ({
  ...(req.params.workflowId
    ? { workflowId: String(req.params.workflowId) }
    : {}),
  instanceId: String(req.params.instanceId ?? ''),
});

/**
 * A validated search body as the services take it. The router's types flatten the recursive
 * `filters` schema to `unknown[]`; the validator has already checked the real shape.
 */
export function searchRequest(body: object | undefined): SearchRequest {
  return (body ?? {}) as SearchRequest;
}
