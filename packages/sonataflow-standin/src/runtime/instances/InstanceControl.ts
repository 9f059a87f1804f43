import { ConflictError, NotFoundError } from '@backstage/errors';
import { DataIndexStore } from '../../store/DataIndexStore';
import { InstanceOperations } from '../../graphql/InstanceOperations';
import { Execution } from '../execution/Execution';
import { InstanceLifecycle } from './InstanceLifecycle';

/**
 * What the management API and the Data Index mutations do to a running instance: abort,
 * retrigger, update variables, trigger a node, cancel a timer.
 */
export class InstanceControl implements InstanceOperations {
  constructor(
    private readonly lifecycle: InstanceLifecycle,
    private readonly store: DataIndexStore,
  ) {}

  async abort(instanceId: string) {
    const exec = this.lifecycle.require(instanceId);
    if (['COMPLETED', 'ABORTED'].includes(exec.record.state)) {
      throw new ConflictError(
        `Instance '${instanceId}' is ${exec.record.state} and cannot be aborted`,
      );
    }
    this.lifecycle.cancel(exec, 'Workflow aborted');
    return exec.record.variables;
  }

  /** Re-runs the failed state from its start with the current data. */
  async retry(instanceId: string) {
    const exec = this.lifecycle.require(instanceId);
    if (exec.record.state !== 'ERROR' || !exec.failedState) {
      throw new ConflictError(
        `Instance '${instanceId}' is ${exec.record.state}; only instances in ERROR can be retriggered`,
      );
    }
    this.resumeAt(exec, exec.failedState, 'Retriggered');
    return exec.record.variables;
  }

  private resumeAt(exec: Execution, stateName: string, reason: string) {
    const now = Date.now();
    exec.cancelRun();
    exec.renewRun();
    // The failed node instances are replaced by the re-run ones (marked retrigger).
    exec.record.nodes = exec.record.nodes.filter(
      n => !(n.errorMessage && !n.exit),
    );
    for (const n of exec.record.nodes) if (!n.exit) n.exit = now;
    exec.record.error = undefined;
    exec.record.state = 'ACTIVE';
    exec.record.end = undefined;
    exec.failedState = undefined;
    exec.summary(`${reason} at state '${stateName}'`);
    exec.touch();
    this.lifecycle.launch(exec, stateName, true);
  }

  async updateVariables(
    instanceId: string,
    variables: Record<string, unknown>,
  ) {
    const exec = this.lifecycle.require(instanceId);
    exec.record.variables = { ...exec.record.variables, ...variables };
    exec.summary('Variables updated');
    exec.touch();
    return exec.record.variables;
  }

  /** Jumps to the state of a node definition (by node id or unique id). */
  async triggerNode(instanceId: string, nodeId: string) {
    const exec = this.lifecycle.require(instanceId);
    if (['COMPLETED', 'ABORTED'].includes(exec.record.state)) {
      throw new ConflictError(
        `Instance '${instanceId}' is ${exec.record.state}`,
      );
    }
    const node = exec.workflow.nodes.all.find(
      n => n.id === nodeId || n.uniqueId === nodeId,
    );
    const stateName = node?.metadata.state;
    if (!stateName)
      throw new NotFoundError(
        `Node '${nodeId}' is not a state or action node of '${exec.workflow.id}'`,
      );
    this.resumeAt(exec, stateName, `Node '${node!.name}' triggered`);
    return exec.record.variables;
  }

  async retriggerNode(instanceId: string, nodeInstanceId: string) {
    const exec = this.lifecycle.require(instanceId);
    const nodeInstance = exec.record.nodes.find(n => n.id === nodeInstanceId);
    if (!nodeInstance)
      throw new NotFoundError(`Node instance '${nodeInstanceId}' not found`);
    return this.triggerNode(instanceId, nodeInstance.nodeId);
  }

  async cancelJob(jobId: string) {
    const job = this.store.getJob(jobId);
    if (!job) throw new NotFoundError(`Job '${jobId}' not found`);
    if (job.status !== 'SCHEDULED')
      throw new ConflictError(`Job '${jobId}' is ${job.status}`);
    const exec = job.processInstanceId
      ? this.lifecycle.get(job.processInstanceId)
      : undefined;
    if (exec) this.lifecycle.cancel(exec, `Timer ${jobId} cancelled`);
    job.status = 'CANCELED';
    job.lastUpdate = Date.now();
    return job.id;
  }
}
