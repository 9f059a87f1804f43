/**
 * Backend module of the Orchestrator plugin: per-run workflow logs from Grafana Loki.
 *
 * @packageDocumentation
 */
export { orchestratorModuleLoki as default } from './module';
export { DefaultLokiLogProvider } from './DefaultLokiLogProvider';
