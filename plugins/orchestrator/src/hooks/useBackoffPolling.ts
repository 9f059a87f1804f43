import { useEffect, useRef } from 'react';

export interface BackoffPollingOptions {
  /** Poll only while true (e.g. signals are off and the run is not finished). */
  enabled: boolean;
  poll: () => Promise<unknown> | void;
  initialDelayMs?: number;
  maxDelayMs?: number;
  factor?: number;
  /** Changing it restarts from the initial delay (e.g. after the user retriggers a run). */
  resetKey?: unknown;
}

/**
 * Fallback polling: first after `initialDelayMs`, then each wait grows by
 * `factor` up to `maxDelayMs`, so a long run costs few requests. Never two
 * polls in flight: the next wait starts when the previous poll settles.
 */
export function useBackoffPolling({
  enabled,
  poll,
  initialDelayMs = 2000,
  maxDelayMs = 30000,
  factor = 1.6,
  resetKey,
}: BackoffPollingOptions): void {
  const pollRef = useRef(poll);
  pollRef.current = poll;

  useEffect(() => {
    if (!enabled) {
      return undefined;
    }
    let delay = initialDelayMs;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const schedule = () => {
      timer = setTimeout(async () => {
        try {
          await pollRef.current();
        } catch {
          // the poll's owner records its own error; keep backing off
        }
        if (!stopped) {
          delay = Math.min(delay * factor, maxDelayMs);
          schedule();
        }
      }, delay);
    };
    schedule();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [enabled, initialDelayMs, maxDelayMs, factor, resetKey]);
}
