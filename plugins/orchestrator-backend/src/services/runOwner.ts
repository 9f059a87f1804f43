import type { DataIndexClient } from '../dataIndex/DataIndexClient';
import type { RunRecord, RunStore } from '../runStore/RunStore';
import { parseVariables } from './instanceMapping';

/** The fields of an instance that decide who owns it. */
export interface OwnedInstance {
  id: string;
  rootProcessInstanceId?: string | null;
  variables?: unknown;
}

/** The root run of a sub-flow, or undefined for a root run. */
export function rootOf(instance: OwnedInstance): string | undefined {
  const root = instance.rootProcessInstanceId;
  return root && root !== instance.id ? root : undefined;
}

function variableInitiator(variables: unknown): string | undefined {
  const value = parseVariables(variables)?.initiatorEntity;
  return typeof value === 'string' ? value : undefined;
}

/**
 * Who owns a run: its own record (a start through this backend, or a sub-flow the watcher
 * recorded), else, for a sub-flow, the owner of its root run (SonataFlow gives a child no
 * initiator of its own), else the `initiatorEntity` variable of a run started elsewhere.
 */
export async function ownerOfRun(
  instance: OwnedInstance,
  deps: { runStore: RunStore; dataIndex: DataIndexClient },
  known?: { run?: RunRecord; runs?: Map<string, RunRecord> },
): Promise<string | undefined> {
  const own = known?.run ?? known?.runs?.get(instance.id);
  if (own) return own.initiator;
  const root = rootOf(instance);
  if (!root) return variableInitiator(instance.variables);
  const rootRun = known?.runs?.get(root) ?? (await deps.runStore.get(root));
  if (rootRun) return rootRun.initiator;
  const { data } = await deps.dataIndex.getInstance(root);
  return data ? variableInitiator(data.variables) : undefined;
}
