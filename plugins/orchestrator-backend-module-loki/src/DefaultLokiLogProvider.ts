import type { Config } from '@backstage/config';
import { ServiceUnavailableError } from '@backstage/errors';
import type {
  ProcessInstanceDTO,
  WorkflowLogEntry,
  WorkflowLogsResponse,
} from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import {
  WorkflowLogProvider,
  WorkflowLogProviderError,
  WorkflowLogProviderTimeoutError,
  WorkflowLogsRequest,
} from '@orchestrator-suite/backstage-plugin-orchestrator-node';
import { runLogQuery } from './logQuery';
import { lokiFetch, tlsFailure } from './lokiFetch';
import { LokiSettings, readLokiSettings } from './lokiConfig';
import { LokiQueryAnswer, newestLines } from './lokiStreams';

/** Lines may be shipped a little before the run starts or after it ends (clocks, batching). */
const MARGIN_MS = 5 * 60_000;
/** Loki's default max_query_length is 721h; a longer run's window keeps its newest 30 days. */
const MAX_WINDOW_MS = 30 * 24 * 3_600_000;

/**
 * Per-run logs from Grafana Loki: one `query_range` for the lines that contain the run id, in
 * the configured streams, between the run's start and end (plus a margin), newest first with a
 * limit, answered oldest first.
 * @public
 */
export class DefaultLokiLogProvider implements WorkflowLogProvider {
  /**
   * From `orchestrator.workflowLogProvider.loki`; throws naming the key on a bad value. A
   * `fetch` given here replaces the whole transport, `tls` included (for tests).
   */
  static fromConfig(
    config: Config,
    options: { fetch?: typeof fetch; now?: () => number } = {},
  ): DefaultLokiLogProvider {
    const settings = readLokiSettings(config);
    return new DefaultLokiLogProvider(
      settings,
      options.fetch ?? lokiFetch(settings.tls),
      options.now ?? Date.now,
    );
  }

  private constructor(
    private readonly settings: LokiSettings,
    private readonly fetchFn: typeof fetch,
    private readonly now: () => number,
  ) {}

  getProviderId(): string {
    return 'loki';
  }

  /** Base URL, for messages (upstream's provider exposes it too). */
  getBaseURL(): string {
    return this.settings.baseUrl;
  }

  /** Whether explicit stream selectors narrow the search. */
  isNarrowed(): boolean {
    return this.settings.narrowed;
  }

  /** False when `tls.rejectUnauthorized` is false: Loki's certificate is not checked. */
  checksCertificates(): boolean {
    return this.settings.tls?.rejectUnauthorized ?? true;
  }

  async fetchWorkflowLogsByInstance(
    instance: ProcessInstanceDTO,
    request?: WorkflowLogsRequest,
  ): Promise<WorkflowLogsResponse> {
    const { limit } = this.settings;
    const answer = await this.query(this.params(instance), request?.signal);
    const { lines, truncated } = newestLines(answer, limit, this.where());
    return {
      instanceId: instance.id,
      provider: 'loki',
      limit,
      truncated,
      logs: request?.rawlog === false ? lines.map(withTime) : lines,
    };
  }

  private params(instance: ProcessInstanceDTO): URLSearchParams {
    const now = this.now();
    const started = Date.parse(instance.start ?? '');
    const ended = Date.parse(instance.end ?? '');
    const end = (Number.isFinite(ended) ? ended : now) + MARGIN_MS;
    const start = Math.max(
      (Number.isFinite(started) ? started : end - MAX_WINDOW_MS) - MARGIN_MS,
      end - MAX_WINDOW_MS,
    );
    return new URLSearchParams({
      query: runLogQuery(this.settings.selectors, instance.id),
      start: nanoseconds(start),
      end: nanoseconds(end),
      // One more than the limit: its presence says older lines were left out.
      limit: String(this.settings.limit + 1),
      direction: 'backward',
    });
  }

  private async query(
    params: URLSearchParams,
    caller?: AbortSignal,
  ): Promise<LokiQueryAnswer> {
    const timeout = AbortSignal.timeout(this.settings.timeoutMs);
    const signal = caller ? AbortSignal.any([timeout, caller]) : timeout;
    const url = `${this.settings.baseUrl}/loki/api/v1/query_range?${params}`;
    let response: Response;
    try {
      response = await this.fetchFn(url, { headers: this.headers(), signal });
    } catch (error) {
      throw this.unreachable(error, signal);
    }
    if (!response.ok) throw await this.refused(response);
    try {
      return (await response.json()) as LokiQueryAnswer;
    } catch (error) {
      if (signal.aborted) throw this.unreachable(error, signal);
      throw new WorkflowLogProviderError(
        `${this.where()} answered something that is not JSON`,
      );
    }
  }

  private headers(): Record<string, string> {
    const { token, tenant } = this.settings;
    return {
      Accept: 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(tenant ? { 'X-Scope-OrgID': tenant } : {}),
    };
  }

  private unreachable(error: unknown, signal: AbortSignal): Error {
    if (signal.aborted) {
      return new WorkflowLogProviderTimeoutError(
        `${this.where()} did not answer within ${this.settings.timeoutMs} ms`,
      );
    }
    const tls = tlsFailure(error);
    if (tls) {
      return new ServiceUnavailableError(
        `${this.where()} could not be reached: its TLS certificate was not accepted (${tls})`,
      );
    }
    const cause = (error as { cause?: { code?: string; message?: string } })
      ?.cause;
    return new ServiceUnavailableError(
      `${this.where()} could not be reached (${
        cause?.code ??
        cause?.message ??
        (error as Error)?.message ??
        'no answer'
      })`,
    );
  }

  private async refused(response: Response): Promise<Error> {
    // Loki's error bodies are short plain text; cut anyway, and never echo our own headers.
    const text = (await response.text().catch(() => '')).trim().slice(0, 300);
    const message = `${this.where()} answered ${response.status} ${
      response.statusText
    }${text ? `: ${text}` : ''}`;
    return response.status === 503
      ? new ServiceUnavailableError(message)
      : new WorkflowLogProviderError(message);
  }

  private where(): string {
    return `Loki at ${this.settings.baseUrl}`;
  }
}

function nanoseconds(ms: number): string {
  return `${BigInt(Math.round(ms)) * 1_000_000n}`;
}

function withTime(entry: WorkflowLogEntry): WorkflowLogEntry {
  return { ...entry, log: `${entry.timestamp} ${entry.log}` };
}
