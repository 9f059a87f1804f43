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
