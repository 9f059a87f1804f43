import { ProcessInstanceStatusDTO } from '@orchestrator-suite/backstage-plugin-orchestrator-common';

export type InstanceAction = 'abort' | 'retrigger' | 'rerun';

/** Which states allow which action; the backend enforces the same rules. */
const ALLOWED: Record<InstanceAction, ProcessInstanceStatusDTO[]> = {
  abort: ['ACTIVE', 'ERROR', 'SUSPENDED'],
  retrigger: ['ERROR'],
  rerun: ['COMPLETED', 'ABORTED', 'ERROR'],
};

/** Whether the run's state allows the action (the reason text lives in the translations). */
export function isActionAllowed(
  action: InstanceAction,
  state: ProcessInstanceStatusDTO | undefined,
): boolean {
  return Boolean(state && ALLOWED[action].includes(state));
}
