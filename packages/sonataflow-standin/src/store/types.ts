/**
 * Records as the Data Index keeps them. Timestamps are epoch milliseconds so
 * filters and ordering over 10^5 seeded rows stay cheap; the GraphQL
 * `DateTime` scalar turns them into ISO strings on the way out.
 */

/** @public */
export type ProcessInstanceState =
  | 'PENDING'
  | 'ACTIVE'
  | 'COMPLETED'
  | 'ABORTED'
  | 'SUSPENDED'
  | 'ERROR';

/** @public */
export type JobStatus =
  | 'ERROR'
  | 'RUNNING'
  | 'EXECUTED'
  | 'SCHEDULED'
  | 'RETRY'
  | 'CANCELED';

/** A node of a process definition (Data Index `Node`). @public */
export interface NodeDefinitionRecord {
  id: string;
  name: string;
  type: string;
  uniqueId: string;
  metadata: {
    UniqueId: string;
    state?: string;
    branch?: string;
    action?: string;
  };
}

/** @public */
export interface ProcessDefinitionRecord {
  id: string;
  name?: string;
  version?: string;
  type?: string;
  endpoint?: string;
  serviceUrl?: string;
  description?: string;
  annotations?: string[];
  metadata?: Record<string, unknown>;
  source?: string;
  addons?: string[];
  roles?: string[];
  nodes?: NodeDefinitionRecord[];
}

/** @public */
export interface NodeInstanceRecord {
  id: string;
  name: string;
  type: string;
  enter: number;
  exit?: number;
  definitionId: string;
  nodeId: string;
  errorMessage?: string;
  retrigger?: boolean;
  cancelType?: 'ABORTED' | 'SKIPPED' | 'OBSOLETE' | 'ERROR';
  inputArgs?: unknown;
  outputArgs?: unknown;
}

/** @public */
export interface ProcessInstanceErrorRecord {
  nodeDefinitionId: string;
  nodeInstanceId?: string;
  message?: string;
}

/** @public */
export interface ProcessInstanceRecord {
  id: string;
  processId: string;
  version?: string;
  processName?: string;
  parentProcessInstanceId?: string;
  rootProcessInstanceId?: string;
  rootProcessId?: string;
  roles?: string[];
  state: ProcessInstanceState;
  endpoint: string;
  serviceUrl?: string;
  nodes: NodeInstanceRecord[];
  /** `{ workflowdata, initiatorEntity?, targetEntity?, ... }` as SonataFlow stores them. */
  variables: Record<string, unknown>;
  start?: number;
  end?: number;
  error?: ProcessInstanceErrorRecord;
  addons?: string[];
  lastUpdate: number;
  businessKey?: string;
  createdBy?: string;
  updatedBy?: string;
  identity?: string;
  executionSummary: string[];
  slaDueDate?: number;
  cloudEventId?: string;
  cloudEventSource?: string;
}

/** @public */
export interface JobRecord {
  id: string;
  processId?: string;
  processInstanceId?: string;
  nodeInstanceId?: string;
  rootProcessInstanceId?: string;
  rootProcessId?: string;
  status: JobStatus;
  expirationTime?: number;
  priority?: number;
  callbackEndpoint?: string;
  repeatInterval?: number;
  repeatLimit?: number;
  scheduledId?: string;
  retries?: number;
  lastUpdate?: number;
  executionCounter?: number;
  endpoint?: string;
  exceptionMessage?: string;
  exceptionDetails?: string;
}
