export interface ReadRetryOptions {
  /** Attempts after the first one. */
  retries: number;
  /** Deadline of the whole read: every attempt and the waits between them end by then. */
  timeoutMs: number;
  /** Whether a failure is worth another attempt (unreachable: yes; a rejected request: no). */
  retryable(error: unknown): boolean;
  /** Wait before the attempt after `attempt` (0 for the first). Default: 100 ms, doubling. */
  backoffMs?(attempt: number): number;
}

const sleep = (ms: number) =>
  ms > 0 ? new Promise(resolve => setTimeout(resolve, ms)) : Promise.resolve();

/**
 * A read (never a write: a retried write could act twice) under one deadline, retried a
 * bounded number of times. Every attempt gets the same abort signal, so a slow first attempt
 * leaves less time to the next, and no retry starts when its wait would outlast the deadline.
 * The last failure is thrown as it came.
 */
export async function readWithRetries<T>(
  read: (signal: AbortSignal) => Promise<T>,
  options: ReadRetryOptions,
): Promise<T> {
  const deadline = AbortSignal.timeout(options.timeoutMs);
  const endsAt = Date.now() + options.timeoutMs;
  const backoffMs = options.backoffMs ?? (attempt => 100 * 2 ** attempt);
  for (let attempt = 0; ; attempt++) {
    try {
      return await read(deadline);
    } catch (error) {
      const wait = backoffMs(attempt);
      if (
        attempt >= options.retries ||
        deadline.aborted ||
        Date.now() + wait >= endsAt ||
        !options.retryable(error)
      )
        throw error;
      await sleep(wait);
    }
  }
}
