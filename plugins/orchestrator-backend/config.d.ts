/*
 * Copyright The Orchestrator Suite Authors
 *
 * Licensed under the Apache License, Version 2.0.
 */

import type { HumanDuration } from '@backstage/types';

// Every key the Orchestrator backend reads. Durations take any Backstage form ('10s', 'PT10S',
// { seconds: 10 }); the older `…Ms` number keys still work as deprecated aliases.
export interface Config {
  /** Configuration of the Orchestrator plugins. */
  orchestrator?: {
    /** Size limit of request bodies the backend accepts, e.g. '100kb' or '1mb'. Default: '100kb'. */
    contentLengthLimit?: string;
    /** The SonataFlow Data Index. */
    dataIndexService: {
      /** Base URL of the Data Index; GraphQL is served at <url>/graphql. Required, no default. */
      url: string;
      /** Deadline of one Data Index read, across its retries. Default: 10s. */
      timeout?: HumanDuration | string;
      /** @deprecated use `timeout`; milliseconds. */
      timeoutMs?: number;
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
        /** First wait before a probe once failing fast, doubling up to 60 s while it fails. Default 2s. */
        cooldown?: HumanDuration | string;
        /** @deprecated use `cooldown`; milliseconds. */
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
    /** The workflow services (each workflow's own REST endpoint). */
    workflowService?: {
      /** Timeout of each workflow-service request other than a start (a read and its retry share it). Default: 10s. */
      timeout?: HumanDuration | string;
      /** @deprecated use `timeout`; milliseconds. */
      timeoutMs?: number;
      /** Timeout of a start; a start is never retried (it is reconciled instead). Default 30s. */
      startTimeout?: HumanDuration | string;
      /** @deprecated use `startTimeout`; milliseconds. */
      startTimeoutMs?: number;
    };
    /** Workflow-service availability probes. */
    availability?: {
      /** Seconds an availability answer is reused before the service is probed again. Default: 60. */
      cacheSeconds?: number;
      /** Timeout of one availability probe. Default 3s. */
      probeTimeout?: HumanDuration | string;
      /** @deprecated use `probeTimeout`; milliseconds. */
      probeTimeoutMs?: number;
      /** Upper bound of the backoff between probes of a failing service, in seconds. Default 300. */
      maxBackoffSeconds?: number;
      /** How long a list waits for first probes before answering without them. Default 1s. */
      listWait?: HumanDuration | string;
      /** @deprecated use `listWait`; milliseconds. */
      listWaitMs?: number;
    };
    cache?: {
      /** How long the list of process definitions is trusted before it is re-read, in seconds. Default 60. */
      definitionsSeconds?: number;
    };
    /** The watcher that turns Data Index changes into signals and notifications. */
    instanceWatcher?: {
      /** Seconds between two polls of the Data Index for changed runs. Default: 5. */
      intervalSeconds?: number;
      /** Publish signals and notifications for changed runs. Default true. */
      enabled?: boolean;
      /** Most changed runs read per tick. Default 500. */
      batchSize?: number;
      /**
       * How long, in seconds, an instance admin (`orchestrator.instanceAdminView`) keeps getting
       * the content-free workflow ticks of others' runs after their last request that showed the
       * permission, so their pages update by signals instead of polling. Someone who lost the
       * permission gets at most this long of content-free ticks, and sees nothing new through the
       * API. 0 turns it off (only owners are ticked, as before). The frontend plugin declares the
       * key visible to the browser: with 0 admins' pages poll every 15 s again, otherwise a page
       * no tick refreshed reloads within half the TTL to stay known. Default 900.
       */
      adminTicksTtlSeconds?: number;
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
      /** Pause between two Data Index requests of a scan (the rate bound). Default 100ms. */
      pause?: HumanDuration | string;
      /** @deprecated use `pause`; milliseconds. */
      pauseMs?: number;
      /** How often a full scan reconciles the index with the Data Index (catches deletions), in hours. Default 6. */
      reconcileHours?: number;
      /** How often the backfill/reconcile/prune task runs (global: one replica at a time), in seconds. Default 60. */
      intervalSeconds?: number;
    };
    /**
     * Per-run logs (`GET /v2/workflows/instances/{instanceId}/logs`) from a log provider module,
     * e.g. `loki` (settings under `loki`, see that module's config). Its presence shows
     * "View logs" in the UI (the frontend plugin declares it visible).
     */
    workflowLogProvider?: {
      /** Which registered provider answers when several are installed. Default: the only one registered, else the one configured here. */
      providerId?: string;
      /** The most the backend waits for a provider, whatever the provider's own timeout. Default 30s. */
      timeout?: HumanDuration | string;
    };
  };
}
