import { useEffect, useState } from 'react';
import { NodeInstanceDTO } from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import { ProgressStep } from '../components/InstancePage/progressGroups';

interface Retained {
  node: NodeInstanceDTO;
  message?: string;
}

const storageKey = (instanceId: string) =>
  `orchestrator:failed-attempts:${instanceId}`;

function load(instanceId: string): Retained[] {
  try {
    const raw = window.sessionStorage.getItem(storageKey(instanceId));
    const parsed = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

function save(instanceId: string, retained: Retained[]) {
  try {
    window.sessionStorage.setItem(
      storageKey(instanceId),
      JSON.stringify(retained),
    );
  } catch {
    // Storage full or disabled: the attempts are still kept for this page.
  }
}

/**
 * A retrigger makes the engine drop the failed node instance and run the
 * node again, so the failure would vanish from the run's history. The page
 * remembers every failing attempt it has shown (in session storage, so a
 * reload keeps them) and gives back the ones the run no longer lists, as
 * failed attempts that were retried.
 */
export function useRetainedFailedAttempts(
  instanceId: string,
  nodes: NodeInstanceDTO[] | undefined,
  failing: ProgressStep[],
): ProgressStep[] {
  const [retained, setRetained] = useState<Retained[]>(() => load(instanceId));
  const failingKey = failing.map(s => s.node.id).join('\n');

  useEffect(() => {
    setRetained(load(instanceId));
  }, [instanceId]);

  useEffect(() => {
    if (!failingKey) return;
    setRetained(previous => {
      const known = new Set(previous.map(r => r.node.id));
      const added = failing
        .filter(s => !known.has(s.node.id))
        .map(s => ({ node: s.node, message: s.message }));
      if (added.length === 0) return previous;
      const next = [...previous, ...added];
      save(instanceId, next);
      return next;
    });
    // `failingKey` stands for `failing`, whose identity changes every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [instanceId, failingKey]);

  const present = new Set((nodes ?? []).map(n => n.id));
  return retained
    .filter(r => !present.has(r.node.id))
    .map(r => ({ ...r, status: 'failed' as const, retried: true }));
}
