/**
 * Scaffolder actions of the Orchestrator suite: `orchestrator:workflow:run` and
 * `orchestrator:workflow:get_params`.
 *
 * @packageDocumentation
 */
export { scaffolderModuleOrchestrator as default } from './module';
export { createRunWorkflowAction } from './actions/runWorkflow';
export { createGetWorkflowParamsAction } from './actions/getWorkflowParams';
export type { OrchestratorActionDeps } from './actions/orchestratorClient';
