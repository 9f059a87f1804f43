import { DataIndexStore } from '../store/DataIndexStore';
import {
  JobRecord,
  NodeInstanceRecord,
  ProcessDefinitionRecord,
  ProcessInstanceRecord,
} from '../store/types';
import { compileJsonFilter } from './jsonFilter';
import { compileWhere, EntitySpec, FieldSpec } from './predicates';
import { OrderSpec } from './ordering';

const scalar = <T>(get: (r: T) => unknown): FieldSpec<T> => ({
  kind: 'scalar',
  get,
});
const array = <T>(get: (r: T) => unknown): FieldSpec<T> => ({
  kind: 'array',
  get,
});

export const definitionSpec: EntitySpec<ProcessDefinitionRecord> = {
  id: scalar(d => d.id),
  name: scalar(d => d.name),
  version: scalar(d => d.version),
  annotations: array(d => d.annotations),
  roles: array(d => d.roles),
  serviceUrl: scalar(d => d.serviceUrl),
  description: scalar(d => d.description),
  type: scalar(d => d.type),
  metadata: {
    kind: 'custom',
    compile: filter => {
      const p = compileJsonFilter(filter);
      return d => p(d.metadata ?? {});
    },
  },
};

const nodeSpec: EntitySpec<NodeInstanceRecord> = {
  id: scalar(n => n.id),
  name: scalar(n => n.name),
  definitionId: scalar(n => n.definitionId),
  nodeId: scalar(n => n.nodeId),
  type: scalar(n => n.type),
  enter: scalar(n => n.enter),
  exit: scalar(n => n.exit),
  errorMessage: scalar(n => n.errorMessage),
  retrigger: scalar(n => n.retrigger),
  slaDueDate: scalar(() => undefined),
};

const errorSpec: EntitySpec<NonNullable<ProcessInstanceRecord['error']>> = {
  nodeDefinitionId: scalar(e => e.nodeDefinitionId),
  message: scalar(e => e.message),
};

export function instanceSpec(
  store: DataIndexStore,
): EntitySpec<ProcessInstanceRecord> {
  return {
    id: scalar(i => i.id),
    processId: scalar(i => i.processId),
    processName: scalar(i => i.processName),
    parentProcessInstanceId: scalar(i => i.parentProcessInstanceId),
    rootProcessInstanceId: scalar(i => i.rootProcessInstanceId),
    rootProcessId: scalar(i => i.rootProcessId),
    state: scalar(i => i.state),
    error: { kind: 'object', get: i => i.error, spec: () => errorSpec },
    nodes: { kind: 'anyOf', get: i => i.nodes, spec: () => nodeSpec },
    endpoint: scalar(i => i.endpoint),
    roles: array(i => i.roles),
    start: scalar(i => i.start),
    end: scalar(i => i.end),
    addons: array(i => i.addons),
    lastUpdate: scalar(i => i.lastUpdate),
    businessKey: scalar(i => i.businessKey),
    createdBy: scalar(i => i.createdBy),
    updatedBy: scalar(i => i.updatedBy),
    slaDueDate: scalar(i => i.slaDueDate),
    cloudEventId: scalar(i => i.cloudEventId),
    cloudEventSource: scalar(i => i.cloudEventSource),
    definition: {
      kind: 'custom',
      compile: arg => {
        const p = compileWhere(definitionSpec, arg as Record<string, unknown>);
        return i => {
          const d = store.getDefinition(i.processId);
          return Boolean(d) && p(d!);
        };
      },
    },
    variables: {
      kind: 'custom',
      compile: filter => {
        const p = compileJsonFilter(filter);
        return i => p(i.variables);
      },
    },
  };
}

export const jobSpec: EntitySpec<JobRecord> = {
  id: scalar(j => j.id),
  processId: scalar(j => j.processId),
  processInstanceId: scalar(j => j.processInstanceId),
  nodeInstanceId: scalar(j => j.nodeInstanceId),
  rootProcessInstanceId: scalar(j => j.rootProcessInstanceId),
  rootProcessId: scalar(j => j.rootProcessId),
  status: scalar(j => j.status),
  expirationTime: scalar(j => j.expirationTime),
  priority: scalar(j => j.priority),
  scheduledId: scalar(j => j.scheduledId),
  lastUpdate: scalar(j => j.lastUpdate),
  exceptionMessage: scalar(j => j.exceptionMessage),
};

/** Only the fields the real `*OrderBy` inputs have. */
export const definitionOrder: OrderSpec<ProcessDefinitionRecord> = {
  id: d => d.id,
  name: d => d.name,
  version: d => d.version,
};

export const instanceOrder: OrderSpec<ProcessInstanceRecord> = {
  processId: i => i.processId,
  processName: i => i.processName,
  rootProcessId: i => i.rootProcessId,
  state: i => i.state,
  start: i => i.start,
  end: i => i.end,
  error: {
    nodeDefinitionId: i => i.error?.nodeDefinitionId,
    message: i => i.error?.message,
  },
  lastUpdate: i => i.lastUpdate,
  businessKey: i => i.businessKey,
  createdBy: i => i.createdBy,
  updatedBy: i => i.updatedBy,
};

export const jobOrder: OrderSpec<JobRecord> = {
  processId: j => j.processId,
  rootProcessId: j => j.rootProcessId,
  status: j => j.status,
  expirationTime: j => j.expirationTime,
  priority: j => j.priority,
  retries: j => j.retries,
  lastUpdate: j => j.lastUpdate,
  executionCounter: j => j.executionCounter,
  exceptionMessage: j => j.exceptionMessage,
};
