/**
 * Shapes of the Data Index GraphQL answers, as the Orchestrator backend selects them. They are
 * part of the {@link DataIndexClient} contract, so a replacement client answers the same shapes;
 * the backend maps them to the REST DTOs of orchestrator-common once, in its services.
 */

/** @public */
export interface GqlProcessDefinition {
  id: string;
  name?: string | null;
  version?: string | null;
  type?: string | null;
  endpoint?: string | null;
  serviceUrl?: string | null;
  description?: string | null;
  annotations?: (string | null)[] | null;
  metadata?: Record<string, unknown> | null;
}

/** @public */
export interface GqlProcessInstanceError {
  nodeDefinitionId: string;
  nodeInstanceId?: string | null;
  message?: string | null;
}

/** The columns a list page selects: never `variables`, `nodes` or `source`. @public */
export interface GqlProcessInstanceSummary {
  id: string;
  processId: string;
  processName?: string | null;
  version?: string | null;
  /** Kept as a string: an unknown state must not break a list. */
  state?: string | null;
  start?: string | null;
  end?: string | null;
  lastUpdate?: string | null;
  endpoint?: string | null;
  serviceUrl?: string | null;
  businessKey?: string | null;
  parentProcessInstanceId?: string | null;
  rootProcessInstanceId?: string | null;
  error?: GqlProcessInstanceError | null;
}

/** @public */
export interface GqlNodeInstance {
  id: string;
  name: string;
  type: string;
  enter: string;
  exit?: string | null;
  definitionId: string;
  nodeId: string;
  errorMessage?: string | null;
}

/** @public */
export interface GqlProcessInstanceDetails extends GqlProcessInstanceSummary {
  executionSummary?: (string | null)[] | null;
  nodes?: GqlNodeInstance[] | null;
  /** The Data Index may answer JSON as an object or as a serialized string. */
  variables?: unknown;
}

/** What the backend's instance watcher needs about an instance that changed. @public */
export interface GqlChangedInstance {
  id: string;
  processId: string;
  processName?: string | null;
  state?: string | null;
  version?: string | null;
  start?: string | null;
  lastUpdate: string;
  end?: string | null;
  businessKey?: string | null;
  parentProcessInstanceId?: string | null;
  rootProcessInstanceId?: string | null;
  error?: GqlProcessInstanceError | null;
  variables?: unknown;
}

/** One run as the backend's run index (backfill and reconcile) selects it. @public */
export interface GqlRunIndexInstance {
  id: string;
  processId: string;
  version?: string | null;
  state?: string | null;
  start?: string | null;
  end?: string | null;
  lastUpdate?: string | null;
  businessKey?: string | null;
  parentProcessInstanceId?: string | null;
  rootProcessInstanceId?: string | null;
  variables?: unknown;
}

/** Raw per-workflow run figures of the overview, before ratios are computed. @public */
export interface WorkflowRunFigures {
  lastRun?: { id: string; state?: string | null; start?: string | null };
  runsSince: number;
  completedSince: number;
  erroredSince: number;
  /** start/end pairs of the latest completed runs, for the average duration. */
  completedSamples: { start?: string | null; end?: string | null }[];
  /** Exact average duration of completed runs, when the source knows it (the run index). */
  averageDurationMs?: number;
}

/**
 * A `where` argument value of the Data Index (`ProcessInstanceArgument` etc.). The backend builds
 * it only from allow-listed fields; a client sends it as a GraphQL variable, never as text.
 * @public
 */
export type WhereArgument = Record<string, unknown>;
/** @public */
export type OrderByArgument = Record<string, 'ASC' | 'DESC'>;

/** @public */
export interface PaginationArgument {
  limit: number;
  offset: number;
}

/** Data and the non-fatal GraphQL errors that came with it. @public */
export interface WithWarnings<T> {
  data: T;
  warnings: string[];
}

/** @public */
export interface PageResult<T> extends WithWarnings<T[]> {
  /** Absent when the Data Index has no `Count…` queries (before 10.1.0). */
  totalCount?: number;
}
