/*
 * Copyright The Orchestrator Suite Authors
 *
 * Licensed under the Apache License, Version 2.0.
 */
import type { ProcessInstanceStatusDTO } from './dtos';

/** Every run state, in display order. @public */
export const PROCESS_INSTANCE_STATUSES: readonly ProcessInstanceStatusDTO[] = [
  'ACTIVE',
  'ERROR',
  'COMPLETED',
  'ABORTED',
  'SUSPENDED',
  'PENDING',
];

/**
 * States where a run stops changing on its own, so polling can stop. ERROR is included: only a
 * user action (retrigger) moves it on, and that action restarts watching.
 * @public
 */
export const TERMINAL_PROCESS_INSTANCE_STATUSES: readonly ProcessInstanceStatusDTO[] =
  ['COMPLETED', 'ABORTED', 'ERROR'];

/** Signal channel of one run. @public */
export const instanceSignalChannel = (instanceId: string) =>
  `orchestrator:instance:${instanceId}`;

/** Signal channel of every run of one workflow. @public */
export const workflowSignalChannel = (workflowId: string) =>
  `orchestrator:workflow:${workflowId}`;
