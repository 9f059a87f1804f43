import { InstanceOperations } from '../graphql/InstanceOperations';
import { ProcessInstanceRecord } from '../store/types';
import { CloudEvent } from './execution/Execution';
import { ProducedEvent } from './execution/produceEvents';
import { EventRouter } from './instances/EventRouter';
import { InstanceControl } from './instances/InstanceControl';
import { InstanceLifecycle } from './instances/InstanceLifecycle';
import { ProducedEventLog } from './instances/ProducedEventLog';
import { StartBody, WorkflowRuntimeOptions } from './instances/runtimeOptions';
import { LoadedWorkflow } from './loader/loadWorkflows';
import { WorkflowRegistry } from './WorkflowRegistry';

export type {
  StartBody,
  WorkflowRuntimeOptions,
} from './instances/runtimeOptions';

/**
 * Runs Serverless Workflow 0.8 instances in process and records them in the
 * Data Index store. The one object the routers, the GraphQL mutations and
 * tests talk to; the work is split between the workflow registry, the
 * instance lifecycle (create, launch, cancel), the operations on a running
 * instance and the routing of incoming events.
 * @public
 */
export class WorkflowRuntime implements InstanceOperations {
  private readonly registry: WorkflowRegistry;
  private readonly events = new ProducedEventLog();
  private readonly lifecycle: InstanceLifecycle;
  private readonly control: InstanceControl;
  private readonly router: EventRouter;

  static create(options: WorkflowRuntimeOptions) {
    return new WorkflowRuntime(options);
  }

  private constructor(options: WorkflowRuntimeOptions) {
    this.registry = new WorkflowRegistry(options.workflows);
    this.lifecycle = new InstanceLifecycle(options, this.registry, this.events);
    this.control = new InstanceControl(this.lifecycle, options.store);
    this.router = new EventRouter(this.lifecycle, this.registry);
  }

  listWorkflows(): LoadedWorkflow[] {
    return this.registry.list();
  }

  getWorkflow(id: string): LoadedWorkflow | undefined {
    return this.registry.get(id);
  }

  /** Events the workflows produced (newest last), optionally of one instance. */
  producedEvents(instanceId?: string): ProducedEvent[] {
    return this.events.list(instanceId);
  }

  /**
   * Starts an instance. Like SonataFlow, the call runs until the first wait
   * (or the end), bounded by `waitMs`, and answers with the id and data so far.
   */
  start(
    workflowId: string,
    body: StartBody,
    waitMs = 2000,
    businessKey?: string,
  ) {
    return this.lifecycle.start(workflowId, body, waitMs, businessKey);
  }

  /** The live record of an instance started here. */
  instance(instanceId: string): ProcessInstanceRecord {
    return this.lifecycle.require(instanceId).record;
  }

  /** Resolves when the instance completes, fails or is aborted. */
  whenSettled(instanceId: string): Promise<ProcessInstanceRecord> {
    return this.lifecycle.require(instanceId).settled();
  }

  abort(instanceId: string) {
    return this.control.abort(instanceId);
  }

  /** Re-runs the failed state from its start with the current data. */
  retry(instanceId: string) {
    return this.control.retry(instanceId);
  }

  updateVariables(instanceId: string, variables: Record<string, unknown>) {
    return this.control.updateVariables(instanceId, variables);
  }

  /** Jumps to the state of a node definition (by node id or unique id). */
  triggerNode(instanceId: string, nodeId: string) {
    return this.control.triggerNode(instanceId, nodeId);
  }

  retriggerNode(instanceId: string, nodeInstanceId: string) {
    return this.control.retriggerNode(instanceId, nodeInstanceId);
  }

  cancelJob(jobId: string) {
    return this.control.cancelJob(jobId);
  }

  /**
   * Delivers a CloudEvent: to the instance named by `kogitoprocrefid`, or to
   * instances waiting for its type; with neither, a workflow whose start
   * state is an event state for that type starts a new instance.
   */
  deliverEvent(event: CloudEvent): Promise<string[]> {
    return this.router.deliver(event);
  }

  /** Stops every timer and wait (used on close). */
  close() {
    this.lifecycle.close();
  }
}
