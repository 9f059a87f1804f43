import pLimit from 'p-limit';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import type { SignalsService } from '@backstage/plugin-signals-node';
import {
  InstanceSignalPayload,
  WorkflowChangedSignalPayload,
  allWorkflowsSignalChannel,
  getWorkflowResult,
  instanceSignalChannel,
  workflowSignalChannel,
  routePaths,
} from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import type { DataIndexClient } from '../dataIndex/DataIndexClient';
import type { GqlChangedInstance } from '../dataIndex/types';
import type { LiveAdmins } from '../liveAdmins/LiveAdmins';
import type { RunRecord, RunStore } from '../runStore/RunStore';
import type { DefinitionCache } from '../services/DefinitionCache';
import { parseVariables, toStatus } from '../services/instanceMapping';
import { ownerOfRun, rootOf } from '../services/runOwner';
import type { WatcherCursorStore } from './WatcherCursorStore';

export interface TickResult {
  changed: number;
  signals: number;
  notifications: number;
}

/** What `/health/details` reports about the watcher. */
export interface WatcherStatus {
  lastTickAt?: string;
  lastError?: string;
}

/**
 * Turns Data Index changes into live updates. Each tick asks ONE question —
 * "which instances changed since my cursor (`lastUpdate`, ids seen at it)?" — whatever the
 * number of instances. Signals go only to those who may see the run: the full
 * `instance-updated` payload to the run's owner (the root run's owner for a sub-flow) on the
 * instance channel, and one content-free `workflow-changed` tick per workflow on the workflow
 * channel to the owners of its changed runs and to the live instance admins (the same tick of
 * every workflow also on `orchestrator:workflows`, to those admins only), after which pages
 * refetch through the permission-checked API. Nothing is broadcast. Notifies the owner when a run completed,
 * failed or was aborted. Runs as a global scheduler task: one replica
 * at a time, cursor in the shared database.
 */
export interface InstanceWatcher {
  tick(): Promise<TickResult>;
  status(): WatcherStatus;
}

const TERMINAL: Record<string, { verb: string; severity: 'normal' | 'high' }> =
  {
    COMPLETED: { verb: 'completed', severity: 'normal' },
    ERROR: { verb: 'failed', severity: 'high' },
    ABORTED: { verb: 'was aborted', severity: 'normal' },
  };

/** Signals and notifications in flight at once during a tick. */
const PUBLISH_CONCURRENCY = 8;

/**
 * Runs `task` for every item with at most PUBLISH_CONCURRENCY in flight: a tick with thousands
 * of changes must neither publish one after another (slow) nor all at once (a burst on the
 * events bus and the database).
 */
function forEachBounded<T>(
  items: readonly T[],
  task: (item: T) => Promise<void>,
): Promise<void[]> {
  const limit = pLimit(PUBLISH_CONCURRENCY);
  return Promise.all(items.map(item => limit(() => task(item))));
}

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
  /** Fed each tick's changes (the run index); optional so the watcher works without it. */
  runIndex?: { onChanges(instances: GqlChangedInstance[]): Promise<void> };
  /** Instance admins to tick about others' runs; without it only owners are ticked. */
  liveAdmins?: Pick<LiveAdmins, 'listLive'>;
  now?: () => number;
}

export class DefaultInstanceWatcher implements InstanceWatcher {
  private last: WatcherStatus = {};

  static create(options: InstanceWatcherOptions) {
    return new DefaultInstanceWatcher(options);
  }

  private constructor(private readonly o: InstanceWatcherOptions) {}

  status(): WatcherStatus {
    return { ...this.last };
  }

  async tick(): Promise<TickResult> {
    try {
      const result = await this.runTick();
      this.last = {
        lastTickAt: new Date(this.o.now?.() ?? Date.now()).toISOString(),
      };
      return result;
    } catch (error) {
      this.last = { ...this.last, lastError: (error as Error).message };
      throw error;
    }
  }

  private async runTick(): Promise<TickResult> {
    const now = this.o.now?.() ?? Date.now();
    const position = (await this.o.cursorStore.read()) ?? {
      cursor: new Date(now - this.o.initialLookbackMs).toISOString(),
      boundaryIds: [],
    };
    const { data, warnings } = await this.o.dataIndex.listChangedInstances(
      position.cursor,
      this.o.batchSize,
      position.boundaryIds,
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
    // Before the early return: an empty tick tells the index the watcher is caught up.
    await this.o.runIndex?.onChanges(fresh);
    if (fresh.length === 0) return result;

    await this.noticeNewWorkflows(fresh);
    const runs = await this.o.runStore.getMany(
      fresh.flatMap(i => [i.id, rootOf(i)].filter((x): x is string => !!x)),
    );
    const owners = await this.ownersOf(fresh, runs);
    await forEachBounded(fresh, async instance => {
      const owner = owners.get(instance.id);
      // Awaited first: `x += await` would read x before the await and lose concurrent counts.
      const signalled = await this.signalOwner(instance, owner);
      const notified = await this.notify(instance, owner);
      result.signals += signalled;
      result.notifications += notified;
    });
    const admins = await this.liveAdmins();
    const ticks = recipientsByWorkflow(fresh, owners, admins);
    await forEachBounded([...ticks], async ([workflowId, users]) => {
      await this.tickWorkflow(workflowId, users, admins);
      result.signals += admins.length ? 2 : 1;
    });
    await this.o.cursorStore.write(advance(position, data));
    return result;
  }

  /**
   * Owner of every changed run; sub-flows are recorded as their root owner's, so checks and
   * lists can answer from the run store.
   */
  private async ownersOf(
    changed: GqlChangedInstance[],
    runs: Map<string, RunRecord>,
  ): Promise<Map<string, string | undefined>> {
    const owners = new Map<string, string | undefined>();
    await forEachBounded(changed, async instance => {
      const owner = await ownerOfRun(instance, this.o, { runs }).catch(
        () => undefined,
      );
      owners.set(instance.id, owner);
      const root = rootOf(instance);
      if (root && owner && !runs.has(instance.id)) {
        await this.o.runStore.recordSubflow({
          instanceId: instance.id,
          workflowId: instance.processId,
          rootInstanceId: root,
          initiator: owner,
        });
      }
    });
    return owners;
  }

  private async signalOwner(
    instance: GqlChangedInstance,
    owner: string | undefined,
  ): Promise<number> {
    const state = toStatus(instance.state);
    if (!state || !owner?.startsWith('user:')) return 0;
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
    await this.o.signals.publish({
      recipients: { type: 'user', entityRef: owner },
      channel: instanceSignalChannel(instance.id),
      message,
    });
    return 1;
  }

  /**
   * A failing read of the set costs admins this tick's updates, never the owners theirs.
   */
  private async liveAdmins(): Promise<string[]> {
    if (!this.o.liveAdmins) return [];
    try {
      return await this.o.liveAdmins.listLive();
    } catch (error) {
      this.o.logger.warn(
        `InstanceWatcher: live instance admins unknown, ticking owners only: ${
          (error as Error).message
        }`,
      );
      return [];
    }
  }

  /**
   * Content-free: which runs changed, and how, is fetched through the authorized API. Only the
   * owners of the changed runs and the live instance admins are told, since signals let anyone
   * subscribe to any channel and even the timing of another user's run is not theirs to see.
   * An admin is someone a request showed holding instanceAdminView within the TTL; one who has
   * lost it since gets at most the rest of the TTL of these ticks, whose refetch the API
   * answers without the others' runs, so they learn nothing but that something changed.
   */
  private async tickWorkflow(
    workflowId: string,
    users: string[],
    admins: string[],
  ): Promise<void> {
    const message: WorkflowChangedSignalPayload = {
      type: 'workflow-changed',
      workflowId,
    };
    await this.o.signals.publish({
      recipients: { type: 'user', entityRef: users },
      channel: workflowSignalChannel(workflowId),
      message,
    });
    if (admins.length === 0) return;
    await this.o.signals.publish({
      recipients: { type: 'user', entityRef: admins },
      channel: allWorkflowsSignalChannel,
      message,
    });
  }

  private async notify(
    instance: GqlChangedInstance,
    owner: string | undefined,
  ): Promise<number> {
    const state = toStatus(instance.state);
    const terminal = state ? TERMINAL[state] : undefined;
    // A sub-flow's end is part of its root run's story; only root runs notify.
    if (!terminal || rootOf(instance) || !owner?.startsWith('user:')) return 0;
    const variables = parseVariables(instance.variables);
    const result = getWorkflowResult(variables?.workflowdata);
    const name = instance.processName || instance.processId;
    const description = result?.message ?? instance.error?.message ?? undefined;
    await this.o.notifications.send({
      recipients: { type: 'entity', entityRef: owner },
      payload: {
        title: `Workflow run ${terminal.verb}: ${name}`,
        ...(description ? { description } : {}),
        link: routePaths.instance(instance.id),
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

/**
 * Who is ticked for each workflow: the users owning its changed runs and the live admins,
 * once each. A workflow whose changed runs no user owns (a service started them) is left out
 * when there are no admins: there is no one to tell.
 */
function recipientsByWorkflow(
  changed: GqlChangedInstance[],
  owners: Map<string, string | undefined>,
  admins: string[],
): Map<string, string[]> {
  const users = new Map<string, Set<string>>();
  for (const { id, processId } of changed) {
    const owner = owners.get(id);
    const refs = users.get(processId) ?? new Set(admins);
    if (owner?.startsWith('user:')) refs.add(owner);
    if (refs.size) users.set(processId, refs);
  }
  return new Map(
    [...users].map(([workflowId, refs]) => [workflowId, [...refs]]),
  );
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
