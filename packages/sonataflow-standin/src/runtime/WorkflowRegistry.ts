import { NotFoundError } from '@backstage/errors';
import { LoadedWorkflow } from './loader/loadWorkflows';
import { startStateName } from './loader/validateWorkflow';

/** The loaded workflow definitions, by id. */
export class WorkflowRegistry {
  private readonly byId = new Map<string, LoadedWorkflow>();

  constructor(workflows: LoadedWorkflow[]) {
    for (const wf of workflows) this.byId.set(wf.id, wf);
  }

  list(): LoadedWorkflow[] {
    return [...this.byId.values()];
  }

  get(id: string): LoadedWorkflow | undefined {
    return this.byId.get(id);
  }

  require(id: string): LoadedWorkflow {
    const wf = this.byId.get(id);
    if (!wf) throw new NotFoundError(`Workflow '${id}' not found`);
    return wf;
  }

  /** Workflows whose start state is an event state waiting for this CloudEvent type. */
  startedBy(eventType: string): LoadedWorkflow[] {
    return this.list().filter(wf => {
      const startState = wf.definition.states.find(
        s => s.name === startStateName(wf.definition),
      );
      if (startState?.type !== 'event') return false;
      const defs = Array.isArray(wf.definition.events)
        ? wf.definition.events
        : [];
      const refs = (startState.onEvents ?? []).flatMap(o => o.eventRefs);
      return refs.some(r => defs.find(d => d.name === r)?.type === eventType);
    });
  }
}
