import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

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
      url: dataIndexBaseUrl(c.getString('dataIndexService.url')),
      timeoutMs: n('dataIndexService.timeoutMs', 10_000),
      readRetries: n('dataIndexService.readRetries', 1),
      maxRequestBytes: n('dataIndexService.maxRequestBytes', 4_000_000),
      breakerThreshold: n('dataIndexService.breaker.failureThreshold', 3),
      breakerCooldownMs: n('dataIndexService.breaker.cooldownMs', 2_000),
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
    runIndex: {
      enabled: c.getOptionalBoolean('runIndex.enabled') ?? true,
      // The overview counts 30 days; a shorter window could not answer it.
      windowDays: Math.max(30, n('runIndex.windowDays', 30)),
      pageSize: Math.min(1000, Math.max(1, n('runIndex.pageSize', 500))),
      pauseMs: Math.max(0, n('runIndex.pauseMs', 100)),
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
  };
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
    throw new InputError(
      `orchestrator.${key} must be an http(s) URL, got '${value}'`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InputError(
      `orchestrator.${key} must be an http(s) URL, got '${value}'`,
    );
  }
  return url.toString().replace(/\/+$/, '');
}
