import { UnsupportedConstructError, WorkflowExecutionError } from '../errors';
import { SwAction, SwRetryDef, SwWorkflow } from '../model';
import { errorRefMatches } from './errorMatching';
import { parseIsoDuration } from './isoDuration';
import { RunCancelled } from './Execution';

/** A retry strategy with durations in (unscaled) milliseconds. */
export interface RetryPolicy {
  name: string;
  maxAttempts: number;
  delayMs: number;
  maxDelayMs?: number;
  incrementMs: number;
  multiplier: number;
  /** A fraction of the delay (0..1) or an absolute ISO duration in ms. */
  jitter?: { fraction: number } | { ms: number };
}

/** SW 0.8's recommended default for `autoRetries: true` without a retryRef. */
const AUTO_DEFAULT: RetryPolicy = {
  name: 'default',
  maxAttempts: Number.POSITIVE_INFINITY,
  delayMs: 1000,
  incrementMs: 0,
  multiplier: 2,
};

function toPolicy(def: SwRetryDef): RetryPolicy {
  const maxAttempts = Number(def.maxAttempts);
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1)
    throw new WorkflowExecutionError(
      `retry '${def.name}': maxAttempts must be an integer >= 1`,
    );
  let jitter: RetryPolicy['jitter'];
  if (typeof def.jitter === 'string' && /^P/i.test(def.jitter))
    jitter = { ms: parseIsoDuration(def.jitter) };
  else if (def.jitter !== undefined) jitter = { fraction: Number(def.jitter) };
  return {
    name: def.name,
    maxAttempts,
    delayMs: def.delay ? parseIsoDuration(def.delay) : 0,
    maxDelayMs: def.maxDelay ? parseIsoDuration(def.maxDelay) : undefined,
    incrementMs: def.increment ? parseIsoDuration(def.increment) : 0,
    multiplier: def.multiplier === undefined ? 1 : Number(def.multiplier),
    jitter,
  };
}

/** The policy an action runs under, or undefined when it is not retried. */
export function retryPolicyFor(
  wf: SwWorkflow,
  action: SwAction,
): RetryPolicy | undefined {
  if (!action.retryRef) return wf.autoRetries ? AUTO_DEFAULT : undefined;
  if (typeof wf.retries === 'string')
    throw new UnsupportedConstructError(
      `retries as a URI ('${wf.retries}'); define them inline`,
    );
  const def = (wf.retries ?? []).find(r => r.name === action.retryRef);
  if (!def)
    throw new WorkflowExecutionError(
      `retry definition '${action.retryRef}' is not defined`,
    );
  return toPolicy(def);
}

/**
 * Whether attempt `attempt` (1-based) failing with `e` is tried again.
 * With `autoRetries` off (the default) only errors in `retryableErrors` are
 * retried, every error when the action lists none; with it on, all but
 * `nonRetryableErrors`. Cancellation and unsupported constructs never are.
 */
export function shouldRetry(
  wf: SwWorkflow,
  action: SwAction,
  policy: RetryPolicy,
  attempt: number,
  e: unknown,
): boolean {
  if (attempt >= policy.maxAttempts) return false;
  if (e instanceof RunCancelled || e instanceof UnsupportedConstructError)
    return false;
  if (wf.autoRetries)
    return !(action.nonRetryableErrors ?? []).some(ref =>
      errorRefMatches(wf, ref, e),
    );
  const retryable = action.retryableErrors;
  if (!retryable?.length) return true;
  return retryable.some(ref => errorRefMatches(wf, ref, e));
}

/**
 * The wait before attempt `attempt + 1`: delay × multiplier^(attempt-1) plus
 * increment × (attempt-1), capped at maxDelay, then ± jitter.
 */
export function retryDelayMs(
  policy: RetryPolicy,
  attempt: number,
  random: () => number = Math.random,
): number {
  const n = attempt - 1;
  let delay =
    policy.delayMs * Math.pow(policy.multiplier, n) + policy.incrementMs * n;
  if (policy.maxDelayMs !== undefined)
    delay = Math.min(delay, policy.maxDelayMs);
  if (policy.jitter) {
    const span =
      'fraction' in policy.jitter
        ? delay * policy.jitter.fraction
        : policy.jitter.ms;
    delay += (random() * 2 - 1) * span;
  }
  return Math.max(0, Math.round(delay));
}
