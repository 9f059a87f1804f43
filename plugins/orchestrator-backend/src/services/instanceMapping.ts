import { PROCESS_INSTANCE_STATUSES } from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import type {
  NodeInstanceDTO,
  ProcessInstanceDTO,
  ProcessInstanceStatusDTO,
  WorkflowRunStatsDTO,
} from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import type { JsonObject } from '@backstage/types';
import type {
  GqlNodeInstance,
  GqlProcessDefinition,
  GqlProcessInstanceDetails,
  GqlProcessInstanceSummary,
  WorkflowRunFigures,
} from '../dataIndex/types';
import type { RunRecord } from '../runStore/RunStore';

const KNOWN: readonly string[] = PROCESS_INSTANCE_STATUSES;

/**
 * Data Index state -> DTO state. An unknown state (a newer Data Index, a
 * custom one) is mapped to the nearest known one, never thrown: one odd row
 * must not break a whole list.
 */
export function toStatus(
  state: string | null | undefined,
): ProcessInstanceStatusDTO | undefined {
  if (!state) return undefined;
  const upper = state.toUpperCase();
  if (KNOWN.includes(upper)) return upper as ProcessInstanceStatusDTO;
  if (/RUN|START|PROGRESS|ACTIVE/.test(upper)) return 'ACTIVE';
  if (/FAIL|ERR/.test(upper)) return 'ERROR';
  if (/COMPLET|DONE|SUCCE|FINISH/.test(upper)) return 'COMPLETED';
  if (/ABORT|CANCEL|TERMINAT|KILL/.test(upper)) return 'ABORTED';
  if (/SUSPEND|PAUSE|WAIT|HOLD/.test(upper)) return 'SUSPENDED';
  return 'PENDING';
}

/** JSON scalars may arrive as objects or as serialized strings; never throw on them. */
export function parseVariables(variables: unknown): JsonObject | undefined {
  let value = variables;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as JsonObject)
    : undefined;
}

function durationMs(
  start?: string | null,
  end?: string | null,
  now = Date.now(),
): number | undefined {
  if (!start) return undefined;
  const from = Date.parse(start);
  const to = end ? Date.parse(end) : now;
  return Number.isNaN(from) || Number.isNaN(to)
    ? undefined
    : Math.max(0, to - from);
}

/**
 * When a run stopped running. The Data Index sets `end` only on completion or abort; a run
 * in ERROR or SUSPENDED stopped at its last update, so its duration must not keep growing.
 */
function endOf(instance: {
  state?: string | null;
  end?: string | null;
  lastUpdate?: string | null;
}): string | undefined {
  if (instance.end) return instance.end;
  const stillRunning =
    instance.state === 'ACTIVE' || instance.state === 'PENDING';
  return stillRunning ? undefined : instance.lastUpdate ?? undefined;
}

/** Drops undefined and null: the API omits absent values instead of sending null. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined && v !== null),
  ) as T;
}

function toNode(node: GqlNodeInstance): NodeInstanceDTO {
  return compact({
    id: node.id,
    name: node.name,
    type: node.type,
    enter: node.enter,
    exit: node.exit ?? undefined,
    definitionId: node.definitionId,
    nodeId: node.nodeId,
  });
}

const asString = (value: unknown) =>
  typeof value === 'string' && value ? value : undefined;

export interface InstanceContext {
  run?: RunRecord;
  definition?: GqlProcessDefinition;
}

/** A list row: list columns plus who/what from the run store. */
export function toInstanceListItem(
  instance: GqlProcessInstanceSummary,
  { run, definition }: InstanceContext,
): ProcessInstanceDTO {
  return compact({
    id: instance.id,
    processId: instance.processId,
    processName: instance.processName ?? definition?.name ?? undefined,
    version: instance.version ?? definition?.version ?? undefined,
    state: toStatus(instance.state),
    endpoint: instance.endpoint ?? undefined,
    serviceUrl: instance.serviceUrl ?? definition?.serviceUrl ?? undefined,
    start: instance.start ?? undefined,
    end: instance.end ?? undefined,
    duration: durationMs(instance.start, endOf(instance)),
    lastUpdate: instance.lastUpdate ?? undefined,
    description: definition?.description ?? undefined,
    initiatorEntity: run?.initiator,
    targetEntity: run?.targetEntity,
    error: instance.error
      ? compact({
          nodeDefinitionId: instance.error.nodeDefinitionId,
          message: instance.error.message ?? undefined,
        })
      : undefined,
    parentProcessInstanceId: instance.parentProcessInstanceId ?? undefined,
    rootProcessInstanceId: instance.rootProcessInstanceId ?? undefined,
    rerunOf: run?.rerunOf,
  }) as ProcessInstanceDTO;
}

/** The instance page: everything, `variables` only when the caller may see them. */
export function toInstanceDetails(
  instance: GqlProcessInstanceDetails,
  context: InstanceContext & { includeVariables: boolean },
): ProcessInstanceDTO {
  const variables = parseVariables(instance.variables);
  const workflowdata = variables?.workflowdata;
  return compact({
    ...toInstanceListItem(instance, context),
    initiatorEntity:
      context.run?.initiator ?? asString(variables?.initiatorEntity),
    targetEntity:
      context.run?.targetEntity ?? asString(variables?.targetEntity),
    workflowdata:
      workflowdata &&
      typeof workflowdata === 'object' &&
      !Array.isArray(workflowdata)
        ? workflowdata
        : undefined,
    inputData: context.run?.inputs,
    executionSummary: (instance.executionSummary ?? []).filter(
      (s): s is string => typeof s === 'string',
    ),
    nodes: (instance.nodes ?? []).map(toNode),
    variables: context.includeVariables ? variables : undefined,
  }) as ProcessInstanceDTO;
}

/** Who started the run: the run store first, the instance variable for runs started elsewhere. */
export function initiatorOf(
  instance: GqlProcessInstanceDetails,
  run?: RunRecord,
): string | undefined {
  return (
    run?.initiator ??
    asString(parseVariables(instance.variables)?.initiatorEntity)
  );
}

/** successRatio = completed / (completed + failed) over the window; 0 when neither. */
export function toRunStats(
  figures: WorkflowRunFigures | undefined,
): WorkflowRunStatsDTO {
  const successCount = figures?.completedSince ?? 0;
  const errorCount = figures?.erroredSince ?? 0;
  const durations = (figures?.completedSamples ?? [])
    .filter(s => s.start && s.end)
    .map(s => durationMs(s.start, s.end))
    .filter((d): d is number => d !== undefined);
  const sampled = durations.length
    ? durations.reduce((a, b) => a + b, 0) / durations.length
    : 0;
  const average = figures?.averageDurationMs ?? sampled;
  return {
    successRatio:
      successCount + errorCount
        ? successCount / (successCount + errorCount)
        : 0,
    runsLastMonth: figures?.runsSince ?? 0,
    successCount,
    errorCount,
    totalCount: figures?.runsSince ?? 0,
    averageTimeToComplete: Math.round(average),
  };
}
