import {
  ProcessInstanceDTO,
  TERMINAL_PROCESS_INSTANCE_STATUSES,
  instanceSignalChannel,
  workflowSignalChannel,
} from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import { useBackoffPolling } from './useBackoffPolling';
import { useSignalChannels } from './useSignalChannels';

export function isTerminal(state: ProcessInstanceDTO['state']): boolean {
  return Boolean(state && TERMINAL_PROCESS_INSTANCE_STATUSES.includes(state));
}

/**
 * Keeps a page of runs current. With signals: listen on each unfinished run's
 * channel and on its workflow's channel (delivered to the owners of the runs
 * that changed; admins hear of others' runs through useAdminPolling),
 * plus `extraChannels`, and refresh on a message, with no timer. Without
 * signals: poll with backoff, only while some row is unfinished.
 */
export function useLiveRows(
  rows: ProcessInstanceDTO[] | undefined,
  refresh: () => Promise<unknown>,
  extraChannels: string[] = [],
): { isSignalsAvailable: boolean } {
  const unfinished = (rows ?? []).filter(r => !isTerminal(r.state));
  const channels = [
    ...unfinished.map(r => instanceSignalChannel(r.id)),
    ...unfinished.map(r => workflowSignalChannel(r.processId)),
    ...extraChannels,
  ];
  const { isSignalsAvailable } = useSignalChannels(channels, () => {
    refresh();
  });
  useBackoffPolling({
    enabled: !isSignalsAvailable && unfinished.length > 0,
    poll: refresh,
    initialDelayMs: 5000,
    maxDelayMs: 60000,
    resetKey: unfinished.map(r => r.id).join(','),
  });
  return { isSignalsAvailable };
}
