import { graphlib, layout } from '@dagrejs/dagre';
import { GraphEdge, WorkflowGraph } from './workflowGraph';

export interface Point {
  x: number;
  y: number;
}

export interface PositionedNode extends Point {
  id: string;
  width: number;
  height: number;
  /** Row of the layered layout, 0 at the top. */
  level: number;
}

export interface PositionedEdge {
  edge: GraphEdge;
  /** The route from the source's border to the target's border. */
  points: Point[];
  /** Centre of the label's own slot, when the edge has a label. */
  label?: Point & { width: number };
}

export interface Layout {
  nodes: Map<string, PositionedNode>;
  edges: PositionedEdge[];
  width: number;
  height: number;
}

export const NODE_HEIGHT = 36;
const CHAR_WIDTH = 7;
const LABEL_CHAR_WIDTH = 6;
export const LABEL_HEIGHT = 14;
export const MAX_LABEL_CHARS = 28;

export function nodeWidth(label: string): number {
  return Math.max(
    96,
    Math.min(label.length, MAX_LABEL_CHARS) * CHAR_WIDTH + 32,
  );
}

export function labelWidth(label: string): number {
  return Math.min(label.length, MAX_LABEL_CHARS) * LABEL_CHAR_WIDTH + 8;
}

/**
 * The layered (Sugiyama) layout of dagre, the one behind core-components'
 * DependencyGraph. Each edge label is laid out as a box of its own, so
 * labels of parallel branches (a switch's condition and default to the same
 * state) never sit on each other, and loops are routed around the rows.
 * `labelOf` gives the text drawn, so the box fits the translated label.
 */
export function layoutGraph(
  graph: WorkflowGraph,
  labelOf: (edge: GraphEdge) => string = e => e.label ?? '',
): Layout {
  const g = new graphlib.Graph({ multigraph: true });
  g.setGraph({
    rankdir: 'TB',
    nodesep: 32,
    edgesep: 16,
    ranksep: 40,
    marginx: 24,
    marginy: 24,
  });
  for (const node of graph.nodes) {
    g.setNode(node.id, {
      width: nodeWidth(node.label),
      height: NODE_HEIGHT,
    });
  }
  graph.edges.forEach((edge, i) => {
    const text = labelOf(edge);
    g.setEdge(
      edge.from,
      edge.to,
      text
        ? { width: labelWidth(text), height: LABEL_HEIGHT, labelpos: 'c' }
        : {},
      String(i),
    );
  });
  layout(g);

  const ys = [...new Set(graph.nodes.map(n => g.node(n.id).y))].sort(
    (a, b) => a - b,
  );
  const nodes = new Map<string, PositionedNode>();
  for (const node of graph.nodes) {
    const n = g.node(node.id);
    nodes.set(node.id, {
      id: node.id,
      // dagre gives centres; the SVG draws from the top-left corner
      x: n.x - n.width / 2,
      y: n.y - n.height / 2,
      width: n.width,
      height: n.height,
      level: ys.indexOf(n.y),
    });
  }
  const edges = graph.edges.map((edge, i): PositionedEdge => {
    const e = g.edge(edge.from, edge.to, String(i));
    const text = labelOf(edge);
    return {
      edge,
      points: (e.points ?? []).map(p => ({ x: p.x, y: p.y })),
      label:
        text && e.x !== undefined && e.y !== undefined
          ? { x: e.x, y: e.y, width: labelWidth(text) }
          : undefined,
    };
  });
  const size = g.graph();
  return {
    nodes,
    edges,
    width: Math.ceil(size.width ?? 0),
    height: Math.ceil(size.height ?? 0),
  };
}
