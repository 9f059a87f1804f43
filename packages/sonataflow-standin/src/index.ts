/**
 * A local SonataFlow stand-in: Data Index GraphQL plus a Serverless Workflow
 * 0.8 runtime, in memory.
 *
 * @packageDocumentation
 */
export { startStandin } from './startStandin';
export type { StartStandinOptions, RunningStandin } from './startStandin';
export { FaultSwitches, NO_FAULTS } from './faults/FaultSwitches';
export type { StandinFaults } from './faults/FaultSwitches';
export { RequestStats } from './faults/RequestStats';
export type { StandinStatsSnapshot } from './faults/RequestStats';
export { DefaultDataIndexStore } from './store/DataIndexStore';
export type {
  DataIndexStore,
  InstanceChangeListener,
} from './store/DataIndexStore';
export * from './store/types';
export { DATA_INDEX_SDL_PATH } from './graphql/schema';
export type { InstanceOperations } from './graphql/InstanceOperations';
export { WorkflowRuntime } from './runtime/WorkflowRuntime';
export type {
  WorkflowRuntimeOptions,
  StartBody,
} from './runtime/WorkflowRuntime';
export type { CloudEvent } from './runtime/execution/Execution';
export type {
  LoadedWorkflow,
  LoadProblem,
} from './runtime/loader/loadWorkflows';
export { seedInstances } from './seed/seedInstances';
export type { SeedOptions } from './seed/seedInstances';
export { RunLog } from './runLog/RunLog';
export type { RunLogLine } from './runLog/RunLog';
