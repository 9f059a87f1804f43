import type {
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';
import type { OrchestratorBackendConfig } from '../config';
import type { DataIndexClient } from '../dataIndex/DataIndexClient';
import type { DefinitionCache } from '../services/DefinitionCache';
import {
  DefaultIndexedOverviewService,
  IndexedOverviewService,
} from './IndexedOverviewService';
import { DefaultRunIndex } from './RunIndex';
import { DatabaseRunIndexStateStore } from './RunIndexState';
import { DAY_MS, DefaultRunIndexSync } from './RunIndexSync';

export const RUN_INDEX_TASK = 'orchestrator-run-index';

/**
 * The run index's parts and its scheduler task, or undefined when it is off.
 * Without the watcher nothing would keep it current, so it is off then too.
 */
export async function wireRunIndex(options: {
  config: OrchestratorBackendConfig;
  knex: Knex;
  dataIndex: DataIndexClient;
  definitions: DefinitionCache;
  scheduler: SchedulerService;
  logger: LoggerService;
}): Promise<
  { overview: IndexedOverviewService; sync: DefaultRunIndexSync } | undefined
> {
  const { config } = options;
  if (!config.runIndex.enabled || !config.instanceWatcher.enabled)
    return undefined;
  const index = DefaultRunIndex.create({ knex: options.knex });
  const state = DatabaseRunIndexStateStore.create({ knex: options.knex });
  const windowMs = config.runIndex.windowDays * DAY_MS;
  const sync = DefaultRunIndexSync.create({
    dataIndex: options.dataIndex,
    index,
    state,
    definitions: options.definitions,
    logger: options.logger,
    windowMs,
    pageSize: config.runIndex.pageSize,
    pauseMs: config.runIndex.pauseMs,
    reconcileMs: config.runIndex.reconcileHours * 3600_000,
    pruneMs: 3600_000,
  });
  // Global scope: one replica scans at a time; the cursor in the database lets any replica resume.
  await options.scheduler.scheduleTask({
    id: RUN_INDEX_TASK,
    scope: 'global',
    frequency: { seconds: config.runIndex.intervalSeconds },
    timeout: { minutes: 30 },
    fn: async signal => {
      await sync.run(signal);
    },
  });
  return {
    overview: DefaultIndexedOverviewService.create({ index, state, windowMs }),
    sync,
  };
}
