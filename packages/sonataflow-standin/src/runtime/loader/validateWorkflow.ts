import { End, SwWorkflow, Transition } from '../model';
import {
  functionsOf,
  producedEventRefs,
  stateActions,
  stateExits,
} from './nodeGraph';

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

  problems.push(...compensationProblems(wf), ...timeoutProblems(wf, names));
  const retries = new Set(
    (Array.isArray(wf.retries) ? wf.retries : []).map(r => r.name),
  );
  for (const s of wf.states) {
    const exits = stateExits(s);
    // SW 0.8: compensation states need neither (their end is ignored).
    if (
      s.type !== 'switch' &&
      !s.usedForCompensation &&
      !s.transition &&
      !isEnd(s.end)
    ) {
      problems.push(`state '${s.name}' has neither 'transition' nor 'end'`);
    }
    for (const ref of producedEventRefs(s))
      if (!events.has(ref))
        problems.push(`state '${s.name}' produces unknown event '${ref}'`);
    for (const c of s.eventConditions ?? [])
      if (!events.has(c.eventRef))
        problems.push(
          `state '${s.name}' waits for unknown event '${c.eventRef}'`,
        );
    for (const a of stateActions(s)) {
      if (
        a.retryRef &&
        typeof wf.retries !== 'string' &&
        !retries.has(a.retryRef)
      )
        problems.push(
          `state '${s.name}' uses unknown retry definition '${a.retryRef}'`,
        );
      for (const ref of [
        a.eventRef?.triggerEventRef,
        a.eventRef?.resultEventRef,
      ])
        if (ref && !events.has(ref))
          problems.push(`state '${s.name}' uses unknown event '${ref}'`);
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

/** SW 0.8 "Defining Compensation" rules SonataFlow checks at build time. */
function compensationProblems(wf: SwWorkflow): string[] {
  const problems: string[] = [];
  const byName = new Map(wf.states.map(s => [s.name, s]));
  const start = startStateName(wf);
  for (const s of wf.states) {
    if (s.compensatedBy) {
      const target = byName.get(s.compensatedBy);
      if (!target)
        problems.push(
          `state '${s.name}' is compensated by unknown state '${s.compensatedBy}'`,
        );
      else if (!target.usedForCompensation)
        problems.push(
          `state '${s.compensatedBy}' compensates '${s.name}' but does not set usedForCompensation: true`,
        );
    }
    if (!s.usedForCompensation) continue;
    if (s.name === start)
      problems.push(`compensation state '${s.name}' cannot be the start state`);
    if (s.type === 'event')
      problems.push(`compensation state '${s.name}' cannot be an event state`);
    if (s.compensatedBy)
      problems.push(
        `compensation state '${s.name}' cannot itself be compensated (compensatedBy)`,
      );
    for (const exit of stateExits(s)) {
      const target = transitionTarget(exit.transition);
      if (
        target &&
        byName.get(target) &&
        !byName.get(target)!.usedForCompensation
      )
        problems.push(
          `compensation state '${s.name}' transitions to '${target}', which is not a compensation state`,
        );
    }
  }
  for (const s of wf.states) {
    if (s.usedForCompensation) continue;
    for (const exit of stateExits(s)) {
      const target = transitionTarget(exit.transition);
      if (target && byName.get(target)?.usedForCompensation)
        problems.push(
          `state '${s.name}' transitions to compensation state '${target}'`,
        );
    }
  }
  return problems;
}

function timeoutProblems(wf: SwWorkflow, names: Set<string>): string[] {
  const t = typeof wf.timeouts === 'object' ? wf.timeouts : undefined;
  const exec = t?.workflowExecTimeout;
  if (!exec || typeof exec === 'string') return [];
  if (!exec.duration) return ['workflowExecTimeout has no duration'];
  if (exec.runBefore && !names.has(exec.runBefore))
    return [
      `workflowExecTimeout.runBefore state '${exec.runBefore}' does not exist`,
    ];
  return [];
}
