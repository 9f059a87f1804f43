// Node-only test: it reads real workflows from ../shared/reference.
/* eslint-disable no-restricted-imports */
import fs from 'fs';
import path from 'path';
import { parseWorkflowDefinition } from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import { buildWorkflowGraph, END_NODE, START_NODE } from './workflowGraph';
import { LABEL_HEIGHT, labelWidth, layoutGraph } from './layoutGraph';

const repoRoot = path.resolve(__dirname, '../../../../..');
const referenceDir = path.resolve(repoRoot, '../shared/reference');
const describeIfReference = fs.existsSync(referenceDir)
  ? describe
  : describe.skip;
if (!fs.existsSync(referenceDir)) {
  // eslint-disable-next-line no-console
  console.log('skipped: ../shared/reference not found');
}

describe('buildWorkflowGraph', () => {
  it('reads transitions, conditions, default and error edges, and ends', () => {
    const graph = buildWorkflowGraph({
      start: { stateName: 'A' },
      states: [
        {
          name: 'A',
          type: 'switch',
          dataConditions: [
            { name: 'yes', condition: '.x', transition: 'B' },
            { condition: '.y', end: true },
          ],
          defaultCondition: { transition: { nextState: 'A' } },
        },
        {
          name: 'B',
          type: 'operation',
          onErrors: [{ errorRef: 'boom', transition: 'C' }],
          end: { terminate: true },
        },
        { name: 'C', type: 'inject', transition: 'Missing' },
      ],
    });
    expect(graph.nodes.map(n => n.id)).toEqual([
      START_NODE,
      'A',
      'B',
      'C',
      'Missing',
      END_NODE,
    ]);
    expect(graph.edges).toEqual([
      { from: START_NODE, to: 'A', kind: 'transition' },
      { from: 'A', to: 'B', label: 'yes', kind: 'condition' },
      { from: 'A', to: END_NODE, label: '.y', kind: 'condition' },
      { from: 'A', to: 'A', label: 'default', kind: 'default' },
      { from: 'B', to: END_NODE, kind: 'transition' },
      { from: 'B', to: 'C', label: 'boom', kind: 'error' },
      { from: 'C', to: 'Missing', kind: 'transition' },
    ]);
  });

  it('starts at the first state when start is absent', () => {
    const graph = buildWorkflowGraph({
      states: [{ name: 'Only', type: 'inject', end: true }],
    });
    expect(graph.edges[0]).toEqual({
      from: START_NODE,
      to: 'Only',
      kind: 'transition',
    });
  });
});

describe('layoutGraph', () => {
  const loop = buildWorkflowGraph({
    start: 'Poll',
    states: [
      { name: 'Poll', type: 'operation', transition: 'Check' },
      {
        name: 'Check',
        type: 'switch',
        dataConditions: [
          { name: 'done', condition: '.done', transition: 'Finish' },
          { name: 'also done', condition: '.ok', transition: 'Finish' },
        ],
        defaultCondition: { transition: 'Poll' },
      },
      { name: 'Finish', type: 'inject', end: true },
    ],
  });

  it('puts each state below its predecessors and End last, a loop going back up', () => {
    const layout = layoutGraph(loop);
    const level = (id: string) => layout.nodes.get(id)!.level;
    expect([
      level(START_NODE),
      level('Poll'),
      level('Check'),
      level('Finish'),
      level(END_NODE),
    ]).toEqual([0, 1, 2, 3, 4]);
    const back = layout.edges.find(
      e => e.edge.from === 'Check' && e.edge.to === 'Poll',
    )!;
    expect(back.points[0].y).toBeGreaterThan(
      back.points[back.points.length - 1].y,
    );
  });

  it('gives every edge label a slot that overlaps no other label and no state', () => {
    const layout = layoutGraph(loop);
    type Box = { x: number; y: number; w: number; h: number };
    const boxes: Box[] = [...layout.nodes.values()].map(n => ({
      x: n.x,
      y: n.y,
      w: n.width,
      h: n.height,
    }));
    const labels = layout.edges.flatMap(e =>
      e.label
        ? [
            {
              x: e.label.x - e.label.width / 2,
              y: e.label.y - LABEL_HEIGHT / 2,
              w: e.label.width,
              h: LABEL_HEIGHT,
            },
          ]
        : [],
    );
    // both conditions and the default
    expect(labels).toHaveLength(3);
    const overlap = (a: Box, b: Box) =>
      a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
    labels.forEach((label, i) => {
      for (const other of [...boxes, ...labels.slice(i + 1)]) {
        expect(overlap(label, other)).toBe(false);
      }
    });
  });

  it('sizes label slots for the text drawn (a translated label)', () => {
    const layout = layoutGraph(loop, e =>
      e.kind === 'default' ? 'Standardfall' : e.label ?? '',
    );
    const def = layout.edges.find(e => e.edge.kind === 'default')!;
    expect(def.label!.width).toBe(labelWidth('Standardfall'));
  });
});

describeIfReference('reference workflows', () => {
  it('draws greeting.sw.yaml with its switch branches', () => {
    const text = fs.readFileSync(
      path.join(referenceDir, 'workflows/greeting/greeting.sw.yaml'),
      'utf8',
    );
    const graph = buildWorkflowGraph(parseWorkflowDefinition(text).definition);
    expect(graph.nodes.map(n => n.id)).toEqual([
      START_NODE,
      'ChooseOnLanguage',
      'GreetInEnglish',
      'GreetInSpanish',
      'GreetPerson',
      END_NODE,
    ]);
    expect(
      graph.edges.filter(e => e.from === 'ChooseOnLanguage').map(e => e.to),
    ).toEqual(['GreetInEnglish', 'GreetInSpanish', 'GreetInEnglish']);
  });

  it('lays out every reference workflow without losing a state', () => {
    const dir = path.join(referenceDir, 'workflows');
    const files = fs.readdirSync(dir).flatMap(d =>
      fs
        .readdirSync(path.join(dir, d))
        .filter(f => /\.sw\.(ya?ml|json)$/.test(f))
        .map(f => path.join(dir, d, f)),
    );
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      const { definition } = parseWorkflowDefinition(
        fs.readFileSync(file, 'utf8'),
      );
      const graph = buildWorkflowGraph(definition);
      const layout = layoutGraph(graph);
      const stateCount = (definition.states as unknown[]).length;
      expect(
        graph.nodes.filter(n => n.type !== 'start' && n.type !== 'end').length,
      ).toBeGreaterThanOrEqual(stateCount);
      expect(layout.nodes.size).toBe(graph.nodes.length);
      for (const p of layout.nodes.values()) {
        expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
      }
    }
  });
});
