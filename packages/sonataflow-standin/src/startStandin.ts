import http from 'node:http';
import { AddressInfo } from 'node:net';
import express from 'express';
import { FaultSwitches, StandinFaults } from './faults/FaultSwitches';
import { RequestStats } from './faults/RequestStats';
import { createDataIndexSchema } from './graphql/schema';
import { createAdminRouter } from './http/adminRouter';
import { createDataIndexRouter } from './http/dataIndexRouter';
import { loadWorkflows, LoadProblem } from './runtime/loader/loadWorkflows';
import { toProcessDefinition } from './runtime/definitionRecord';
import { DataIndexStore, DefaultDataIndexStore } from './store/DataIndexStore';

/** @public */
export interface StartStandinOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Host to bind; default 127.0.0.1. */
  host?: string;
  /** Folder with `.sw.yaml`/`.sw.yml`/`.sw.json` workflows and their schemas/specs. */
  workflowsDir?: string;
  /** Bulk-create this many deterministic historic instances at start. */
  seed?: number;
  faults?: Partial<StandinFaults>;
}

/** @public */
export interface RunningStandin {
  /** Base URL, e.g. http://127.0.0.1:8899 (Data Index at `${url}/graphql`). */
  url: string;
  port: number;
  store: DataIndexStore;
  faults: FaultSwitches;
  stats: RequestStats;
  problems: LoadProblem[];
  setFaults(faults: Partial<StandinFaults>): StandinFaults;
  close(): Promise<void>;
}

/** Starts the stand-in in-process. @public */
export async function startStandin(
  options: StartStandinOptions = {},
): Promise<RunningStandin> {
  const store = DefaultDataIndexStore.create();
  const faults = FaultSwitches.create(options.faults);
  const stats = RequestStats.create();
  const schema = createDataIndexSchema({ store });

  const app = express();
  app.use(createAdminRouter({ faults, stats, store }));
  app.use(createDataIndexRouter({ schema, faults, stats }));

  const server = http.createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () =>
      resolve(),
    );
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${
    options.host === '0.0.0.0' ? 'localhost' : options.host ?? '127.0.0.1'
  }:${port}`;

  const loaded = options.workflowsDir
    ? loadWorkflows(options.workflowsDir)
    : { workflows: [], problems: [] };
  for (const wf of loaded.workflows) {
    store.putDefinition(toProcessDefinition(wf, url));
  }

  return {
    url,
    port,
    store,
    faults,
    stats,
    problems: loaded.problems,
    setFaults: f => faults.set(f),
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
