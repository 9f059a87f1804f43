/*
 * Copyright The Orchestrator Suite Authors
 *
 * Licensed under the Apache License, Version 2.0.
 */
import type { ProcessInstanceStatusDTO } from './dtos';

/**
 * Every run state, in display order: the one list the backend's filters, the actions' enums and
 * the UI read (a tuple, so zod enums can take it as is).
 * @public
 */
export const PROCESS_INSTANCE_STATUSES = [
  'ACTIVE',
  'ERROR',
  'COMPLETED',
  'ABORTED',
  'SUSPENDED',
  'PENDING',
] as const satisfies readonly ProcessInstanceStatusDTO[];

/**
 * States where a run stops changing on its own, so polling can stop. ERROR is included: only a
 * user action (retrigger) moves it on, and that action restarts watching.
 * @public
 */
export const TERMINAL_PROCESS_INSTANCE_STATUSES: readonly ProcessInstanceStatusDTO[] =
  ['COMPLETED', 'ABORTED', 'ERROR'];

/**
 * What a user may do with a run in each state: the one table both the backend (which enforces
 * it, answering 409) and the UI (which offers the buttons) read.
 * @public
 */
export const RUN_ACTIONS_BY_STATUS: Readonly<
  Record<ProcessInstanceStatusDTO, readonly RunAction[]>
> = {
  ACTIVE: ['abort'],
  PENDING: [],
  SUSPENDED: ['abort'],
  ERROR: ['abort', 'retrigger', 'rerun'],
  COMPLETED: ['rerun'],
  ABORTED: ['rerun'],
};

/** An action on an existing run. @public */
export type RunAction = 'abort' | 'retrigger' | 'rerun';

/** States a run must be in for `action`. @public */
export function statusesAllowing(
  action: RunAction,
): ProcessInstanceStatusDTO[] {
  return PROCESS_INSTANCE_STATUSES.filter(s =>
    RUN_ACTIONS_BY_STATUS[s].includes(action),
  );
}

/** Whether a run in `status` allows `action`; an unknown status allows nothing. @public */
export function isRunActionAllowed(
  action: RunAction,
  status: ProcessInstanceStatusDTO | undefined,
): boolean {
  return Boolean(status && RUN_ACTIONS_BY_STATUS[status]?.includes(action));
}

/** Signal channel of one run. @public */
export const instanceSignalChannel = (instanceId: string) =>
  `orchestrator:instance:${instanceId}`;

/** Signal channel of every run of one workflow. @public */
export const workflowSignalChannel = (workflowId: string) =>
  `orchestrator:workflow:${workflowId}`;

/**
 * Signal channel of every workflow's runs, ticked to live instance admins only: pages listing
 * runs of any workflow (All runs, an entity's runs) cannot know every workflow channel. @public
 */
export const allWorkflowsSignalChannel = 'orchestrator:workflows';
