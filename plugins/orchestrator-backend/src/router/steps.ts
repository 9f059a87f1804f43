import type {
  AuditorService,
  AuditorServiceEventSeverityLevel,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import type { JsonObject } from '@backstage/types';
import type { Request, Response } from 'express';
import { Caller, callerFrom } from '../services/Caller';

export interface StepContext {
  httpAuth: HttpAuthService;
  auditor: AuditorService;
}

export interface OperationOptions {
  /** Audit event id (kebab-case); `meta.operation` names the endpoint. */
  eventId: string;
  operation: string;
  severityLevel?: AuditorServiceEventSeverityLevel;
  /** Ids only: never tokens, inputs or variables. */
  meta?: (req: Request<any, any, any, any>) => JsonObject;
  /** How to send the result; JSON unless the spec says text/plain. */
  as?: 'json' | 'text';
}

/**
 * The shared steps of every endpoint: credentials from httpAuth, an audit
 * event around the call, then the one service method, then the answer.
 * Authorization happens in the services, so a direct service call is never
 * less checked than an HTTP one. Errors propagate to Backstage's middleware.
 */
export function operation<T>(
  context: StepContext,
  options: OperationOptions,
  run: (caller: Caller, req: Request<any, any, any, any>) => Promise<T> | T,
) {
  return async (req: Request<any, any, any, any>, res: Response<any>) => {
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
        res.type('text/plain').send(String(result));
      } else {
        res.json(result);
      }
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  };
}

export const workflowMeta = (req: Request<any, any, any, any>): JsonObject => ({
  workflowId: String(req.params.workflowId ?? ''),
});

export const instanceMeta = (req: Request<any, any, any, any>): JsonObject => ({
  ...(req.params.workflowId
    ? { workflowId: String(req.params.workflowId) }
    : {}),
  instanceId: String(req.params.instanceId ?? ''),
});
