/**
 * Data Index mutations, used where a workflow service's own management route
 * cannot be reached (the Data Index forwards them to the runtime).
 */
export const ABORT_INSTANCE = /* GraphQL */ `
  mutation OrchestratorAbortInstance($id: String) {
    ProcessInstanceAbort(id: $id)
  }
`;

export const RETRY_INSTANCE = /* GraphQL */ `
  mutation OrchestratorRetryInstance($id: String) {
    ProcessInstanceRetry(id: $id)
  }
`;
