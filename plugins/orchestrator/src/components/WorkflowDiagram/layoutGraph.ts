import {
  GraphEdge,
  WorkflowGraph,
  END_NODE,
  START_NODE,
} from './workflowGraph';

export interface PositionedNode {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  level: number;
}

export interface Layout {
  nodes: Map<string, PositionedNode>;
  /** Edges that go back up (loops, retries), drawn around the side. */
  backEdges: Set<GraphEdge>;
  width: number;
  height: number;
}

export const NODE_HEIGHT = 36;
const ROW_GAP = 56;
const COL_GAP = 32;
const MARGIN = 24;
const CHAR_WIDTH = 7;
export const MAX_LABEL_CHARS = 28;

export function nodeWidth(label: string): number {
  return Math.max(
    96,
    Math.min(label.length, MAX_LABEL_CHARS) * CHAR_WIDTH + 32,
  );
}

/**
 * A layered top-down layout: edges that close a cycle (found by DFS from
 * Start) are set aside, every other node sits one row below its deepest
 * predecessor, End goes last. Enough for workflows of tens of states, with no
 * layout library to ship.
 */
export function layoutGraph(graph: WorkflowGraph): Layout {
  const succ = new Map<string, GraphEdge[]>();
  graph.edges.forEach(e => succ.set(e.from, [...(succ.get(e.from) ?? []), e]));

  const backEdges = new Set<GraphEdge>();
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string) => {
    state.set(id, 'visiting');
    for (const e of succ.get(id) ?? []) {
      const s = state.get(e.to);
      if (s === 'visiting') backEdges.add(e);
      else if (!s) visit(e.to);
    }
    state.set(id, 'done');
    order.unshift(id); // reverse post-order = topological order of the DAG
  };
  visit(START_NODE);
  graph.nodes.forEach(n => {
    if (!state.has(n.id)) visit(n.id); // states no transition reaches
  });

  const level = new Map<string, number>(order.map(id => [id, 0]));
  for (const id of order) {
    for (const e of succ.get(id) ?? []) {
      if (!backEdges.has(e)) {
        level.set(
          e.to,
          Math.max(level.get(e.to) ?? 0, (level.get(id) ?? 0) + 1),
        );
      }
    }
  }
  const maxLevel = Math.max(
    0,
    ...[...level.entries()].filter(([id]) => id !== END_NODE).map(([, l]) => l),
  );
  if (level.has(END_NODE)) level.set(END_NODE, maxLevel + 1);

  const rows: string[][] = [];
  graph.nodes.forEach(n => {
    const l = level.get(n.id) ?? 0;
    (rows[l] = rows[l] ?? []).push(n.id);
  });
  const labels = new Map(graph.nodes.map(n => [n.id, n.label]));
  const rowWidths = rows.map(
    row =>
      (row ?? []).reduce((w, id) => w + nodeWidth(labels.get(id) ?? id), 0) +
      COL_GAP * ((row?.length ?? 1) - 1),
  );
  const width = Math.max(...rowWidths, 0) + MARGIN * 2 + 80; // room for back edges on the right
  const nodes = new Map<string, PositionedNode>();
  rows.forEach((row, l) => {
    let x = MARGIN + (width - 80 - MARGIN * 2 - rowWidths[l]) / 2;
    (row ?? []).forEach(id => {
      const w = nodeWidth(labels.get(id) ?? id);
      nodes.set(id, {
        id,
        x,
        y: MARGIN + l * (NODE_HEIGHT + ROW_GAP),
        width: w,
        height: NODE_HEIGHT,
        level: l,
      });
      x += w + COL_GAP;
    });
  });
  const height = MARGIN * 2 + rows.length * (NODE_HEIGHT + ROW_GAP) - ROW_GAP;
  return { nodes, backEdges, width, height };
}
