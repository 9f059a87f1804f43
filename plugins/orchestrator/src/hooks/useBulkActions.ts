import { useRef, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { BulkActionResultDTO } from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import { orchestratorApiRef } from '../api/OrchestratorApi';

export type BulkAction = 'abort' | 'retrigger';

/** What the last bulk action did: the server's answer per run, or why there is none. */
export interface BulkOutcome {
  action: BulkAction;
  result?: BulkActionResultDTO;
  error?: Error;
}

export interface BulkActions {
  /** The action waiting for the user's confirmation. */
  pending?: BulkAction;
  busy: boolean;
  outcome?: BulkOutcome;
  ask(action: BulkAction): void;
  cancel(): void;
  /** Runs the pending action on `instanceIds`, then calls `onDone` whatever the outcome. */
  confirm(instanceIds: string[]): Promise<void>;
  dismiss(): void;
}

/**
 * Admin bulk abort / retrigger. The server checks each run and answers per
 * run, so one failure never hides the others' outcome; a failure of the whole
 * request is an outcome too.
 */
export function useBulkActions(onDone: () => void): BulkActions {
  const api = useApi(orchestratorApiRef);
  const [pending, setPending] = useState<BulkAction>();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<BulkOutcome>();
  // a second click before React re-renders the disabled button must not send twice
  const inFlight = useRef(false);

  const confirm = async (instanceIds: string[]) => {
    if (!pending || inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    try {
      const result =
        pending === 'abort'
          ? await api.abortInstances(instanceIds)
          : await api.retriggerInstances(instanceIds);
      setOutcome({ action: pending, result });
    } catch (e) {
      setOutcome({ action: pending, error: e as Error });
    } finally {
      inFlight.current = false;
      setBusy(false);
      setPending(undefined);
      onDone();
    }
  };

  return {
    pending,
    busy,
    outcome,
    ask: setPending,
    cancel: () => setPending(undefined),
    confirm,
    dismiss: () => setOutcome(undefined),
  };
}
