import {
  DEFINITIONS_PAGE,
  DEFINITIONS_PAGE_WITH_COUNT,
  DEFINITION_SOURCE,
} from './definitions';
import {
  INSTANCES_CHANGED_SINCE,
  INSTANCES_PAGE,
  INSTANCES_PAGE_WITH_COUNT,
  INSTANCE_DETAILS,
} from './instances';
import { ABORT_INSTANCE, RETRY_INSTANCE } from './mutations';
import { RUN_INDEX_LAST_RUN, RUN_INDEX_PAGE } from './runIndex';

export * from './definitions';
export * from './instances';
export * from './mutations';
export * from './overviewStats';
export * from './runIndex';

/** Every constant document the client can send (the overview one is built by size). */
export const STATIC_DOCUMENTS: Record<string, string> = {
  DEFINITIONS_PAGE,
  DEFINITIONS_PAGE_WITH_COUNT,
  DEFINITION_SOURCE,
  INSTANCES_PAGE,
  INSTANCES_PAGE_WITH_COUNT,
  INSTANCE_DETAILS,
  INSTANCES_CHANGED_SINCE,
  ABORT_INSTANCE,
  RETRY_INSTANCE,
  RUN_INDEX_PAGE,
  RUN_INDEX_LAST_RUN,
};
