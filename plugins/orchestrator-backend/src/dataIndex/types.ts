/**
 * Shapes of the Data Index GraphQL answers, as the client selects them.
 * They are mapped to the REST DTOs of orchestrator-common once, in the services.
 */

// The enum values of `ProcessInstanceState` in the Data Index schema are the REST run states,
// so both read common's list.
export { PROCESS_INSTANCE_STATUSES as PROCESS_INSTANCE_STATES } from '@orchestrator-suite/backstage-plugin-orchestrator-common';

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
