import { NodeInstanceDTO } from '@orchestrator-suite/backstage-plugin-orchestrator-common';

/** `stopped`: the node never finished because the run ended (aborted, or failed elsewhere). */
export type NodeStatus = 'done' | 'running' | 'failed' | 'stopped';

/** One node instance the run went through. */
export interface ProgressStep {
  node: NodeInstanceDTO;
  status: NodeStatus;
  /** The failure message captured while this attempt was the failing one. */
  message?: string;
  /** A failed attempt the engine dropped when the run was retriggered. */
  retried?: boolean;
}

/** Every instance of one node name: a loop or a retrigger repeats a node. */
export interface ProgressGroup {
  name: string;
  steps: ProgressStep[];
  status: NodeStatus;
  failedAttempts: number;
}

/**
 * Groups steps (oldest first) by node name, in order of first entry. A
 * looping workflow repeats the same few nodes many times, and one row per
 * instance buries the shape of the run. The group's status is its latest
 * attempt's, except that a live instance keeps it running and a current
 * failure marks it failed: a retriggered node that then succeeded reads
 * "done" and still counts its failed attempt.
 */
export function groupProgress(steps: ProgressStep[]): ProgressGroup[] {
  const byName = new Map<string, ProgressStep[]>();
  for (const step of steps) {
    const name = step.node.name ?? step.node.id;
    const list = byName.get(name) ?? [];
    list.push(step);
    byName.set(name, list);
  }
  return [...byName.entries()].map(([name, list]) => ({
    name,
    steps: list,
    status: groupStatus(list),
    failedAttempts: list.filter(s => s.status === 'failed').length,
  }));
}

function groupStatus(list: ProgressStep[]): NodeStatus {
  if (list.some(s => s.status === 'running')) return 'running';
  if (list.some(s => s.status === 'failed' && !s.retried)) return 'failed';
  return list[list.length - 1].status;
}
