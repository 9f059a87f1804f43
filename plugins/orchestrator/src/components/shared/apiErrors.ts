import { ResponseError } from '@backstage/errors';
import { FieldErrorDTO } from '@orchestrator-suite/backstage-plugin-orchestrator-common';

function statusOf(error: unknown): number | undefined {
  if (error instanceof ResponseError) {
    return error.response.status;
  }
  const e = error as { statusCode?: number; response?: { status?: number } };
  return e?.response?.status ?? e?.statusCode;
}

/** The backend answers 503 (ServiceUnavailableError) when the Data Index is down. */
export function isDataIndexUnavailable(error: unknown): boolean {
  return statusOf(error) === 503;
}

export function isNotFound(error: unknown): boolean {
  return statusOf(error) === 404;
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
