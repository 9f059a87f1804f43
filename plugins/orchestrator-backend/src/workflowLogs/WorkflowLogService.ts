import { ServiceUnavailableError } from '@backstage/errors';
import type {
  WorkflowLogEntry,
  WorkflowLogsResponse,
} from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import {
  WorkflowLogProvider,
  WorkflowLogProviderError,
  WorkflowLogProviderTimeoutError,
} from '@orchestrator-suite/backstage-plugin-orchestrator-node';
import type { Caller } from '../services/Caller';
import type { InstanceAccess } from '../services/InstanceAccess';
import { toInstanceListItem } from '../services/instanceMapping';
import type { WorkflowLogProviders } from './WorkflowLogProviders';

/** The log lines of one run, for whoever may read the run. */
export interface WorkflowLogService {
  get(
    caller: Caller,
    instanceId: string,
    options: { rawlog: boolean },
  ): Promise<WorkflowLogsResponse>;
}

export class DefaultWorkflowLogService implements WorkflowLogService {
  static create(options: {
    access: InstanceAccess;
    providers: WorkflowLogProviders;
    /** The most the backend waits for a provider, whatever the provider's own timeout. */
    timeoutMs: number;
  }) {
    return new DefaultWorkflowLogService(
      options.access,
      options.providers,
      options.timeoutMs,
    );
  }

  private constructor(
    private readonly access: InstanceAccess,
    private readonly providers: WorkflowLogProviders,
    private readonly timeoutMs: number,
  ) {}

  async get(
    caller: Caller,
    instanceId: string,
    { rawlog }: { rawlog: boolean },
  ): Promise<WorkflowLogsResponse> {
    // Without a provider there is nothing to check access for; the 501 reveals no run.
    const provider = this.providers.select();
    // The same check as getInstanceById: the run exists, its workflow is readable, it is the
    // caller's (or the caller holds instanceAdminView).
    const { instance, run } = await this.access.load(caller, instanceId, {
      action: 'read',
    });
    const answer = await this.ask(
      provider,
      toInstanceListItem(instance, { run }),
    );
    const logs = oldestFirst(answer.logs);
    return {
      instanceId: instance.id,
      logs: rawlog ? logs : logs.map(withTime),
      provider: answer.provider ?? provider.getProviderId(),
      truncated: answer.truncated ?? false,
      ...(answer.limit !== undefined ? { limit: answer.limit } : {}),
    };
  }

  private async ask(
    provider: WorkflowLogProvider,
    instance: ReturnType<typeof toInstanceListItem>,
  ): Promise<WorkflowLogsResponse> {
    const id = provider.getProviderId();
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(
          new WorkflowLogProviderTimeoutError(
            `no answer within ${this.timeoutMs} ms`,
          ),
        );
      }, this.timeoutMs);
    });
    try {
      const answer = await Promise.race([
        // Providers answer lines as stored; the time prefix of rawlog=false is added here, once.
        provider.fetchWorkflowLogsByInstance(instance, {
          rawlog: true,
          signal: controller.signal,
        }),
        deadline,
      ]);
      if (!Array.isArray(answer?.logs) || !answer.logs.every(isEntry)) {
        throw new WorkflowLogProviderError(
          'its answer has no list of lines ({ id, log })',
        );
      }
      return answer;
    } catch (error) {
      throw providerFailure(id, error);
    } finally {
      clearTimeout(timer);
    }
  }
}

function isEntry(entry: unknown): entry is WorkflowLogEntry {
  const e = entry as WorkflowLogEntry | undefined;
  return typeof e?.id === 'string' && typeof e?.log === 'string';
}

/** Stable, so lines of one instant keep the provider's order; lines without a time stay put. */
function oldestFirst(logs: WorkflowLogEntry[]): WorkflowLogEntry[] {
  if (!logs.every(l => l.timestamp)) return logs;
  return logs
    .map((entry, index) => ({ entry, index, at: Date.parse(entry.timestamp!) }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map(x => x.entry);
}

function withTime(entry: WorkflowLogEntry): WorkflowLogEntry {
  return entry.timestamp
    ? { ...entry, log: `${entry.timestamp} ${entry.log}` }
    : entry;
}

/** 503 when the log store is unreachable, 504 when it is slow, 502 otherwise; each names the provider. */
function providerFailure(id: string, error: unknown): Error {
  const e = error as Error | undefined;
  const message = e?.message || String(error);
  switch (e?.name) {
    case 'ServiceUnavailableError':
      return new ServiceUnavailableError(
        `Log provider '${id}' is unavailable: ${message}`,
      );
    case 'WorkflowLogProviderTimeoutError':
    case 'TimeoutError':
    case 'AbortError':
      return new WorkflowLogProviderTimeoutError(
        `Log provider '${id}' timed out: ${message}`,
      );
    default:
      return new WorkflowLogProviderError(
        `Log provider '${id}' failed: ${message}`,
      );
  }
}
