import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { CustomErrorBase } from '@backstage/errors';
import type {
  ProcessInstanceDTO,
  WorkflowLogsResponse,
} from '@orchestrator-suite/backstage-plugin-orchestrator-common';

/** How the backend asks a provider for the lines of one run. @public */
export interface WorkflowLogsRequest {
  /**
   * `true`: each `log` is the line as the log backend stored it; `false`: the line prefixed by
   * its ISO-8601 time and a space. The Orchestrator backend always asks for `true` and adds the
   * prefix of `getWorkflowLogById?rawlog=false` itself, so a provider only needs `timestamp`.
   */
  rawlog: boolean;
  /** Aborted when the backend stops waiting; a provider passes it on to its HTTP calls. */
  signal?: AbortSignal;
}

/**
 * A source of per-run log lines (e.g. Loki). The backend has already checked that the caller
 * may read the run before it asks; a provider only fetches. It answers the lines oldest first,
 * at most its own limit of them, with `truncated` when it left older ones out. It throws
 * `ServiceUnavailableError` (from `@backstage/errors`) when its log backend cannot be reached,
 * `WorkflowLogProviderTimeoutError` when it did not answer in time, and any other error when it
 * answered with a failure; the backend turns them into 503, 504 and 502.
 * @public
 */
export interface WorkflowLogProvider {
  /** Short id (e.g. `loki`), named in answers and errors and by `orchestrator.workflowLogProvider.providerId`. */
  getProviderId(): string;
  /**
   * The run's lines. `instance` carries at least `id`, `processId`, `state`, `start` and, once
   * the run is over, `end`; never its variables.
   */
  fetchWorkflowLogsByInstance(
    instance: ProcessInstanceDTO,
    request?: WorkflowLogsRequest,
  ): Promise<WorkflowLogsResponse>;
}

/** What a backend module gets from `workflowLogsExtensionEndpoint`. @public */
export interface WorkflowLogsExtensionPoint {
  addWorkflowLogProvider(...providers: WorkflowLogProvider[]): void;
}

/**
 * Where a backend module of the `orchestrator` plugin registers its log provider (upstream
 * RHDH's name, id and method).
 * @public
 */
export const workflowLogsExtensionEndpoint =
  createExtensionPoint<WorkflowLogsExtensionPoint>({
    id: 'orchestrator.workflowlogs',
  });

/** The same extension point under a name that says what it is. @public */
export const orchestratorWorkflowLogsExtensionPoint =
  workflowLogsExtensionEndpoint;

/** The log backend answered with a failure: the backend answers 502. @public */
export class WorkflowLogProviderError extends CustomErrorBase {
  name = 'WorkflowLogProviderError' as const;
  readonly statusCode = 502;
}

/** The log backend did not answer in time: the backend answers 504. @public */
export class WorkflowLogProviderTimeoutError extends CustomErrorBase {
  name = 'WorkflowLogProviderTimeoutError' as const;
  readonly statusCode = 504;
}
