import type { LoggerService } from '@backstage/backend-plugin-api';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import type { SignalsService } from '@backstage/plugin-signals-node';
import {
  InstanceSignalPayload,
  getWorkflowResult,
  instanceSignalChannel,
  workflowSignalChannel,
} from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import type { DataIndexClient } from '../dataIndex/DataIndexClient';
import type { GqlChangedInstance } from '../dataIndex/types';
import type { RunStore } from '../runStore/RunStore';
import type { DefinitionCache } from '../services/DefinitionCache';
import { parseVariables, toStatus } from '../services/instanceMapping';
import type { WatcherCursorStore } from './WatcherCursorStore';

export interface TickResult {
  changed: number;
  signals: number;
  notifications: number;
}

/**
 * Turns Data Index changes into live updates. Each tick asks ONE question —
 * "which instances changed since my cursor (`lastUpdate`)?" — whatever the
 * number of instances, publishes a signal per change on the instance's and
 * the workflow's channels, and notifies the initiator when a run completed,
 * failed or was aborted. Runs as a global scheduler task: one replica at a
 * time, cursor in the shared database.
 */
export interface InstanceWatcher {
  tick(): Promise<TickResult>;
}

const TERMINAL: Record<string, { verb: string; severity: 'normal' | 'high' }> =
  {
    COMPLETED: { verb: 'completed', severity: 'normal' },
    ERROR: { verb: 'failed', severity: 'high' },
    ABORTED: { verb: 'was aborted', severity: 'normal' },
  };

export interface InstanceWatcherOptions {
  dataIndex: DataIndexClient;
  runStore: RunStore;
  cursorStore: WatcherCursorStore;
  definitions: DefinitionCache;
  signals: SignalsService;
  notifications: NotificationService;
  logger: LoggerService;
  batchSize: number;
  /** Where a fresh watcher starts: this far back from now. */
  initialLookbackMs: number;
  now?: () => number;
}

export class DefaultInstanceWatcher implements InstanceWatcher {
  static create(options: InstanceWatcherOptions) {
    return new DefaultInstanceWatcher(options);
  }

  private constructor(private readonly o: InstanceWatcherOptions) {}

  async tick(): Promise<TickResult> {
    const now = this.o.now?.() ?? Date.now();
    const position = (await this.o.cursorStore.read()) ?? {
      cursor: new Date(now - this.o.initialLookbackMs).toISOString(),
      boundaryIds: [],
    };
    const { data, warnings } = await this.o.dataIndex.listChangedInstances(
      position.cursor,
      this.o.batchSize,
    );
    if (warnings.length)
      this.o.logger.warn(`InstanceWatcher: ${warnings.join('; ')}`);

    const seen = new Set(position.boundaryIds);
    const fresh = data.filter(
      i => !(i.lastUpdate === position.cursor && seen.has(i.id)),
    );
    const result: TickResult = {
      changed: fresh.length,
      signals: 0,
      notifications: 0,
    };
    if (fresh.length === 0) return result;

    await this.noticeNewWorkflows(fresh);
    const runs = await this.o.runStore.getMany(fresh.map(i => i.id));
    for (const instance of fresh) {
      result.signals += await this.signal(instance);
      result.notifications += await this.notify(
        instance,
        runs.get(instance.id)?.initiator,
      );
    }
    await this.o.cursorStore.write(advance(position, data));
    return result;
  }

  private async signal(instance: GqlChangedInstance): Promise<number> {
    const state = toStatus(instance.state);
    if (!state) return 0;
    const message: InstanceSignalPayload = {
      type: 'instance-updated',
      instanceId: instance.id,
      workflowId: instance.processId,
      state,
      lastUpdate: instance.lastUpdate,
      ...(instance.error?.nodeDefinitionId
        ? { nodeDefinitionId: instance.error.nodeDefinitionId }
        : {}),
    };
    // Payloads carry ids and state only; anything else is fetched through the permission-checked API.
    await this.o.signals.publish({
      recipients: { type: 'broadcast' },
      channel: instanceSignalChannel(instance.id),
      message,
    });
    await this.o.signals.publish({
      recipients: { type: 'broadcast' },
      channel: workflowSignalChannel(instance.processId),
      message,
    });
    return 2;
  }

  private async notify(
    instance: GqlChangedInstance,
    recordedInitiator: string | undefined,
  ): Promise<number> {
    const state = toStatus(instance.state);
    const terminal = state ? TERMINAL[state] : undefined;
    const variables = parseVariables(instance.variables);
    const initiator =
      recordedInitiator ??
      (typeof variables?.initiatorEntity === 'string'
        ? variables.initiatorEntity
        : undefined);
    if (!terminal || !initiator?.startsWith('user:')) return 0;
    const result = getWorkflowResult(variables?.workflowdata);
    const name = instance.processName || instance.processId;
    const description = result?.message ?? instance.error?.message ?? undefined;
    await this.o.notifications.send({
      recipients: { type: 'entity', entityRef: initiator },
      payload: {
        title: `Workflow run ${terminal.verb}: ${name}`,
        ...(description ? { description } : {}),
        link: `/orchestrator/instances/${encodeURIComponent(instance.id)}`,
        severity: terminal.severity,
        topic: `orchestrator:workflow:${instance.processId}`,
        // Same run and state = same notification: a replayed change updates it instead of duplicating it.
        scope: `orchestrator:instance:${instance.id}:${state}`,
      },
    });
    return 1;
  }

  private async noticeNewWorkflows(changed: GqlChangedInstance[]) {
    const known = await this.o.definitions.getAll().catch(() => undefined);
    if (known && changed.some(i => !known.has(i.processId)))
      this.o.definitions.invalidate();
  }
}

/** The next cursor: the newest lastUpdate read, with every id seen at exactly that time. */
function advance(
  position: { cursor: string; boundaryIds: string[] },
  read: GqlChangedInstance[],
): { cursor: string; boundaryIds: string[] } {
  const newest = read.reduce(
    (max, i) =>
      Date.parse(i.lastUpdate) > Date.parse(max) ? i.lastUpdate : max,
    position.cursor,
  );
  const atNewest = read.filter(i => i.lastUpdate === newest).map(i => i.id);
  const carried = newest === position.cursor ? position.boundaryIds : [];
  return {
    cursor: newest,
    boundaryIds: [...new Set([...carried, ...atNewest])],
  };
}
