import { ProcessInstanceStatusDTO } from '@orchestrator-suite/backstage-plugin-orchestrator-common';

export type InstanceAction = 'abort' | 'retrigger' | 'rerun';

/** Which states allow which action; the backend enforces the same rules. */
const ALLOWED: Record<InstanceAction, ProcessInstanceStatusDTO[]> = {
  abort: ['ACTIVE', 'ERROR', 'SUSPENDED'],
  retrigger: ['ERROR'],
  rerun: ['COMPLETED', 'ABORTED', 'ERROR'],
};

const RULE_TEXT: Record<InstanceAction, string> = {
  abort: 'Only running, failed or suspended runs can be aborted',
  retrigger: 'Only failed runs can be retriggered from the failed node',
  rerun: 'Only finished runs (completed, aborted or failed) can be rerun',
};

/** Why the action is not possible in this state, or undefined when it is. */
export function actionBlockedReason(
  action: InstanceAction,
  state: ProcessInstanceStatusDTO | undefined,
): string | undefined {
  return state && ALLOWED[action].includes(state)
    ? undefined
    : RULE_TEXT[action];
}
