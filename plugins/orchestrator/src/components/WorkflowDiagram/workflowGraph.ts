/**
 * The states of a Serverless Workflow 0.8 definition and the transitions
 * between them, read from the parsed definition (no engine, no eval): enough
 * to draw the workflow and to overlay a run's progress on it.
 */

export const START_NODE = '__start__';
export const END_NODE = '__end__';

export interface GraphNode {
  id: string;
  label: string;
  /** SW state type (operation, switch, ...) or `start` / `end`. */
  type: string;
}

export interface GraphEdge {
  from: string;
  to: string;
  label?: string;
  kind: 'transition' | 'condition' | 'default' | 'error';
}

export interface WorkflowGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** `transition: "A"` or `transition: { nextState: "A" }`. */
function targetOf(transition: unknown): string | undefined {
  if (typeof transition === 'string') return transition;
  if (isObj(transition) && typeof transition.nextState === 'string')
    return transition.nextState;
  return undefined;
}

/** `end: true` or `end: { terminate: true, ... }`; `end: false` is not an end. */
const isEnd = (end: unknown) => end === true || isObj(end);

function startOf(definition: Obj, states: Obj[]): string | undefined {
  const start = definition.start;
  if (typeof start === 'string') return start;
  if (isObj(start) && typeof start.stateName === 'string')
    return start.stateName;
  return typeof states[0]?.name === 'string'
    ? (states[0].name as string)
    : undefined;
}

function outgoing(
  state: Obj,
): Array<{ to: string; label?: string; kind: GraphEdge['kind'] }> {
  const out: Array<{ to: string; label?: string; kind: GraphEdge['kind'] }> =
    [];
  const add = (holder: Obj, kind: GraphEdge['kind'], label?: string) => {
    const to = targetOf(holder.transition);
    if (to) out.push({ to, label, kind });
    else if (isEnd(holder.end)) out.push({ to: END_NODE, label, kind });
  };
  add(state, 'transition');
  for (const key of ['dataConditions', 'eventConditions']) {
    const conditions = state[key];
    if (Array.isArray(conditions)) {
      conditions.filter(isObj).forEach((c, i) => {
        const label =
          (typeof c.name === 'string' && c.name) ||
          (typeof c.condition === 'string' && c.condition) ||
          (typeof c.eventRef === 'string' && c.eventRef) ||
          `condition ${i + 1}`;
        add(c, 'condition', label);
      });
    }
  }
  if (isObj(state.defaultCondition))
    add(state.defaultCondition, 'default', 'default');
  if (Array.isArray(state.onErrors)) {
    state.onErrors.filter(isObj).forEach(e => {
      const label = typeof e.errorRef === 'string' ? e.errorRef : 'error';
      add(e, 'error', label);
    });
  }
  return out;
}

/** The graph of a parsed definition. Unknown targets are kept as nodes so mistakes show. */
export function buildWorkflowGraph(definition: Obj): WorkflowGraph {
  const states = (
    Array.isArray(definition.states) ? definition.states : []
  ).filter((s): s is Obj => isObj(s) && typeof s.name === 'string');
  const nodes: GraphNode[] = [
    { id: START_NODE, label: 'Start', type: 'start' },
  ];
  const edges: GraphEdge[] = [];
  const known = new Set<string>();
  for (const state of states) {
    const name = state.name as string;
    if (known.has(name)) continue;
    known.add(name);
    nodes.push({
      id: name,
      label: name,
      type: typeof state.type === 'string' ? state.type : 'state',
    });
  }
  const start = startOf(definition, states);
  if (start) edges.push({ from: START_NODE, to: start, kind: 'transition' });
  let hasEnd = false;
  for (const state of states) {
    for (const edge of outgoing(state)) {
      if (edge.to === END_NODE) hasEnd = true;
      else if (!known.has(edge.to)) {
        known.add(edge.to);
        nodes.push({ id: edge.to, label: edge.to, type: 'unknown' });
      }
      edges.push({ from: state.name as string, ...edge });
    }
  }
  if (hasEnd) nodes.push({ id: END_NODE, label: 'End', type: 'end' });
  return { nodes, edges };
}
