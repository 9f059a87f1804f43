import { useMemo } from 'react';
import { useTheme } from '@mui/material/styles';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { orchestratorTranslationRef } from '../../translation';
import { layoutGraph, MAX_LABEL_CHARS, PositionedNode } from './layoutGraph';
import { buildWorkflowGraph, GraphEdge, GraphNode } from './workflowGraph';

export type DiagramNodeStatus = 'done' | 'running' | 'failed' | 'stopped';

const truncate = (label: string) =>
  label.length > MAX_LABEL_CHARS
    ? `${label.slice(0, MAX_LABEL_CHARS - 1)}…`
    : label;

function edgePath(
  from: PositionedNode,
  to: PositionedNode,
  back: boolean,
  width: number,
) {
  if (back) {
    // loops leave and re-enter on the right, around the rows in between
    const x1 = from.x + from.width;
    const y1 = from.y + from.height / 2;
    const x2 = to.x + to.width;
    const y2 = to.y + to.height / 2;
    const outer = width - 24;
    return `M${x1},${y1} C${outer},${y1} ${outer},${y2} ${x2 + 6},${y2}`;
  }
  const x1 = from.x + from.width / 2;
  const y1 = from.y + from.height;
  const x2 = to.x + to.width / 2;
  const y2 = to.y - 6;
  const mid = (y1 + y2) / 2;
  return `M${x1},${y1} C${x1},${mid} ${x2},${mid} ${x2},${y2}`;
}

/**
 * The workflow's states and transitions as an SVG computed from the parsed
 * definition: no iframe, no editor bundle, nothing evaluated, so it works
 * under a strict CSP. With `nodeStatus` it doubles as a run's progress map.
 */
export const WorkflowDiagram = ({
  definition,
  nodeStatus = {},
}: {
  definition: Record<string, unknown>;
  nodeStatus?: Record<string, DiagramNodeStatus>;
}) => {
  const theme = useTheme();
  const { t } = useTranslationRef(orchestratorTranslationRef);
  const graph = useMemo(() => buildWorkflowGraph(definition), [definition]);
  const layout = useMemo(() => layoutGraph(graph), [graph]);
  const colors = {
    done: theme.palette.success.main,
    running: theme.palette.info.main,
    failed: theme.palette.error.main,
    stopped: theme.palette.grey[500],
    edge: theme.palette.text.secondary,
    error: theme.palette.error.main,
    fill: theme.palette.background.paper,
    text: theme.palette.text.primary,
    terminal: theme.palette.grey[500],
  };

  // the graph model names start, end and unnamed branches in English
  const nodeLabel = (node: GraphNode) => {
    if (node.type === 'start') return t('definition.start');
    if (node.type === 'end') return t('definition.end');
    return node.label;
  };
  const edgeLabel = (e: GraphEdge) => {
    if (e.kind === 'default' && e.label === 'default') {
      return t('definition.defaultEdge');
    }
    if (e.kind === 'error' && e.label === 'error') {
      return t('definition.errorEdge');
    }
    return e.label ?? '';
  };

  const nodeTitle = (
    node: GraphNode,
    terminal: boolean,
    status?: DiagramNodeStatus,
  ) => {
    const title = terminal
      ? nodeLabel(node)
      : t('definition.nodeTitle', { label: node.label, type: node.type });
    return status
      ? t('definition.nodeTitleWithStatus', {
          title,
          status: t(`progress.statusLabel.${status}`),
        })
      : title;
  };

  const strokeOf = (node: GraphNode) => {
    const status = nodeStatus[node.id];
    if (status) return colors[status];
    return node.type === 'start' || node.type === 'end'
      ? colors.terminal
      : colors.edge;
  };
  const edgeColor = (e: GraphEdge) =>
    e.kind === 'error' ? colors.error : colors.edge;

  return (
    <svg
      role="img"
      aria-label={t('definition.diagramLabel')}
      data-testid="workflow-diagram"
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      width="100%"
      style={{ maxWidth: layout.width }}
    >
      <defs>
        <marker
          id="orchestrator-arrow"
          viewBox="0 0 10 10"
          refX="8"
          refY="5"
          markerWidth="8"
          markerHeight="8"
          orient="auto-start-reverse"
        >
          <path d="M0,0 L10,5 L0,10 z" fill={colors.edge} />
        </marker>
      </defs>
      {graph.edges.map((e, i) => {
        const from = layout.nodes.get(e.from);
        const to = layout.nodes.get(e.to);
        if (!from || !to) return null;
        const back = layout.backEdges.has(e);
        const d = edgePath(from, to, back, layout.width);
        return (
          <g
            key={`${e.from}->${e.to}-${i}`}
            data-testid="diagram-edge"
            data-from={e.from}
            data-to={e.to}
          >
            <path
              d={d}
              fill="none"
              stroke={edgeColor(e)}
              strokeWidth={1.5}
              strokeDasharray={
                e.kind === 'error' || e.kind === 'default' ? '4 3' : undefined
              }
              markerEnd="url(#orchestrator-arrow)"
            />
            {e.label && (
              <text
                x={
                  back
                    ? layout.width - 20
                    : (from.x + from.width / 2 + to.x + to.width / 2) / 2 + 4
                }
                y={
                  back
                    ? (from.y + to.y) / 2 + 18
                    : (from.y + from.height + to.y) / 2
                }
                fontSize={10}
                fill={edgeColor(e)}
                textAnchor={back ? 'end' : 'start'}
              >
                {truncate(edgeLabel(e))}
              </text>
            )}
          </g>
        );
      })}
      {graph.nodes.map(node => {
        const p = layout.nodes.get(node.id);
        if (!p) return null;
        const status = nodeStatus[node.id];
        const terminal = node.type === 'start' || node.type === 'end';
        return (
          <g
            key={node.id}
            data-testid="diagram-node"
            data-node={node.id}
            data-status={status ?? 'none'}
            transform={`translate(${p.x},${p.y})`}
          >
            <title>{nodeTitle(node, terminal, status)}</title>
            <rect
              width={p.width}
              height={p.height}
              rx={terminal ? p.height / 2 : 6}
              fill={colors.fill}
              stroke={strokeOf(node)}
              strokeWidth={status ? 3 : 1.5}
              strokeDasharray={node.type === 'unknown' ? '4 3' : undefined}
            />
            <text
              x={p.width / 2}
              y={p.height / 2 + 4}
              textAnchor="middle"
              fontSize={12}
              fill={colors.text}
            >
              {truncate(nodeLabel(node))}
            </text>
          </g>
        );
      })}
    </svg>
  );
};
