/*
 * Copyright The Orchestrator Suite Authors
 *
 * Licensed under the Apache License, Version 2.0.
 */

export interface Config {
  /** Configuration of the Orchestrator plugins. */
  orchestrator?: {
    /** Size limit of request bodies the backend accepts, e.g. '100kb' or '1mb'. Default: '100kb'. */
    contentLengthLimit?: string;
    /** The SonataFlow Data Index. */
    dataIndexService: {
      /** Base URL of the Data Index; GraphQL is served at <url>/graphql. Required, no default. */
      url: string;
      /** Timeout of each Data Index request in milliseconds. Default: 10000. */
      timeoutMs?: number;
    };
    /** The workflow services (each workflow's own REST endpoint). */
    workflowService?: {
      /** Timeout of each workflow-service request in milliseconds. Default: 10000. */
      timeoutMs?: number;
    };
    /** The watcher that turns Data Index changes into signals and notifications. */
    instanceWatcher?: {
      /** Seconds between two polls of the Data Index for changed runs. Default: 5. */
      intervalSeconds?: number;
    };
    /** Workflow-service availability probes. */
    availability?: {
      /** Seconds an availability answer is reused before the service is probed again. Default: 60. */
      cacheSeconds?: number;
    };
  };
}
