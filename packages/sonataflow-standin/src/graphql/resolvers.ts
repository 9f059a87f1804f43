import { GraphQLError } from 'graphql';
import { DataIndexStore } from '../store/DataIndexStore';
import { ProcessInstanceRecord } from '../store/types';
import {
  definitionOrder,
  definitionSpec,
  instanceOrder,
  instanceSpec,
  jobOrder,
  jobSpec,
} from './entitySpecs';
import { InstanceOperations } from './InstanceOperations';
import { compileOrderBy, PaginationArg, selectPage } from './ordering';
import { compileWhere } from './predicates';
import { DateTimeScalar, JsonScalar } from './scalars';

type Args = {
  where?: Record<string, unknown> | null;
  orderBy?: Record<string, unknown> | null;
  pagination?: PaginationArg | null;
};

function countWhere<T>(rows: Iterable<T>, matches: (r: T) => boolean) {
  let n = 0;
  for (const r of rows) if (matches(r)) n++;
  return n;
}

/**
 * The process ids a filter pins the answer to (a top-level `processId` equal/in, or one
 * inside a top-level `and`), so a query scans only those workflows' instances the way the
 * real Data Index uses its index on process id. Undefined means "scan everything".
 */
export function pinnedProcessIds(
  where: Record<string, unknown> | null | undefined,
): string[] | undefined {
  if (!where || typeof where !== 'object') return undefined;
  const processId = where.processId as Record<string, unknown> | undefined;
  if (typeof processId?.equal === 'string') return [processId.equal];
  if (
    Array.isArray(processId?.in) &&
    processId!.in.every(v => typeof v === 'string')
  ) {
    return processId!.in as string[];
  }
  if (Array.isArray(where.and)) {
    for (const part of where.and) {
      const pinned = pinnedProcessIds(part as Record<string, unknown>);
      if (pinned) return pinned;
    }
  }
  return undefined;
}

/** Filter/order errors become GraphQL errors with a readable message. */
function guarded<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof GraphQLError) throw e;
    throw new GraphQLError((e as Error).message);
  }
}

async function mutate(
  operations: InstanceOperations | undefined,
  call: (ops: InstanceOperations) => Promise<unknown>,
): Promise<string> {
  if (!operations) throw new GraphQLError('No workflow runtime attached');
  try {
    const result = await call(operations);
    return typeof result === 'string' ? result : JSON.stringify(result ?? null);
  } catch (e) {
    throw new GraphQLError((e as Error).message);
  }
}

function parseVariables(text: string | null | undefined) {
  try {
    const parsed = JSON.parse(text ?? '');
    if (
      typeof parsed !== 'object' ||
      parsed === null ||
      Array.isArray(parsed)
    ) {
      throw new Error('not an object');
    }
    return parsed as Record<string, unknown>;
  } catch {
    throw new GraphQLError(
      'variables must be a JSON object encoded as a string',
    );
  }
}

export function createResolvers(options: {
  store: DataIndexStore;
  operations?: () => InstanceOperations | undefined;
}) {
  const { store } = options;
  const instances = instanceSpec(store);
  const ops = () => options.operations?.();
  const candidates = (where: Args['where']) => {
    const pinned = pinnedProcessIds(where);
    return pinned ? store.listInstancesOf(pinned) : store.listInstances();
  };

  return {
    DateTime: DateTimeScalar,
    JSON: JsonScalar,
    Query: {
      ProcessDefinitions: (_: unknown, args: Args) =>
        guarded(() =>
          selectPage(
            store.listDefinitions(),
            compileWhere(definitionSpec, args.where),
            compileOrderBy(definitionOrder, args.orderBy),
            args.pagination,
          ),
        ),
      ProcessInstances: (_: unknown, args: Args) =>
        guarded(() =>
          selectPage(
            candidates(args.where),
            compileWhere(instances, args.where),
            compileOrderBy(instanceOrder, args.orderBy),
            args.pagination,
          ),
        ),
      Jobs: (_: unknown, args: Args) =>
        guarded(() =>
          selectPage(
            store.listJobs(),
            compileWhere(jobSpec, args.where),
            compileOrderBy(jobOrder, args.orderBy),
            args.pagination,
          ),
        ),
      CountProcessInstances: (_: unknown, args: Args) =>
        guarded(() =>
          countWhere(
            candidates(args.where),
            compileWhere(instances, args.where),
          ),
        ),
      CountProcessDefinitions: (_: unknown, args: Args) =>
        guarded(() =>
          countWhere(
            store.listDefinitions(),
            compileWhere(definitionSpec, args.where),
          ),
        ),
      CountJobs: (_: unknown, args: Args) =>
        guarded(() =>
          countWhere(store.listJobs(), compileWhere(jobSpec, args.where)),
        ),
    },
    Mutation: {
      ProcessInstanceAbort: (_: unknown, { id }: { id: string }) =>
        mutate(ops(), o => o.abort(id)),
      ProcessInstanceRetry: (_: unknown, { id }: { id: string }) =>
        mutate(ops(), o => o.retry(id)),
      ProcessInstanceUpdateVariables: (
        _: unknown,
        { id, variables }: { id: string; variables: string },
      ) => {
        const parsed = parseVariables(variables);
        return mutate(ops(), o => o.updateVariables(id, parsed));
      },
      NodeInstanceTrigger: (
        _: unknown,
        { id, nodeId }: { id: string; nodeId: string },
      ) => mutate(ops(), o => o.triggerNode(id, nodeId)),
      NodeInstanceRetrigger: (
        _: unknown,
        { id, nodeInstanceId }: { id: string; nodeInstanceId: string },
      ) => mutate(ops(), o => o.retriggerNode(id, nodeInstanceId)),
      JobCancel: (_: unknown, { id }: { id: string }) =>
        mutate(ops(), o => o.cancelJob(id)),
    },
    ProcessInstance: {
      parentProcessInstance: (i: ProcessInstanceRecord) =>
        i.parentProcessInstanceId
          ? store.getInstance(i.parentProcessInstanceId) ?? null
          : null,
      childProcessInstances: (i: ProcessInstanceRecord) =>
        store.childrenOf(i.id),
      definition: (i: ProcessInstanceRecord) =>
        store.getDefinition(i.processId) ?? null,
      nodeDefinitions: (i: ProcessInstanceRecord) =>
        store.getDefinition(i.processId)?.nodes ?? null,
      source: (i: ProcessInstanceRecord) =>
        store.getDefinition(i.processId)?.source ?? null,
    },
  };
}
