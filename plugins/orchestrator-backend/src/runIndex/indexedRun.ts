import type { GqlRunIndexInstance } from '../dataIndex/types';
import { parseVariables } from '../services/instanceMapping';

/** One summary row of the run index. Times are epoch milliseconds. */
export interface IndexedRun {
  id: string;
  workflowId: string;
  version?: string;
  state: string;
  startMs?: number;
  endMs?: number;
  lastUpdateMs: number;
  businessKey?: string;
  parentId?: string;
  rootId?: string;
  /** `variables.initiatorEntity`; the run store is joined at query time. */
  initiator?: string;
  /** `variables.targetEntity`; the run store is joined at query time. */
  targetEntity?: string;
}

/**
 * What the index needs of an instance. The watcher's change query and the
 * backfill page both select these columns, so either feeds the index as is.
 */
export type IndexableInstance = GqlRunIndexInstance;

const time = (iso: string | null | undefined): number | undefined => {
  if (!iso) return undefined;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
};

const text = (value: unknown, max: number): string | undefined =>
  typeof value === 'string' && value ? value.slice(0, max) : undefined;

/** Maps a Data Index instance to its row; undefined when it lacks what a row needs. */
export function toIndexedRun(
  instance: IndexableInstance,
): IndexedRun | undefined {
  const lastUpdateMs = time(instance.lastUpdate) ?? time(instance.start);
  if (!instance.id || !instance.processId || lastUpdateMs === undefined)
    return undefined;
  const variables = parseVariables(instance.variables);
  return {
    id: instance.id,
    workflowId: instance.processId,
    version: text(instance.version, 64),
    // The raw Data Index state: the Data Index path counts `state: {equal: COMPLETED}` too.
    state: text(instance.state, 32) ?? 'PENDING',
    startMs: time(instance.start),
    endMs: time(instance.end),
    lastUpdateMs,
    businessKey: text(instance.businessKey, 255),
    parentId: text(instance.parentProcessInstanceId, 255),
    rootId: text(instance.rootProcessInstanceId, 255),
    initiator: text(variables?.initiatorEntity, 512),
    targetEntity: text(variables?.targetEntity, 512),
  };
}
