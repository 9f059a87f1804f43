import { CustomErrorBase } from '@backstage/errors';

/** The workflow's service answered with a server error: 502, the upstream failed. */
export class WorkflowServiceError extends CustomErrorBase {
  name = 'WorkflowServiceError' as const;
  readonly statusCode = 502;
}

/** The workflow's service did not answer in time: 504. */
export class WorkflowServiceTimeoutError extends CustomErrorBase {
  name = 'WorkflowServiceTimeoutError' as const;
  readonly statusCode = 504;
}

const NEVER_SENT = Symbol('orchestrator.neverSent');

/** Marks a failure that happened before the request reached the service (e.g. refused). */
export function markNeverSent<E extends Error>(error: E): E {
  (error as any)[NEVER_SENT] = true;
  return error;
}

/**
 * Whether a failed call certainly did nothing at the service: it answered 4xx (it checks a
 * start before creating the run) or the connection was never made. A timeout, a 5xx or a cut
 * connection may have left a run behind.
 */
export function certainlyDidNothing(error: unknown): boolean {
  if ((error as any)?.[NEVER_SENT]) return true;
  const name = (error as Error)?.name;
  return name === 'InputError' || name === 'NotFoundError';
}
