import { mergeAtPath, mergeData } from '../dataMerge';
import { WorkflowExecutionError } from '../errors';
import { SwEventDataFilter, SwState } from '../model';
import { CloudEvent, Execution } from './Execution';

/** Merges a consumed event into the state data per its `eventDataFilter`. */
export async function applyEvent(
  exec: Execution,
  filter: SwEventDataFilter | undefined,
  data: unknown,
  event: CloudEvent,
) {
  if (filter?.useData === false) return data;
  const payload = filter?.data
    ? await exec.evaluator.evaluate(filter.data, event.data ?? null)
    : event.data;
  if (payload === undefined || payload === null) return data;
  if (filter?.toStateData)
    return mergeAtPath(data, filter.toStateData, payload, exec.evaluator);
  return mergeData(data, payload);
}

/** CloudEvent types of event definitions, by name. */
export function eventTypes(exec: Execution, refs: string[]): string[] {
  const defs = Array.isArray(exec.workflow.definition.events)
    ? exec.workflow.definition.events
    : [];
  return refs.map(ref => {
    const def = defs.find(e => e.name === ref);
    if (!def?.type)
      throw new WorkflowExecutionError(`event '${ref}' has no type`);
    return def.type;
  });
}

/** A state's event timeout (ms, scaled), else the workflow's `timeouts.eventTimeout`. */
export function eventTimeoutOf(
  exec: Execution,
  state: SwState,
): number | undefined {
  const top = exec.workflow.definition.timeouts;
  const text =
    state.timeouts?.eventTimeout ??
    (typeof top === 'object' ? top.eventTimeout : undefined);
  return text ? exec.ms(text) : undefined;
}

/** Waits for one of the events, recorded as the state's wait node; `undefined` on timeout. */
export async function waitForStateEvent(
  exec: Execution,
  state: SwState,
  refs: string[],
  timeoutMs?: number,
) {
  const waitDef = exec.workflow.nodes.wait(state.name);
  const node = waitDef ? exec.enter(waitDef) : undefined;
  exec.summary(`Waiting for event ${refs.join(', ')} in state '${state.name}'`);
  exec.touch();
  const event = await exec.waitForEvent(eventTypes(exec, refs), timeoutMs);
  if (node) exec.exit(node);
  return event;
}
