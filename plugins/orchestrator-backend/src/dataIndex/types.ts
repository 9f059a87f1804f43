/**
 * Shapes of the Data Index GraphQL answers, as the client selects them.
 * They are mapped to the REST DTOs of orchestrator-common once, in the services.
 */

/** Enum values of `ProcessInstanceState` in the Data Index schema. */
export const PROCESS_INSTANCE_STATES = [
  'PENDING',
  'ACTIVE',
  'COMPLETED',
  'ABORTED',
  'SUSPENDED',
  'ERROR',
] as const;

export type ProcessInstanceState = (typeof PROCESS_INSTANCE_STATES)[number];

// The answer shapes are part of the DataIndexClient contract in orchestrator-node (change them
// there); re-exported so the backend keeps one import path.
export type {
  GqlChangedInstance,
  GqlNodeInstance,
  GqlProcessDefinition,
  GqlProcessInstanceDetails,
  GqlProcessInstanceError,
  GqlProcessInstanceSummary,
  GqlRunIndexInstance,
  OrderByArgument,
  PageResult,
  PaginationArgument,
  WhereArgument,
  WithWarnings,
  WorkflowRunFigures,
} from '@orchestrator-suite/backstage-plugin-orchestrator-node';
