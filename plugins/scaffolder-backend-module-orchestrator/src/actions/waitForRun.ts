import {
  OrchestratorClient,
  ProcessInstanceDTO,
} from '@orchestrator-suite/backstage-plugin-orchestrator-common';

const TERMINAL_STATES = new Set(['COMPLETED', 'ERROR', 'ABORTED']);

export interface WaitForRunOptions {
  client: OrchestratorClient;
  instanceId: string;
  timeoutMs: number;
  signal?: AbortSignal;
  /** First delay between two reads; it doubles up to `maxDelayMs`. */
  initialDelayMs?: number;
  maxDelayMs?: number;
}

/**
 * Reads the run until it reaches a terminal state, backing off between reads so a long run
 * costs a few dozen requests, not one a second. Resolves with the last read on timeout too;
 * the caller decides what an unfinished run means.
 */
export async function waitForRun(
  options: WaitForRunOptions,
): Promise<{ instance: ProcessInstanceDTO; timedOut: boolean }> {
  const { client, instanceId, timeoutMs, signal } = options;
  const deadline = Date.now() + timeoutMs;
  let delay = options.initialDelayMs ?? 1000;
  for (;;) {
    const instance = await client.getInstanceById({
      path: { instanceId },
      signal,
    });
    if (TERMINAL_STATES.has(instance.state ?? '')) {
      return { instance, timedOut: false };
    }
    const remaining = deadline - Date.now();
    if (remaining <= 0 || signal?.aborted) {
      return { instance, timedOut: true };
    }
    await sleep(Math.min(delay, remaining));
    delay = Math.min(delay * 2, options.maxDelayMs ?? 10_000);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms));
}
