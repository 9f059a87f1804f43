import { useCallback, useEffect, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  instanceSignalChannel,
  ProcessInstanceDTO,
} from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import { orchestratorApiRef } from '../api/OrchestratorApi';
import { isNotFound } from '../components/shared/apiErrors';
import { useBackoffPolling } from './useBackoffPolling';
import { isTerminal } from './useLiveRows';
import { useLiveAsync } from './useLiveAsync';
import { useSignalChannels } from './useSignalChannels';

export interface WorkflowInstanceState {
  instance?: ProcessInstanceDTO;
  error?: Error;
  loading: boolean;
  /** Just started: the backend answered with the id but the Data Index has not seen the run yet. */
  starting: boolean;
  /** Just started, but still not in the Data Index after `startingWaitMs`: waiting stopped. */
  neverAppeared: boolean;
  isSignalsAvailable: boolean;
  refresh: () => Promise<void>;
  /**
   * Call after an action that changes the run (retrigger, abort): fallback
   * polling then runs until the run's `lastUpdate` moves, even from a
   * terminal state such as ERROR.
   */
  watchForChange: () => void;
}

/**
 * One run, kept current: refreshed on every signal of its channel; without
 * signals, polled with backoff until it reaches a terminal state. A run that
 * was just started may not be in the Data Index yet: while `starting`, a 404
 * is expected and retried quickly (signals may have fired before we listened).
 */
export const STARTING_WAIT_MS = 60_000;

export function useWorkflowInstance(
  instanceId: string,
  options: { starting?: boolean; startingWaitMs?: number } = {},
): WorkflowInstanceState {
  const startingWaitMs = options.startingWaitMs ?? STARTING_WAIT_MS;
  const api = useApi(orchestratorApiRef);
  const [awaiting, setAwaiting] = useState<{
    lastUpdate?: string;
    state?: string;
  }>();
  const { value, error, loading, refresh } = useLiveAsync(
    () => api.getInstance(instanceId),
    [api, instanceId],
  );
  // A start whose run never reaches the Data Index (it failed after answering, or the Data
  // Index lost it) must not leave the page waiting forever.
  const [waitedOut, setWaitedOut] = useState(false);
  useEffect(() => {
    setWaitedOut(false);
    if (!options.starting) return undefined;
    const timer = setTimeout(() => setWaitedOut(true), startingWaitMs);
    return () => clearTimeout(timer);
  }, [options.starting, instanceId, startingWaitMs]);
  const awaitingStart =
    Boolean(options.starting) && !value && (loading || isNotFound(error));
  const starting = awaitingStart && !waitedOut;
  const neverAppeared = awaitingStart && waitedOut && !loading;

  const { isSignalsAvailable } = useSignalChannels(
    [instanceSignalChannel(instanceId)],
    () => {
      refresh();
    },
  );
  useBackoffPolling({
    enabled: starting && !loading,
    poll: refresh,
    initialDelayMs: 500,
    maxDelayMs: 5000,
    factor: 1.5,
  });
  const changed =
    !awaiting ||
    value?.lastUpdate !== awaiting.lastUpdate ||
    value?.state !== awaiting.state;
  useBackoffPolling({
    enabled:
      !isSignalsAvailable &&
      Boolean(value) &&
      (!isTerminal(value?.state) || !changed),
    poll: refresh,
    resetKey: awaiting,
  });
  const watchForChange = useCallback(
    () => setAwaiting({ lastUpdate: value?.lastUpdate, state: value?.state }),
    [value?.lastUpdate, value?.state],
  );

  return {
    instance: value,
    error: starting || neverAppeared ? undefined : error,
    loading,
    starting,
    neverAppeared,
    isSignalsAvailable,
    refresh,
    watchForChange,
  };
}
