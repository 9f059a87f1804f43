/**
 * Extension points of the Orchestrator backend plugin: service refs (with default factories)
 * for its Data Index client and its run store, and the interfaces a replacement implements.
 *
 * @packageDocumentation
 */

export * from './dataIndexTypes';
export * from './dataIndexClient';
export * from './runStore';
