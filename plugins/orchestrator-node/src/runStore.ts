import {
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import type { JsonObject } from '@backstage/types';

/** One run started through the Orchestrator backend. @public */
export interface RunRecord {
  instanceId: string;
  workflowId: string;
  /** Entity ref of the user who started it. */
  initiator: string;
  targetEntity?: string;
  inputs?: JsonObject;
  rerunOf?: string;
  /** For a sub-flow: its root run, whose owner owns it. */
  rootInstanceId?: string;
  createdAt: Date;
}

/** @public */
export type NewRun = Omit<RunRecord, 'createdAt'>;

/**
 * Who started which run. The authority for ownership and per-entity history; runs started
 * outside Backstage are not here and fall back to the instance's `initiatorEntity` variable.
 * An implementation must be shared by every replica of the backend (no process memory).
 * @public
 */
export interface RunStore {
  record(run: NewRun): Promise<void>;
  get(instanceId: string): Promise<RunRecord | undefined>;
  getMany(instanceIds: string[]): Promise<Map<string, RunRecord>>;
  /**
   * Records a sub-flow as its root owner's; a run already recorded stays as it is
   * (the watcher may see a sub-flow many times).
   */
  recordSubflow(run: {
    instanceId: string;
    workflowId: string;
    rootInstanceId: string;
    initiator: string;
  }): Promise<void>;
  /** Ids of every run the user started (uncapped), newest first. */
  listInstanceIdsByInitiator(initiator: string): Promise<string[]>;
  /**
   * The user's root runs that have sub-flows, newest first, at most `limit`: what a list needs
   * to show the user's sub-flows (`rootProcessInstanceId IN ...`) without every id they ever ran.
   */
  listRootsWithSubflows(initiator: string, limit: number): Promise<string[]>;
  /** Ids of every run started for the entity (uncapped), newest first. */
  listInstanceIdsByEntity(targetEntity: string): Promise<string[]>;
}

/** What the backend hands a provider when it starts. @public */
export interface RunStoreProviderContext {
  /** Builds the built-in store on the plugin's (migrated) database. */
  createDefaultStore(): RunStore;
}

/** Yields the run store the Orchestrator backend uses; asked once at plugin start. @public */
export interface RunStoreProvider {
  getStore(context: RunStoreProviderContext): RunStore | Promise<RunStore>;
}

/**
 * The run store of the Orchestrator backend. The default keeps runs in the plugin's database;
 * provide your own factory for this ref to keep them elsewhere or to wrap the default. A
 * provider for the same reason as `orchestratorDataIndexClientServiceRef`: the built-in store
 * lives in the backend plugin.
 * @public
 */
export const orchestratorRunStoreServiceRef =
  createServiceRef<RunStoreProvider>({
    id: 'orchestrator.runStore',
    scope: 'plugin',
    defaultFactory: async service =>
      createServiceFactory({
        service,
        deps: {},
        factory: () => ({
          getStore: context => context.createDefaultStore(),
        }),
      }),
  });
