/**
 * An error raised while running an instance. `code` is what `errors[].code`
 * of a workflow matches in `onErrors` (HTTP status for REST calls).
 */
export class WorkflowExecutionError extends Error {
  name = 'WorkflowExecutionError';
  constructor(message: string, readonly code?: string) {
    super(message);
  }
}

/** A construct of Serverless Workflow 0.8 the stand-in does not run. */
export class UnsupportedConstructError extends WorkflowExecutionError {
  name = 'UnsupportedConstructError';
  constructor(construct: string) {
    super(`Unsupported construct: ${construct}`, 'unsupported');
  }
}

/** Input that fails the workflow's dataInputSchema; `errors` carry JSON pointers. */
export class InputValidationError extends Error {
  name = 'InputValidationError';
  constructor(readonly errors: Array<{ path: string; message: string }>) {
    super(
      `Input validation failed: ${errors
        .map(e => `${e.path || '/'} ${e.message}`)
        .join('; ')}`,
    );
  }
}
