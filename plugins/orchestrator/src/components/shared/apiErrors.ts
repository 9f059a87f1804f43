import { ResponseError } from '@backstage/errors';
import { FieldErrorDTO } from '@orchestrator-suite/backstage-plugin-orchestrator-common';

function statusOf(error: unknown): number | undefined {
  if (error instanceof ResponseError) {
    return error.response.status;
  }
  const e = error as { statusCode?: number; response?: { status?: number } };
  return e?.response?.status ?? e?.statusCode;
}

/** What the backend said went wrong: `ResponseError`'s own message is only the HTTP status. */
export function reasonOf(error: unknown): string {
  if (error instanceof ResponseError) {
    return error.body?.error?.message || error.message;
  }
  return (error as Error)?.message ?? String(error);
}

/**
 * The backend answers 503 naming the Data Index when it is down; a 503 naming a workflow's
 * own service (a start that could not reach it) is a different problem with its own message.
 */
export function isDataIndexUnavailable(error: unknown): boolean {
  if (statusOf(error) !== 503) return false;
  const reason =
    error instanceof ResponseError ? error.body?.error?.message : undefined;
  return !reason || /data index/i.test(reason);
}

export function isNotFound(error: unknown): boolean {
  return statusOf(error) === 404;
}

/** 403: the caller may not see or do this (401 is the sign-in's business, not the page's). */
export function isForbidden(error: unknown): boolean {
  return statusOf(error) === 403;
}

/** Field errors of a 400 answer (`error.details`, JSON pointers), if any. */
export function fieldErrorsOf(error: unknown): FieldErrorDTO[] {
  if (!(error instanceof ResponseError) || error.response.status !== 400) {
    return [];
  }
  const details = (error.body.error as { details?: unknown }).details;
  return Array.isArray(details)
    ? details.filter(
        (d): d is FieldErrorDTO =>
          typeof d === 'object' && d !== null && typeof d.path === 'string',
      )
    : [];
}
