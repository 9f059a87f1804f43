import { useMemo } from 'react';
import { useTheme } from '@mui/material/styles';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { orchestratorTranslationRef } from '../../translation';
import {
  LABEL_HEIGHT,
  layoutGraph,
  MAX_LABEL_CHARS,
  Point,
} from './layoutGraph';
import { buildWorkflowGraph, GraphEdge, GraphNode } from './workflowGraph';

export type DiagramNodeStatus = 'done' | 'running' | 'failed' | 'stopped';

const truncate = (label: string) =>
  label.length > MAX_LABEL_CHARS
    ? `${label.slice(0, MAX_LABEL_CHARS - 1)}…`
    : label;

/** A smooth line through dagre's route points (a quadratic curve at each bend). */
function edgePath(points: Point[]) {
  if (points.length === 0) return '';
  const [first, ...rest] = points;
  let d = `M${first.x},${first.y}`;
  rest.forEach((p, i) => {
    const next = rest[i + 1];
    if (!next) {
      d += ` L${p.x},${p.y}`;
      return;
    }
    d += ` Q${p.x},${p.y} ${(p.x + next.x) / 2},${(p.y + next.y) / 2}`;
  });
  return d;
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
  const layout = useMemo(
    () => layoutGraph(graph, edgeLabel),
    // edgeLabel changes only with the language, which `t` stands for
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [graph, t],
  );

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
      {layout.edges.map(({ edge: e, points, label }, i) => {
        const text = edgeLabel(e);
        return (
          <g
            key={`${e.from}->${e.to}-${i}`}
            data-testid="diagram-edge"
            data-from={e.from}
            data-to={e.to}
          >
            <path
              d={edgePath(points)}
              fill="none"
              stroke={edgeColor(e)}
              strokeWidth={1.5}
              strokeDasharray={
                e.kind === 'error' || e.kind === 'default' ? '4 3' : undefined
              }
              markerEnd="url(#orchestrator-arrow)"
            />
            {label && (
              <g
                data-testid="diagram-edge-label"
                transform={`translate(${label.x - label.width / 2},${
                  label.y - LABEL_HEIGHT / 2
                })`}
              >
                <rect
                  width={label.width}
                  height={LABEL_HEIGHT}
                  rx={3}
                  fill={colors.fill}
                />
                <text
                  x={label.width / 2}
                  y={LABEL_HEIGHT / 2 + 3.5}
                  fontSize={10}
                  fill={edgeColor(e)}
                  textAnchor="middle"
                >
                  {truncate(text)}
                </text>
              </g>
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
