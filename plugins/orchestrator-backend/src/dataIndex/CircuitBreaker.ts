/** What `/health/details` reports about the Data Index. */
export interface DataIndexHealth {
  status: 'up' | 'down' | 'unknown';
  circuit: 'closed' | 'open' | 'half-open';
  since?: string;
  reason?: string;
}

/**
 * Opens after `threshold` consecutive failures, so while the Data Index is down requests fail
 * at once instead of each waiting for its deadline (and piling load on it when it returns).
 * After a cooldown, which doubles up to `maxCooldownMs` while failures go on, ONE request is
 * let through as a probe; its success closes the circuit.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt?: number;
  private cooldownMs: number;
  private probing = false;
  private lastReason?: string;
  private since?: number;
  private known = false;

  constructor(
    private readonly options: {
      threshold: number;
      cooldownMs: number;
      maxCooldownMs: number;
      now?: () => number;
    },
  ) {
    this.cooldownMs = options.cooldownMs;
  }

  private now() {
    return this.options.now?.() ?? Date.now();
  }

  /** Whether a request may go out now; false = fail fast. */
  allow(): boolean {
    if (this.openedAt === undefined) return true;
    if (this.probing || this.now() - this.openedAt < this.cooldownMs)
      return false;
    this.probing = true; // half-open: this caller is the probe
    return true;
  }

  success() {
    if (!this.known || this.openedAt !== undefined || this.failures > 0)
      this.since = this.now();
    this.known = true;
    this.failures = 0;
    this.openedAt = undefined;
    this.probing = false;
    this.cooldownMs = this.options.cooldownMs;
  }

  failure(reason: string) {
    this.known = true;
    this.lastReason = reason;
    this.failures++;
    if (this.probing) {
      this.probing = false;
      this.openedAt = this.now();
      this.cooldownMs = Math.min(
        this.cooldownMs * 2,
        this.options.maxCooldownMs,
      );
    } else if (
      this.openedAt === undefined &&
      this.failures >= this.options.threshold
    ) {
      this.openedAt = this.now();
      this.since = this.openedAt;
    }
  }

  /** Open (failing fast or probing), without claiming the probe. */
  isOpen(): boolean {
    return this.openedAt !== undefined;
  }

  /** Time until the next probe, for the fail-fast message. */
  retryInMs(): number {
    return this.openedAt === undefined
      ? 0
      : Math.max(0, this.cooldownMs - (this.now() - this.openedAt));
  }

  health(): DataIndexHealth {
    const open = this.openedAt !== undefined;
    let status: DataIndexHealth['status'] = 'unknown';
    if (this.known) status = open || this.failures > 0 ? 'down' : 'up';
    let circuit: DataIndexHealth['circuit'] = 'closed';
    if (open) circuit = this.probing ? 'half-open' : 'open';
    return {
      status,
      circuit,
      ...(this.since ? { since: new Date(this.since).toISOString() } : {}),
      ...(status === 'down' && this.lastReason
        ? { reason: this.lastReason }
        : {}),
    };
  }
}
