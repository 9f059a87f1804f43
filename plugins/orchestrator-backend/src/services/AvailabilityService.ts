import type { WorkflowAvailabilityResponseDTO } from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import type { GqlProcessDefinition } from '../dataIndex/types';
import type { WorkflowRuntimeClient } from '../runtime/WorkflowRuntimeClient';

/**
 * Per-workflow availability, probed only when someone asks, then cached:
 * a healthy answer for `cacheSeconds`, a failing one with exponential backoff
 * up to `maxBackoffSeconds`. Nothing pings services on a timer.
 */
export interface AvailabilityService {
  /** Cached answer, probing first when there is none or it expired. */
  get(
    definition: GqlProcessDefinition,
  ): Promise<WorkflowAvailabilityResponseDTO>;
  /** Probes now, ignoring the cache (the ping endpoint). */
  probeNow(
    definition: GqlProcessDefinition,
  ): Promise<WorkflowAvailabilityResponseDTO>;
  /**
   * For lists: answers known ones at once, probes unknown or expired ones and
   * waits for them at most `waitMs`; ones still unknown are left out.
   */
  getMany(
    definitions: GqlProcessDefinition[],
    waitMs: number,
  ): Promise<Map<string, WorkflowAvailabilityResponseDTO>>;
}

interface Entry {
  result: WorkflowAvailabilityResponseDTO;
  failures: number;
  expiresAt: number;
}

const MAX_PARALLEL_PROBES = 8;

export class DefaultAvailabilityService implements AvailabilityService {
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Map<
    string,
    Promise<WorkflowAvailabilityResponseDTO>
  >();
  private running = 0;
  private readonly queue: (() => void)[] = [];

  static create(options: {
    runtime: WorkflowRuntimeClient;
    cacheSeconds: number;
    maxBackoffSeconds: number;
    now?: () => number;
  }) {
    return new DefaultAvailabilityService(
      options.runtime,
      options.cacheSeconds * 1000,
      options.maxBackoffSeconds * 1000,
      options.now ?? Date.now,
    );
  }

  private constructor(
    private readonly runtime: WorkflowRuntimeClient,
    private readonly okTtlMs: number,
    private readonly maxBackoffMs: number,
    private readonly now: () => number,
  ) {}

  async get(
    definition: GqlProcessDefinition,
  ): Promise<WorkflowAvailabilityResponseDTO> {
    const entry = this.entries.get(definition.id);
    if (entry && entry.expiresAt > this.now()) return entry.result;
    return this.probe(definition);
  }

  probeNow(
    definition: GqlProcessDefinition,
  ): Promise<WorkflowAvailabilityResponseDTO> {
    return this.probe(definition);
  }

  async getMany(definitions: GqlProcessDefinition[], waitMs: number) {
    const result = new Map<string, WorkflowAvailabilityResponseDTO>();
    const pending: Promise<void>[] = [];
    for (const definition of definitions) {
      const entry = this.entries.get(definition.id);
      if (entry) result.set(definition.id, entry.result);
      if (!entry || entry.expiresAt <= this.now()) {
        pending.push(
          this.probe(definition).then(r => void result.set(definition.id, r)),
        );
      }
    }
    if (pending.length) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.all(pending),
        new Promise(resolve => {
          timer = setTimeout(resolve, waitMs);
        }),
      ]);
      clearTimeout(timer);
    }
    return new Map(result);
  }

  private probe(
    definition: GqlProcessDefinition,
  ): Promise<WorkflowAvailabilityResponseDTO> {
    const running = this.inFlight.get(definition.id);
    if (running) return running;
    const promise = this.limited(() => this.doProbe(definition)).finally(() =>
      this.inFlight.delete(definition.id),
    );
    this.inFlight.set(definition.id, promise);
    return promise;
  }

  private async doProbe(
    definition: GqlProcessDefinition,
  ): Promise<WorkflowAvailabilityResponseDTO> {
    const checkedAt = new Date(this.now()).toISOString();
    let result: WorkflowAvailabilityResponseDTO;
    if (!definition.serviceUrl) {
      result = {
        isAvailable: false,
        reason: 'The Data Index lists no service URL for this workflow',
        checkedAt,
      };
    } else {
      const probe = await this.runtime.probe({
        workflowId: definition.id,
        serviceUrl: definition.serviceUrl,
      });
      result = {
        isAvailable: probe.isAvailable,
        urlToFetch: probe.url,
        ...(probe.statusCode !== undefined
          ? { statusCode: probe.statusCode }
          : {}),
        ...(probe.reason ? { reason: probe.reason } : {}),
        checkedAt,
      };
    }
    const failures = result.isAvailable
      ? 0
      : (this.entries.get(definition.id)?.failures ?? 0) + 1;
    const ttl = result.isAvailable
      ? this.okTtlMs
      : Math.min(this.maxBackoffMs, 5_000 * 2 ** (failures - 1));
    this.entries.set(definition.id, {
      result,
      failures,
      expiresAt: this.now() + ttl,
    });
    return result;
  }

  /** Bounded parallelism so a list of 1000 unknown workflows does not open 1000 sockets. */
  private async limited<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= MAX_PARALLEL_PROBES) {
      await new Promise<void>(resolve => this.queue.push(resolve));
    }
    this.running++;
    try {
      return await task();
    } finally {
      this.running--;
      this.queue.shift()?.();
    }
  }
}
