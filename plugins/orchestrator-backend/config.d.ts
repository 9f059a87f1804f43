/*
 * Copyright The Orchestrator Suite Authors
 *
 * Licensed under the Apache License, Version 2.0.
 */

// Shared keys (dataIndexService.url/timeoutMs, workflowService.timeoutMs,
// instanceWatcher.intervalSeconds, availability.cacheSeconds, contentLengthLimit)
// are declared by orchestrator-common; these are the backend's own.
export interface Config {
  orchestrator?: {
    dataIndexService?: {
      /** Extra attempts of a read when the Data Index is unreachable (never for mutations). Default 1. */
      readRetries?: number;
      /**
       * Largest request body sent to the Data Index in bytes. The overview's figures for all
       * listed workflows are one document (about 500 bytes a workflow) unless it would exceed
       * this. Default 4000000 (Quarkus accepts 10 MB by default).
       */
      maxRequestBytes?: number;
      breaker?: {
        /** Consecutive unreachable answers after which requests fail fast (503) until a probe succeeds. Default 3. */
        failureThreshold?: number;
        /** First wait before a probe once failing fast, doubling up to 60 s while it fails, in milliseconds. Default 2000. */
        cooldownMs?: number;
      };
      /**
       * Extra headers sent with every Data Index request (e.g. an API key of a gateway in
       * front of it). Default none.
       * @visibility secret
       */
      headers?: { [name: string]: string };
      /**
       * Bearer token sent as `Authorization: Bearer <token>` with every Data Index request;
       * replaces an `Authorization` entry of `headers`. Default none.
       * @visibility secret
       */
      token?: string;
    };
    workflowService?: {
      /** Timeout of a start in milliseconds; a start is never retried. Default 30000. */
      startTimeoutMs?: number;
    };
    availability?: {
      /** Timeout of one availability probe in milliseconds. Default 3000. */
      probeTimeoutMs?: number;
      /** Upper bound of the backoff between probes of a failing service, in seconds. Default 300. */
      maxBackoffSeconds?: number;
      /** How long a list waits for first probes before answering without them, in milliseconds. Default 1000. */
      listWaitMs?: number;
    };
    cache?: {
      /** How long the list of process definitions is trusted before it is re-read, in seconds. Default 60. */
      definitionsSeconds?: number;
    };
    instanceWatcher?: {
      /** Publish signals and notifications for changed runs. Default true. */
      enabled?: boolean;
      /** Most changed runs read per tick. Default 500. */
      batchSize?: number;
    };
    stats?: {
      /** Completed runs averaged for `averageTimeToComplete` (Data Index path only; the run index averages all). Default 50. */
      durationSampleSize?: number;
    };
    /**
     * Where admins' "workflow X failed to load: reason" comes from. SonataFlow has no such API;
     * the local stand-in serves one (`/__standin/problems`) beside its Data Index.
     */
    loadProblems?: {
      /** Ask for load problems at all. Default true. */
      enabled?: boolean;
      /** Base URL of the endpoint's host. Default `dataIndexService.url`. */
      url?: string;
      /** How long one answer is reused, in seconds. Default 15. */
      cacheSeconds?: number;
    };
    /** The run index: overview statistics as SQL on the backend database, fed by the instance watcher. */
    runIndex?: {
      /** Keep and use the run index (needs `instanceWatcher.enabled`). Default true. */
      enabled?: boolean;
      /** Statistics window in days: older rows are pruned (each workflow's last run stays); a longer watcher gap means a new backfill. At least 30. Default 30. */
      windowDays?: number;
      /** Runs read per Data Index request by the backfill and reconcile scans (1-1000). Default 500. */
      pageSize?: number;
      /** Pause between two Data Index requests of a scan, in milliseconds (the rate bound). Default 100. */
      pauseMs?: number;
      /** How often a full scan reconciles the index with the Data Index (catches deletions), in hours. Default 6. */
      reconcileHours?: number;
      /** How often the backfill/reconcile/prune task runs (global: one replica at a time), in seconds. Default 60. */
      intervalSeconds?: number;
    };
  };
}
