import { UnsupportedConstructError, WorkflowExecutionError } from '../errors';
import { isEnd, transitionTarget } from '../loader/validateWorkflow';
import { End, SwProduceEvent, SwState, Transition } from '../model';

/** Where a state goes next, and what happens on the way (SW 0.8 transition / end definitions). */
export interface StateExit {
  next?: string;
  end?: boolean;
  /** `compensate: true`: compensation runs before the transition / end. */
  compensate?: boolean;
  produceEvents?: SwProduceEvent[];
}

export interface StateOutcome extends StateExit {
  data: unknown;
}

function decorations(t: Transition | End | undefined) {
  if (!t || typeof t !== 'object') return {};
  return { compensate: t.compensate === true, produceEvents: t.produceEvents };
}

/**
 * The exit a state (or one of its conditions / error handlers) takes.
 * Compensation states may have neither transition nor end: their run simply
 * stops (`end` on them is ignored, as the spec says).
 */
export function exitTo(
  exit: { transition?: Transition; end?: End },
  state: SwState,
): StateExit {
  const next = transitionTarget(exit.transition);
  if (next) return { next, ...decorations(exit.transition) };
  if (state.usedForCompensation) return {};
  if (isEnd(exit.end)) {
    if (typeof exit.end === 'object' && exit.end.continueAs)
      throw new UnsupportedConstructError(
        `end.continueAs (state '${state.name}')`,
      );
    return { end: true, ...decorations(exit.end) };
  }
  throw new WorkflowExecutionError(
    `state '${state.name}' has no transition or end to take`,
  );
}

/** An `onErrors` entry's exit; one with neither transition nor end ends the workflow. */
export function handlerExit(handler: {
  transition?: Transition;
  end?: End;
}): StateExit {
  const next = transitionTarget(handler.transition);
  if (next) return { next, ...decorations(handler.transition) };
  return { end: true, ...decorations(handler.end) };
}
