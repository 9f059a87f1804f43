import { readDurationFromConfig, type Config } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';

/** The backend's settings, with every default applied (see config.d.ts). */
export interface OrchestratorBackendConfig {
  dataIndex: {
    url: string;
    timeoutMs: number;
    readRetries: number;
    maxRequestBytes: number;
    breakerThreshold: number;
    breakerCooldownMs: number;
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
    /** 0: instance admins get no ticks for others' runs (their pages then poll). */
    adminTicksTtlSeconds: number;
  };
  durationSampleSize: number;
  runIndex: {
    enabled: boolean;
    windowDays: number;
    pageSize: number;
    pauseMs: number;
    reconcileHours: number;
    intervalSeconds: number;
  };
  loadProblems: { enabled: boolean; url: string; cacheSeconds: number };
  workflowLogs: {
    providerId?: string;
    timeoutMs: number;
    /** Provider ids with settings under `workflowLogProvider` (e.g. `loki`). */
    configuredIds: string[];
  };
  contentLengthLimit: string;
}

export function readOrchestratorConfig(
  config: Config,
): OrchestratorBackendConfig {
  const c = config.getConfig('orchestrator');
  const n = (key: string, fallback: number) =>
    c.getOptionalNumber(key) ?? fallback;
  /** A duration key (`'10s'`, `'PT10S'`, `{ seconds: 10 }`), else its deprecated `…Ms` alias. */
  const ms = (key: string, fallback: number) =>
    c.has(key)
      ? durationMs(c, key)
      : c.getOptionalNumber(`${key}Ms`) ?? fallback;
  return {
    dataIndex: {
      url: dataIndexBaseUrl(c.getString('dataIndexService.url')),
      timeoutMs: ms('dataIndexService.timeout', 10_000),
      readRetries: n('dataIndexService.readRetries', 1),
      maxRequestBytes: n('dataIndexService.maxRequestBytes', 4_000_000),
      breakerThreshold: n('dataIndexService.breaker.failureThreshold', 3),
      breakerCooldownMs: ms('dataIndexService.breaker.cooldown', 2_000),
    },
    workflowService: {
      timeoutMs: ms('workflowService.timeout', 10_000),
      startTimeoutMs: ms('workflowService.startTimeout', 30_000),
    },
    availability: {
      cacheSeconds: n('availability.cacheSeconds', 60),
      probeTimeoutMs: ms('availability.probeTimeout', 3_000),
      maxBackoffSeconds: n('availability.maxBackoffSeconds', 300),
      listWaitMs: ms('availability.listWait', 1_000),
    },
    definitionsCacheSeconds: n('cache.definitionsSeconds', 60),
    instanceWatcher: {
      enabled: c.getOptionalBoolean('instanceWatcher.enabled') ?? true,
      intervalSeconds: n('instanceWatcher.intervalSeconds', 5),
      batchSize: n('instanceWatcher.batchSize', 500),
      adminTicksTtlSeconds: Math.max(
        0,
        n('instanceWatcher.adminTicksTtlSeconds', 900),
      ),
    },
    durationSampleSize: n('stats.durationSampleSize', 50),
    runIndex: {
      enabled: c.getOptionalBoolean('runIndex.enabled') ?? true,
      // The overview counts 30 days; a shorter window could not answer it.
      windowDays: Math.max(30, n('runIndex.windowDays', 30)),
      pageSize: Math.min(1000, Math.max(1, n('runIndex.pageSize', 500))),
      pauseMs: Math.max(0, ms('runIndex.pause', 100)),
      reconcileHours: n('runIndex.reconcileHours', 6),
      intervalSeconds: n('runIndex.intervalSeconds', 60),
    },
    contentLengthLimit: c.getOptionalString('contentLengthLimit') ?? '100kb',
    loadProblems: {
      enabled: c.getOptionalBoolean('loadProblems.enabled') ?? true,
      url: c.has('loadProblems.url')
        ? httpBaseUrl(c.getString('loadProblems.url'), 'loadProblems.url')
        : dataIndexBaseUrl(c.getString('dataIndexService.url')),
      cacheSeconds: Math.max(0, n('loadProblems.cacheSeconds', 15)),
    },
    workflowLogs: {
      providerId: c.getOptionalString('workflowLogProvider.providerId'),
      timeoutMs: ms('workflowLogProvider.timeout', 30_000),
      configuredIds: logProviderIds(c.getOptionalConfig('workflowLogProvider')),
    },
  };
}

/** Keys of `workflowLogProvider` holding a provider's settings, not the shared ones. */
function logProviderIds(c: Config | undefined): string[] {
  return (c?.keys() ?? []).filter(
    key => !['providerId', 'timeout'].includes(key),
  );
}

/** Milliseconds of `orchestrator.<key>`, or an error naming the key and the forms it takes. */
function durationMs(c: Config, key: string): number {
  try {
    return durationToMilliseconds(readDurationFromConfig(c, { key }));
  } catch (error) {
    throw new Error(
      `orchestrator.${key} must be a duration such as '10s', 'PT10S' or { seconds: 10 }: ${
        (error as Error).message
      }`,
    );
  }
}

/**
 * The Data Index base URL, checked at startup so a typo fails with the key's name instead of
 * every request failing later. A trailing `/graphql` (a common way to paste it) is dropped,
 * since the client appends it.
 */
export function dataIndexBaseUrl(value: string): string {
  return httpBaseUrl(value, 'dataIndexService.url').replace(/\/graphql$/, '');
}

/** An http(s) URL without trailing slashes, or an error naming the `orchestrator.<key>`. */
function httpBaseUrl(value: string, key: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(
      `orchestrator.${key} must be an http(s) URL, got '${value}'`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(
      `orchestrator.${key} must be an http(s) URL, got '${value}'`,
    );
  }
  return url.toString().replace(/\/+$/, '');
}
