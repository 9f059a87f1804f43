import type { HealthDetailsDTO } from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import type { DataIndexHealth } from '../dataIndex/CircuitBreaker';
import type { WatcherStatus } from '../watcher/InstanceWatcher';

export interface HealthSources {
  /** The Data Index as this replica's circuit breaker sees it (no request is made). */
  dataIndex: () => DataIndexHealth | undefined;
  watcherEnabled: boolean;
  /** This replica's watcher; the task is global, so another replica may be the one ticking. */
  watcher: () => WatcherStatus | undefined;
}

/**
 * `GET /health/details`: readiness details without a request to anyone (a probe that pinged
 * the Data Index on every call would be the polling the design rules out). `degraded` while
 * the Data Index fails; still 200, so the replica keeps serving and can explain the 503s.
 */
export function healthDetails(sources: HealthSources): HealthDetailsDTO {
  const dataIndex = sources.dataIndex() ?? {
    status: 'unknown',
    circuit: 'closed',
  };
  const watcher = sources.watcher() ?? {};
  return {
    status: dataIndex.status === 'down' ? 'degraded' : 'ok',
    dataIndex,
    watcher: { enabled: sources.watcherEnabled, ...watcher },
  };
}
