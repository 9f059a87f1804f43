/**
 * What the Data Index mutations ask of the workflow runtime. The real Data
 * Index forwards them to the workflow service's management API; the stand-in
 * calls the in-process runtime.
 * @public
 */
export interface InstanceOperations {
  abort(instanceId: string): Promise<unknown>;
  retry(instanceId: string): Promise<unknown>;
  updateVariables(
    instanceId: string,
    variables: Record<string, unknown>,
  ): Promise<unknown>;
  triggerNode(instanceId: string, nodeId: string): Promise<unknown>;
  retriggerNode(instanceId: string, nodeInstanceId: string): Promise<unknown>;
  cancelJob(jobId: string): Promise<unknown>;
}
