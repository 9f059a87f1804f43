import { DataIndexStore } from '../store/DataIndexStore';
import {
  NodeDefinitionRecord,
  NodeInstanceRecord,
  ProcessDefinitionRecord,
  ProcessInstanceRecord,
  ProcessInstanceState,
} from '../store/types';

/** @public */
export interface SeedOptions {
  count: number;
  serviceUrl: string;
  /** PRNG seed; same seed + anchor gives the same instances. Default 42. */
  seed?: number;
  /** Newest start time (epoch ms); instances spread over the 90 days before it. Default: today 00:00 UTC. */
  anchor?: number;
}

/** mulberry32: small, fast, deterministic. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function uuidFrom(next: () => number) {
  const word = () =>
    Math.floor(next() * 4294967296)
      .toString(16)
      .padStart(8, '0');
  const a = word();
  const b = word();
  const c = word();
  const d = word();
  return `${a}-${b.slice(0, 4)}-4${b.slice(5)}-a${c.slice(1, 4)}-${c.slice(
    4,
  )}${d}`;
}

const FALLBACK_DEFINITIONS: ProcessDefinitionRecord[] = [
  'greeting',
  'assessment',
  'long-running',
  'failing',
  'multi-step',
  'callback',
].map(id => ({ id, name: id, version: '1.0', nodes: [] }));

const DAY = 86_400_000;
const USERS = Array.from({ length: 20 }, (_, i) => `user:default/user-${i}`);
const ENTITIES = Array.from(
  { length: 50 },
  (_, i) => `component:default/service-${i}`,
);

function pickState(r: number): ProcessInstanceState {
  if (r < 0.7) return 'COMPLETED';
  if (r < 0.82) return 'ERROR';
  if (r < 0.9) return 'ABORTED';
  return 'ACTIVE';
}

function nodeInstance(
  def: NodeDefinitionRecord | undefined,
  name: string,
  enter: number,
  exit: number | undefined,
  id: string,
): NodeInstanceRecord {
  return {
    id,
    name: def?.name ?? name,
    type: def?.type ?? 'CompositeContextNode',
    enter,
    exit,
    definitionId: def?.uniqueId ?? `_jbpm-unique-${name}`,
    nodeId: def?.id ?? name,
  };
}

/**
 * Bulk-creates `count` historic instances across the registered workflows,
 * straight into the store (no execution), for benchmarks. Deterministic.
 * @public
 */
export function seedInstances(
  store: DataIndexStore,
  options: SeedOptions,
): number {
  // Default seed depends on what is already stored, so a second seeding adds rather than overwrites.
  const next = prng(options.seed ?? 42 + store.instanceCount());
  const today = new Date();
  const anchor =
    options.anchor ??
    Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const registered = store.listDefinitions();
  const definitions = registered.length > 0 ? registered : FALLBACK_DEFINITIONS;
  const batch: ProcessInstanceRecord[] = new Array(options.count);
  for (let i = 0; i < options.count; i++) {
    const def = definitions[Math.floor(next() * definitions.length)];
    const state = pickState(next());
    const start = anchor - Math.floor(next() * 90 * DAY);
    const duration = 1000 + Math.floor(next() * 600_000);
    const id = uuidFrom(next);
    const stateNodes = (def.nodes ?? []).filter(
      n => n.type !== 'StartNode' && n.type !== 'EndNode' && !n.metadata.action,
    );
    const startDef = def.nodes?.find(n => n.type === 'StartNode');
    const endDef = def.nodes?.find(n => n.type === 'EndNode');
    const middle =
      stateNodes[Math.floor(next() * Math.max(1, stateNodes.length))];
    const done = state !== 'ACTIVE' && state !== 'ERROR';
    const nodes = [
      nodeInstance(startDef, 'Start', start, start, `${id}-n1`),
      nodeInstance(
        middle,
        'Step',
        start + 10,
        done ? start + duration - 10 : undefined,
        `${id}-n2`,
      ),
    ];
    if (state === 'COMPLETED')
      nodes.push(
        nodeInstance(
          endDef,
          'End',
          start + duration,
          start + duration,
          `${id}-n3`,
        ),
      );
    const end = done ? start + duration : undefined;
    const record: ProcessInstanceRecord = {
      id,
      processId: def.id,
      processName: def.name ?? def.id,
      version: def.version,
      state,
      endpoint: `${options.serviceUrl}/${def.id}`,
      serviceUrl: options.serviceUrl,
      nodes,
      variables: {
        workflowdata: {
          seeded: true,
          n: i,
          language: next() < 0.5 ? 'English' : 'Spanish',
        },
        initiatorEntity: USERS[Math.floor(next() * USERS.length)],
        targetEntity: ENTITIES[Math.floor(next() * ENTITIES.length)],
      },
      start,
      end,
      lastUpdate: end ?? start + 10,
      executionSummary: ['Workflow started (seeded)'],
      addons: ['process-management', 'source-files'],
      roles: [],
    };
    if (state === 'ERROR') {
      nodes[1].errorMessage = 'Seeded failure';
      record.error = {
        nodeDefinitionId: nodes[1].definitionId,
        nodeInstanceId: nodes[1].id,
        message: 'Seeded failure',
      };
    }
    batch[i] = record;
  }
  store.putInstances(batch);
  return batch.length;
}
