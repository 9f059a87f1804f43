import { NodeDefinitionRecord } from '../../store/types';
import { SwAction, SwFunction, SwState, SwWorkflow } from '../model';

/**
 * The process nodes SonataFlow compiles a workflow into, in the shape the
 * Data Index reports them (`_jbpm-unique-N` unique ids). Node instances point
 * at these through `definitionId` / `nodeId`, errors through `nodeDefinitionId`.
 */
export interface NodeGraph {
  all: NodeDefinitionRecord[];
  start: NodeDefinitionRecord;
  end: NodeDefinitionRecord;
  state(name: string): NodeDefinitionRecord;
  action(stateName: string, index: number): NodeDefinitionRecord;
  /** The wait node of a callback/event state. */
  wait(stateName: string): NodeDefinitionRecord | undefined;
}

const STATE_NODE_TYPES: Record<string, string> = {
  operation: 'CompositeContextNode',
  callback: 'CompositeContextNode',
  parallel: 'CompositeContextNode',
  foreach: 'ForEachNode',
  switch: 'Split',
  inject: 'ActionNode',
  sleep: 'TimerNode',
  event: 'CompositeContextNode',
};

export function functionsOf(wf: SwWorkflow): SwFunction[] {
  return Array.isArray(wf.functions) ? wf.functions : [];
}

export function actionName(action: SwAction): string {
  if (action.name) return action.name;
  if (typeof action.functionRef === 'string') return action.functionRef;
  if (action.functionRef) return action.functionRef.refName;
  if (typeof action.subFlowRef === 'string') return action.subFlowRef;
  if (action.subFlowRef) return action.subFlowRef.workflowId;
  return 'action';
}

function actionNodeType(wf: SwWorkflow, action: SwAction): string {
  if (action.subFlowRef) return 'SubProcessNode';
  const ref =
    typeof action.functionRef === 'string'
      ? action.functionRef
      : action.functionRef?.refName;
  const fn = functionsOf(wf).find(f => f.name === ref);
  return fn?.type === 'expression' ? 'ActionNode' : 'WorkItemNode';
}

export function stateActions(state: SwState): SwAction[] {
  if (state.type === 'callback') return state.action ? [state.action] : [];
  if (state.type === 'event')
    return (state.onEvents ?? []).flatMap(e => e.actions ?? []);
  return state.actions ?? [];
}

export function buildNodeGraph(wf: SwWorkflow): NodeGraph {
  const all: NodeDefinitionRecord[] = [];
  const add = (
    name: string,
    type: string,
    meta: { state?: string; action?: string },
  ) => {
    const n = all.length + 1;
    const uniqueId = `_jbpm-unique-${n}`;
    const node: NodeDefinitionRecord = {
      id: String(n),
      name,
      type,
      uniqueId,
      metadata: { UniqueId: uniqueId, ...meta },
    };
    all.push(node);
    return node;
  };

  const start = add('Start', 'StartNode', {});
  const states = new Map<string, NodeDefinitionRecord>();
  const actions = new Map<string, NodeDefinitionRecord>();
  const waits = new Map<string, NodeDefinitionRecord>();
  for (const state of wf.states ?? []) {
    states.set(
      state.name,
      add(state.name, STATE_NODE_TYPES[state.type] ?? 'CompositeContextNode', {
        state: state.name,
      }),
    );
    stateActions(state).forEach((action, i) => {
      const name = actionName(action);
      actions.set(
        `${state.name}\u0000${i}`,
        add(name, actionNodeType(wf, action), {
          state: state.name,
          action: name,
        }),
      );
    });
    if (state.type === 'callback' || state.type === 'event') {
      const ref =
        state.type === 'callback'
          ? state.eventRef
          : state.onEvents?.[0]?.eventRefs?.[0];
      waits.set(
        state.name,
        add(ref ?? 'event', 'EventNode', { state: state.name }),
      );
    }
  }
  const end = add('End', 'EndNode', {});

  return {
    all,
    start,
    end,
    state: name => {
      const node = states.get(name);
      if (!node) throw new Error(`No node for state '${name}'`);
      return node;
    },
    action: (stateName, index) => {
      const node = actions.get(`${stateName}\u0000${index}`);
      if (!node)
        throw new Error(`No node for action ${index} of state '${stateName}'`);
      return node;
    },
    wait: stateName => waits.get(stateName),
  };
}
