/**
 * Backend plugin of the Orchestrator suite: serves the Orchestrator REST API
 * over the SonataFlow Data Index and workflow services.
 *
 * @packageDocumentation
 */
export { orchestratorPlugin as default } from './plugin';
