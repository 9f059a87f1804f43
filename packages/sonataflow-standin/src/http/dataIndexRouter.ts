import express, { Request, Response, NextFunction } from 'express';
import {
  GraphQLError,
  GraphQLSchema,
  Kind,
  OperationDefinitionNode,
} from 'graphql';
import { createHandler } from 'graphql-http/lib/use/express';
import { FaultSwitches } from '../faults/FaultSwitches';
import { RequestStats } from '../faults/RequestStats';

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/** Applies the Data Index fault switches before GraphQL sees the request. */
function dataIndexFaults(faults: FaultSwitches, stats: RequestStats) {
  return async (req: Request, res: Response, next: NextFunction) => {
    stats.countGraphqlRequest();
    const f = faults.get();
    if (f.dataIndexLatencyMs > 0) await sleep(f.dataIndexLatencyMs);
    if (f.dataIndex === 'down') {
      // Closest we get to "connection refused" while sharing one port.
      req.socket.destroy();
      return;
    }
    if (f.dataIndex === 'unavailable') {
      res
        .status(503)
        .json({ message: 'Data Index unavailable (stand-in fault)' });
      return;
    }
    next();
  };
}

function rootFieldNames(args: {
  document: { definitions: readonly unknown[] };
}) {
  const names: string[] = [];
  for (const def of args.document.definitions as OperationDefinitionNode[]) {
    if (def.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const sel of def.selectionSet.selections) {
      if (sel.kind === Kind.FIELD) names.push(sel.name.value);
    }
  }
  return names;
}

/** Data Index GraphQL over HTTP at `/graphql` (POST and GET). */
export function createDataIndexRouter(options: {
  schema: GraphQLSchema;
  faults: FaultSwitches;
  stats: RequestStats;
}) {
  const { schema, faults, stats } = options;
  const router = express.Router();
  const handler = createHandler({
    schema,
    onOperation: (_req, args, result) => {
      for (const name of rootFieldNames(args)) stats.countGraphqlField(name);
      if (!faults.get().partialErrors || !result.data) return undefined;
      const partial = new GraphQLError(
        'Simulated partial failure (stand-in fault)',
        { extensions: { classification: 'DataFetchingException' } },
      );
      return { ...result, errors: [...(result.errors ?? []), partial] };
    },
  });
  router.use('/graphql', dataIndexFaults(faults, stats));
  router.use('/graphql', express.json({ limit: '10mb' }));
  router.all('/graphql', handler);
  return router;
}
