import { ConflictError } from '@backstage/errors';
import { CloudEvent } from '../execution/Execution';
import { WorkflowRegistry } from '../WorkflowRegistry';
import { InstanceLifecycle } from './InstanceLifecycle';

/**
 * Where an incoming CloudEvent goes: to the instance named by `kogitoprocrefid`, or to
 * instances waiting for its type; with neither, a workflow whose start state is an event
 * state for that type starts a new instance.
 */
export class EventRouter {
  constructor(
    private readonly lifecycle: InstanceLifecycle,
    private readonly registry: WorkflowRegistry,
  ) {}

  async deliver(event: CloudEvent): Promise<string[]> {
    if (event.kogitoprocrefid) {
      const exec = this.lifecycle.require(String(event.kogitoprocrefid));
      if (exec.isTerminal())
        throw new ConflictError(
          `Instance '${exec.record.id}' is ${exec.record.state}`,
        );
      exec.deliver(event);
      return [exec.record.id];
    }
    const waiting = [...this.lifecycle.all()].filter(
      e => !e.isTerminal() && e.waitsFor(event.type),
    );
    waiting.forEach(e => e.deliver(event));
    if (waiting.length > 0) return waiting.map(e => e.record.id);
    const started: string[] = [];
    for (const wf of this.registry.startedBy(event.type)) {
      const exec = this.lifecycle.create(wf, {});
      exec.deliver(event);
      this.lifecycle.launch(exec);
      started.push(exec.record.id);
    }
    return started;
  }
}
