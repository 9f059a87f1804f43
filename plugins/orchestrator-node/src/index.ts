/**
 * Extension points of the Orchestrator backend plugin: service refs (with default factories)
 * for its Data Index client, its run store and its source of workflow load problems, and the
 * interfaces a replacement implements.
 *
 * @packageDocumentation
 */

export * from './dataIndexTypes';
export * from './dataIndexClient';
export * from './runStore';
export * from './workflowLoadProblems';
export * from './workflowLogs';
