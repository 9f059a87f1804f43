/**
 * The parts of a Serverless Workflow 0.8 definition the runtime reads. Kept
 * loose on purpose: the loader checks structure, the executor rejects what it
 * does not support by name.
 */
export type Transition =
  | string
  | {
      nextState: string;
      produceEvents?: SwProduceEvent[];
      compensate?: boolean;
    };
export type End =
  | boolean
  | {
      terminate?: boolean;
      produceEvents?: SwProduceEvent[];
      compensate?: boolean;
      continueAs?: unknown;
    };

export interface SwFunction {
  name: string;
  operation: string;
  type?:
    | 'rest'
    | 'asyncapi'
    | 'rpc'
    | 'graphql'
    | 'odata'
    | 'expression'
    | 'custom';
}

export interface SwEventDef {
  name: string;
  type?: string;
  source?: string;
  kind?: 'consumed' | 'produced';
  correlation?: Array<{
    contextAttributeName: string;
    contextAttributeValue?: string;
  }>;
}

export interface SwProduceEvent {
  eventRef: string;
  data?: string | Record<string, unknown>;
  contextAttributes?: Record<string, string>;
}

export interface SwRetryDef {
  name: string;
  delay?: string;
  maxDelay?: string;
  increment?: string;
  multiplier?: number | string;
  maxAttempts: number | string;
  jitter?: number | string;
}

export interface SwEventRef {
  triggerEventRef: string;
  resultEventRef: string;
  resultEventTimeout?: string;
  data?: string | Record<string, unknown>;
  contextAttributes?: Record<string, string>;
  invoke?: 'sync' | 'async';
}

export interface SwBranch {
  name: string;
  actions: SwAction[];
  timeouts?: unknown;
}

export interface SwEventCondition {
  name?: string;
  eventRef: string;
  transition?: Transition;
  end?: End;
  eventDataFilter?: SwEventDataFilter;
}

export type SwExecTimeout =
  | string
  | { duration: string; interrupt?: boolean; runBefore?: string };

export interface SwErrorDef {
  name: string;
  code?: string;
  description?: string;
}

export interface SwActionDataFilter {
  fromStateData?: string;
  useResults?: boolean;
  results?: string;
  toStateData?: string;
}

export interface SwAction {
  name?: string;
  functionRef?:
    | string
    | { refName: string; arguments?: Record<string, unknown>; invoke?: string };
  subFlowRef?:
    | string
    | { workflowId: string; version?: string; invoke?: string };
  eventRef?: SwEventRef;
  actionDataFilter?: SwActionDataFilter;
  sleep?: { before?: string; after?: string };
  condition?: string;
  retryRef?: string;
  nonRetryableErrors?: string[];
  retryableErrors?: string[];
}

export interface SwOnError {
  errorRef?: string;
  errorRefs?: string[];
  transition?: Transition;
  end?: End;
}

export interface SwDataCondition {
  name?: string;
  condition: string;
  transition?: Transition;
  end?: End;
}

export interface SwState {
  name: string;
  type: string;
  transition?: Transition;
  end?: End;
  onErrors?: SwOnError[];
  stateDataFilter?: { input?: string; output?: string };
  metadata?: Record<string, unknown>;
  // operation / foreach / callback / parallel
  actionMode?: 'sequential' | 'parallel';
  actions?: SwAction[];
  // inject
  data?: unknown;
  // switch
  dataConditions?: SwDataCondition[];
  eventConditions?: SwEventCondition[];
  defaultCondition?: { transition?: Transition; end?: End };
  // sleep
  duration?: string;
  // event
  onEvents?: Array<{
    eventRefs: string[];
    actionMode?: string;
    actions?: SwAction[];
    eventDataFilter?: SwEventDataFilter;
  }>;
  exclusive?: boolean;
  // callback
  action?: SwAction;
  eventRef?: string;
  eventDataFilter?: SwEventDataFilter;
  timeouts?: {
    eventTimeout?: string;
    stateExecTimeout?: unknown;
    actionExecTimeout?: string;
  };
  // foreach
  inputCollection?: string;
  outputCollection?: string;
  iterationParam?: string;
  batchSize?: number | string;
  mode?: 'sequential' | 'parallel';
  // parallel
  branches?: SwBranch[];
  completionType?: 'allOf' | 'atLeast';
  numCompleted?: number | string;
  // compensation
  compensatedBy?: string;
  usedForCompensation?: boolean;
}

export interface SwEventDataFilter {
  useData?: boolean;
  data?: string;
  toStateData?: string;
}

export interface SwWorkflow {
  id: string;
  key?: string;
  name?: string;
  description?: string;
  version?: string;
  specVersion?: string;
  annotations?: string[];
  metadata?: Record<string, unknown>;
  dataInputSchema?:
    | string
    | { schema: string | object; failOnValidationErrors?: boolean };
  start: string | { stateName: string; schedule?: unknown };
  functions?: SwFunction[] | string;
  events?: SwEventDef[] | string;
  errors?: SwErrorDef[] | string;
  constants?: Record<string, unknown> | string;
  secrets?: string[] | string;
  extensions?: Array<{ extensionid: string; [k: string]: unknown }>;
  states: SwState[];
  timeouts?:
    | string
    | {
        workflowExecTimeout?: SwExecTimeout;
        eventTimeout?: string;
        [other: string]: unknown;
      };
  retries?: SwRetryDef[] | string;
  autoRetries?: boolean;
}
