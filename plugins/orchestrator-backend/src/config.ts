import type { Config } from '@backstage/config';

/** The backend's settings, with every default applied (see config.d.ts). */
export interface OrchestratorBackendConfig {
  dataIndex: {
    url: string;
    timeoutMs: number;
    readRetries: number;
    maxRequestBytes: number;
  };
  workflowService: { timeoutMs: number; startTimeoutMs: number };
  availability: {
    cacheSeconds: number;
    probeTimeoutMs: number;
    maxBackoffSeconds: number;
    listWaitMs: number;
  };
  definitionsCacheSeconds: number;
  instanceWatcher: {
    enabled: boolean;
    intervalSeconds: number;
    batchSize: number;
  };
  durationSampleSize: number;
  contentLengthLimit: string;
}

export function readOrchestratorConfig(
  config: Config,
): OrchestratorBackendConfig {
  const c = config.getConfig('orchestrator');
  const n = (key: string, fallback: number) =>
    c.getOptionalNumber(key) ?? fallback;
  return {
    dataIndex: {
      url: c.getString('dataIndexService.url'),
      timeoutMs: n('dataIndexService.timeoutMs', 10_000),
      readRetries: n('dataIndexService.readRetries', 1),
      maxRequestBytes: n('dataIndexService.maxRequestBytes', 4_000_000),
    },
    workflowService: {
      timeoutMs: n('workflowService.timeoutMs', 10_000),
      startTimeoutMs: n('workflowService.startTimeoutMs', 30_000),
    },
    availability: {
      cacheSeconds: n('availability.cacheSeconds', 60),
      probeTimeoutMs: n('availability.probeTimeoutMs', 3_000),
      maxBackoffSeconds: n('availability.maxBackoffSeconds', 300),
      listWaitMs: n('availability.listWaitMs', 1_000),
    },
    definitionsCacheSeconds: n('cache.definitionsSeconds', 60),
    instanceWatcher: {
      enabled: c.getOptionalBoolean('instanceWatcher.enabled') ?? true,
      intervalSeconds: n('instanceWatcher.intervalSeconds', 5),
      batchSize: n('instanceWatcher.batchSize', 500),
    },
    durationSampleSize: n('stats.durationSampleSize', 50),
    contentLengthLimit: c.getOptionalString('contentLengthLimit') ?? '100kb',
  };
}
