import type { WhereArgument } from '../dataIndex/types';
import type { RunStore } from '../runStore/RunStore';

/**
 * Runs for a catalog entity: every run the run store recorded for it (the
 * authority, uncapped) plus runs started elsewhere that carry the entity in
 * their `targetEntity` variable.
 */
export async function entityRunsWhere(
  runStore: RunStore,
  targetEntity: string,
): Promise<WhereArgument> {
  const byVariable: WhereArgument = {
    variables: { targetEntity: { equal: targetEntity } },
  };
  const ids = await runStore.listInstanceIdsByEntity(targetEntity);
  return ids.length ? { or: [byVariable, { id: { in: ids } }] } : byVariable;
}
