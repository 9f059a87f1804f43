import { randomUUID } from 'node:crypto';
import { WorkflowExecutionError } from '../errors';
import { SwProduceEvent } from '../model';
import { CloudEvent, Execution } from './Execution';

/** A CloudEvent a workflow produced, as `/__standin/events` lists it. @public */
export interface ProducedEvent extends CloudEvent {
  id: string;
  source: string;
  time: string;
  kogitoprocinstanceid: string;
  kogitoprocid: string;
}

/** Where produced events go (the runtime keeps them for `/__standin/events`). */
export type EventSink = (event: ProducedEvent) => void;

/**
 * Builds the CloudEvent for a `produceEvents` entry or an action's
 * `triggerEventRef`: `data` as an expression over the state data, or an
 * object whose expression strings are evaluated; absent, the state data.
 */
export async function buildEvent(
  exec: Execution,
  eventRef: string,
  spec: Pick<SwProduceEvent, 'data' | 'contextAttributes'>,
  stateData: unknown,
): Promise<ProducedEvent> {
  const defs = Array.isArray(exec.workflow.definition.events)
    ? exec.workflow.definition.events
    : [];
  const def = defs.find(e => e.name === eventRef);
  if (!def)
    throw new WorkflowExecutionError(`event '${eventRef}' is not defined`);
  let data: unknown = stateData;
  if (typeof spec.data === 'string')
    data = await exec.evaluator.evaluate(spec.data, stateData);
  else if (spec.data !== undefined)
    data = await exec.evaluator.arguments(spec.data, stateData);
  const attributes = spec.contextAttributes
    ? ((await exec.evaluator.arguments(
        spec.contextAttributes,
        stateData,
      )) as Record<string, unknown>)
    : {};
  return {
    ...attributes,
    specversion: '1.0',
    id: randomUUID(),
    source: def.source ?? exec.workflow.id,
    type: def.type ?? eventRef,
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    kogitoprocinstanceid: exec.record.id,
    kogitoprocid: exec.workflow.id,
    data,
  };
}

/** Produces the events of a transition / end, each recorded as a node with the event as its input. */
export async function produceEvents(
  exec: Execution,
  sink: EventSink,
  stateName: string,
  defs: SwProduceEvent[],
  stateData: unknown,
) {
  for (const def of defs) {
    const event = await buildEvent(exec, def.eventRef, def, stateData);
    const node = exec.enter(
      exec.workflow.nodes.produce(stateName, def.eventRef),
    );
    node.inputArgs = event;
    sink(event);
    exec.summary(`Produced event '${def.eventRef}' (${event.type})`);
    exec.exit(node);
  }
}
