import { End, SwState, SwWorkflow, Transition } from '../model';
import { functionsOf, stateActions } from './nodeGraph';

export function transitionTarget(
  t: Transition | undefined,
): string | undefined {
  if (t === undefined) return undefined;
  return typeof t === 'string' ? t : t.nextState;
}

export function isEnd(end: End | undefined): boolean {
  return end !== undefined && end !== false;
}

export function startStateName(wf: SwWorkflow): string | undefined {
  return typeof wf.start === 'string' ? wf.start : wf.start?.stateName;
}

function exitsOf(
  state: SwState,
): Array<{ transition?: Transition; end?: End }> {
  const exits: Array<{ transition?: Transition; end?: End }> = [];
  if (state.type === 'switch') {
    for (const c of state.dataConditions ?? []) exits.push(c);
    for (const c of (state.eventConditions ?? []) as Array<{
      transition?: Transition;
      end?: End;
    }>)
      exits.push(c);
    if (state.defaultCondition) exits.push(state.defaultCondition);
  } else {
    exits.push({ transition: state.transition, end: state.end });
  }
  for (const e of state.onErrors ?? []) exits.push(e);
  return exits;
}

/**
 * Structural checks SonataFlow would fail a build on: ids, start state,
 * unique state names, transition targets, function/event/error references.
 * Returns readable problems; empty means valid.
 */
export function validateWorkflow(wf: SwWorkflow): string[] {
  const problems: string[] = [];
  if (!wf || typeof wf !== 'object') return ['not a workflow object'];
  if (!wf.id && !wf.key) problems.push("missing 'id'");
  if (!Array.isArray(wf.states) || wf.states.length === 0) {
    problems.push("missing 'states'");
    return problems;
  }
  const names = new Set<string>();
  for (const s of wf.states) {
    if (!s.name) problems.push("a state has no 'name'");
    else if (names.has(s.name))
      problems.push(`duplicate state name '${s.name}'`);
    names.add(s.name);
  }
  const start = startStateName(wf);
  if (!start || !names.has(start))
    problems.push(`start state '${start}' does not exist`);

  const functions = new Set(functionsOf(wf).map(f => f.name));
  const events = new Set(
    (Array.isArray(wf.events) ? wf.events : []).map(e => e.name),
  );
  const errors = new Set(
    (Array.isArray(wf.errors) ? wf.errors : []).map(e => e.name),
  );

  for (const s of wf.states) {
    const exits = exitsOf(s);
    if (s.type !== 'switch' && !s.transition && !isEnd(s.end)) {
      problems.push(`state '${s.name}' has neither 'transition' nor 'end'`);
    }
    for (const exit of exits) {
      const target = transitionTarget(exit.transition);
      if (target && !names.has(target)) {
        problems.push(
          `state '${s.name}' transitions to unknown state '${target}'`,
        );
      }
    }
    for (const a of stateActions(s)) {
      const ref =
        typeof a.functionRef === 'string'
          ? a.functionRef
          : a.functionRef?.refName;
      if (ref && !functions.has(ref))
        problems.push(`state '${s.name}' calls unknown function '${ref}'`);
    }
    if (s.type === 'callback' && s.eventRef && !events.has(s.eventRef)) {
      problems.push(
        `state '${s.name}' waits for unknown event '${s.eventRef}'`,
      );
    }
    for (const e of s.onEvents ?? []) {
      for (const ref of e.eventRefs ?? []) {
        if (!events.has(ref))
          problems.push(`state '${s.name}' waits for unknown event '${ref}'`);
      }
    }
    for (const onError of s.onErrors ?? []) {
      for (const ref of [onError.errorRef, ...(onError.errorRefs ?? [])]) {
        if (ref && !errors.has(ref))
          problems.push(`state '${s.name}' handles unknown error '${ref}'`);
      }
    }
  }
  return problems;
}
