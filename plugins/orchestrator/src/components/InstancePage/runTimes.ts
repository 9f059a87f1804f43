import {
  ProcessInstanceDTO,
  TERMINAL_PROCESS_INSTANCE_STATUSES,
} from '@orchestrator-suite/backstage-plugin-orchestrator-common';

/**
 * When the run ended. The Data Index sets `end` only for runs that completed
 * or were aborted; a run in ERROR keeps no end, but it stopped at its last
 * update, so that is when it ended.
 */
export function runEnded(instance: ProcessInstanceDTO): string | undefined {
  if (instance.end) return instance.end;
  const ended =
    instance.state &&
    TERMINAL_PROCESS_INSTANCE_STATUSES.includes(instance.state);
  return ended ? instance.lastUpdate : undefined;
}

/** How long the run took (or has taken so far, for a live run, `now` given). */
export function runDuration(
  instance: ProcessInstanceDTO,
  now?: number,
): number | undefined {
  if (instance.duration !== undefined && instance.duration !== null) {
    return instance.duration;
  }
  const start = instance.start ? Date.parse(instance.start) : NaN;
  const endText = runEnded(instance);
  const end = endText ? Date.parse(endText) : now ?? NaN;
  return Number.isNaN(start) || Number.isNaN(end) ? undefined : end - start;
}
