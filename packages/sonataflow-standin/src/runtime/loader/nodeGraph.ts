import { NodeDefinitionRecord } from '../../store/types';
import {
  End,
  SwAction,
  SwFunction,
  SwState,
  SwWorkflow,
  Transition,
} from '../model';

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
  /** The wait node of a callback/event state or an event-based switch. */
  wait(stateName: string): NodeDefinitionRecord | undefined;
  /** The composite node of branch `index` of a parallel state. */
  branch(stateName: string, index: number): NodeDefinitionRecord;
  /** The node recording an event a state's transition / end produces. */
  produce(stateName: string, eventRef: string): NodeDefinitionRecord;
  /** The scope compensation runs in (jBPM wraps compensation handlers in a composite). */
  compensation(): NodeDefinitionRecord;
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
  if (action.eventRef) return action.eventRef.triggerEventRef;
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
  if (state.type === 'parallel')
    return (state.branches ?? []).flatMap(b => b.actions ?? []);
  return state.actions ?? [];
}

/** Every transition / end a state can take (conditions and error handlers included). */
export function stateExits(
  state: SwState,
): Array<{ transition?: Transition; end?: End }> {
  const exits: Array<{ transition?: Transition; end?: End }> = [];
  if (state.type === 'switch') {
    exits.push(...(state.dataConditions ?? []));
    exits.push(...(state.eventConditions ?? []));
    if (state.defaultCondition) exits.push(state.defaultCondition);
  } else {
    exits.push({ transition: state.transition, end: state.end });
  }
  exits.push(...(state.onErrors ?? []));
  return exits;
}

/** The eventRefs a state's exits produce. */
export function producedEventRefs(state: SwState): string[] {
  const refs = stateExits(state).flatMap(exit =>
    [exit.transition, exit.end].flatMap(t =>
      t && typeof t === 'object' ? t.produceEvents ?? [] : [],
    ),
  );
  return [...new Set(refs.map(p => p.eventRef))];
}

export function buildNodeGraph(wf: SwWorkflow): NodeGraph {
  const all: NodeDefinitionRecord[] = [];
  const add = (
    name: string,
    type: string,
    meta: { state?: string; action?: string; branch?: string },
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
  const branches = new Map<string, NodeDefinitionRecord>();
  const produced = new Map<string, NodeDefinitionRecord>();
  for (const state of wf.states ?? []) {
    states.set(
      state.name,
      add(state.name, STATE_NODE_TYPES[state.type] ?? 'CompositeContextNode', {
        state: state.name,
      }),
    );
    (state.type === 'parallel' ? state.branches ?? [] : []).forEach((b, i) =>
      branches.set(
        `${state.name}\u0000${i}`,
        add(b.name ?? `branch ${i + 1}`, 'CompositeContextNode', {
          state: state.name,
          branch: b.name,
        }),
      ),
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
    const eventSwitch =
      state.type === 'switch' && Boolean(state.eventConditions?.length);
    if (state.type === 'callback' || state.type === 'event' || eventSwitch) {
      let ref: string | undefined = state.eventRef;
      if (state.type === 'event') ref = state.onEvents?.[0]?.eventRefs?.[0];
      if (eventSwitch) ref = state.eventConditions![0].eventRef;
      waits.set(
        state.name,
        add(ref ?? 'event', 'EventNode', { state: state.name }),
      );
    }
    for (const ref of producedEventRefs(state))
      produced.set(
        `${state.name}\u0000${ref}`,
        add(ref, 'ActionNode', { state: state.name }),
      );
  }
  const end = add('End', 'EndNode', {});
  let compensation: NodeDefinitionRecord | undefined;
  if ((wf.states ?? []).some(s => s.compensatedBy))
    compensation = add('Compensation', 'CompositeContextNode', {});

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
    branch: (stateName, index) => {
      const node = branches.get(`${stateName}\u0000${index}`);
      if (!node)
        throw new Error(`No node for branch ${index} of state '${stateName}'`);
      return node;
    },
    produce: (stateName, eventRef) => {
      const node = produced.get(`${stateName}\u0000${eventRef}`);
      if (!node)
        throw new Error(
          `No node for event '${eventRef}' produced by state '${stateName}'`,
        );
      return node;
    },
    compensation: () => {
      if (!compensation)
        throw new Error('the workflow has no state with compensatedBy');
      return compensation;
    },
  };
}
