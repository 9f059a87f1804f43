/**
 * A local SonataFlow stand-in: Data Index GraphQL plus a Serverless Workflow
 * 0.8 runtime, in memory.
 *
 * @packageDocumentation
 */
export { startStandin } from './startStandin';
export type { StartStandinOptions, RunningStandin } from './startStandin';
export type { StandinFaults } from './faults/FaultSwitches';
export type { StandinStatsSnapshot } from './faults/RequestStats';
export type { DataIndexStore } from './store/DataIndexStore';
export * from './store/types';
export { DATA_INDEX_SDL_PATH } from './graphql/schema';
