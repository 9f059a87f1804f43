/*
 * Copyright The Orchestrator Suite Authors
 *
 * Licensed under the Apache License, Version 2.0.
 */
export interface Config {
  orchestrator: {
    dataIndexService: {
      /** Base URL of the SonataFlow Data Index; GraphQL is served at `<url>/graphql`. Required. */
      url: string;
      /** Timeout of one Data Index request in milliseconds. Default 10000. */
      timeoutMs?: number;
      /** Extra attempts of a read when the Data Index is unreachable (never for mutations). Default 1. */
      readRetries?: number;
    };
    workflowService?: {
      /** Timeout of a call to a workflow's service (abort, retrigger, input schema) in milliseconds. Default 10000. */
      timeoutMs?: number;
      /** Timeout of a start in milliseconds; a start is never retried. Default 30000. */
      startTimeoutMs?: number;
    };
    availability?: {
      /** How long a successful availability probe is trusted, in seconds. Default 30. */
      cacheSeconds?: number;
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
      /** Seconds between two Data Index polls of changed runs. Default 5. */
      intervalSeconds?: number;
      /** Most changed runs read per tick. Default 500. */
      batchSize?: number;
    };
    stats?: {
      /** Completed runs averaged for `averageTimeToComplete`. Default 50. */
      durationSampleSize?: number;
    };
    /** Largest accepted JSON request body (e.g. `1mb`). Default `1mb`. */
    contentLengthLimit?: string;
  };
}
