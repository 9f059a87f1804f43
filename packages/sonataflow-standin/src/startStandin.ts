import http from 'node:http';
import { AddressInfo } from 'node:net';
import express from 'express';
import { FaultSwitches, StandinFaults } from './faults/FaultSwitches';
import { RequestStats } from './faults/RequestStats';
import { createDataIndexSchema } from './graphql/schema';
import { createAdminRouter } from './http/adminRouter';
import { createDataIndexRouter } from './http/dataIndexRouter';
import { createDemoDataRouter } from './http/demoDataRouter';
import { createLokiRouter } from './http/lokiRouter';
import { createWorkflowServiceRouter } from './http/workflowServiceRouter';
import { toProcessDefinition } from './runtime/definitionRecord';
import { DefaultJqEngine } from './runtime/jq/JqEngine';
import { loadWorkflows, LoadProblem } from './runtime/loader/loadWorkflows';
import { RestTargets, specUrlsFromEnv } from './runtime/functions/openApiCall';
import { WorkflowRuntime } from './runtime/WorkflowRuntime';
import { RunLog } from './runLog/RunLog';
import { seedInstances } from './seed/seedInstances';
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
  /** URL to advertise as serviceUrl (default http://<host>:<port>). */
  publicUrl?: string;
  /** Base URLs for REST functions, by spec file name (`dataindex.yaml`). */
  restBaseUrls?: Record<string, string>;
  /** Values for `$SECRET` in expressions. */
  secrets?: Record<string, unknown>;
  /** Where `sysout` lines go; default: nowhere. */
  log?: (instanceId: string, level: string, message: string) => void;
  /** Extra `<workflow id or file>.mocks.yaml` files (test fixtures), applied over those beside the workflows. */
  mocksDir?: string;
  /** Base URLs by `STANDIN_SPEC_URL_<NAME>` variable; default: those in process.env. */
  specUrls?: Record<string, string>;
  /** Multiplies every timer (0.01 runs a PT60S sleep in 0.6 s); default 1. */
  timeScale?: number;
}

/** @public */
export interface RunningStandin {
  /** Base URL, e.g. http://127.0.0.1:8899 (Data Index at `${url}/graphql`, workflows at `${url}/<id>`). */
  url: string;
  port: number;
  store: DataIndexStore;
  runtime: WorkflowRuntime;
  /** The runs' application log, also served Loki-style at `GET /loki/api/v1/query_range`. */
  runLog: RunLog;
  faults: FaultSwitches;
  stats: RequestStats;
  /** Workflow files that did not load, with the reason (also at `GET /__standin/problems`). */
  problems: LoadProblem[];
  setFaults(faults: Partial<StandinFaults>): StandinFaults;
  close(): Promise<void>;
}

/** Starts the stand-in in-process (tests, e2e, benchmarks) or for the CLI. @public */
export async function startStandin(
  options: StartStandinOptions = {},
): Promise<RunningStandin> {
  const store = DefaultDataIndexStore.create();
  const runLog = RunLog.create({ store });
  const faults = FaultSwitches.create(options.faults);
  const stats = RequestStats.create();
  // The runtime needs the listening URL, the GraphQL schema needs the runtime.
  const holder: { runtime?: WorkflowRuntime } = {};
  const schema = createDataIndexSchema({
    store,
    operations: () => holder.runtime,
  });

  let serviceUrl = '';
  const seed = (count: number, prngSeed?: number) =>
    seedInstances(store, { count, serviceUrl, seed: prngSeed });

  const loaded = options.workflowsDir
    ? loadWorkflows(options.workflowsDir, { mocksDir: options.mocksDir })
    : { workflows: [], problems: [] };

  const app = express();
  app.use(
    createAdminRouter({
      faults,
      stats,
      store,
      seed,
      problems: () => loaded.problems,
      events: instanceId => holder.runtime?.producedEvents(instanceId) ?? [],
    }),
  );
  app.use(createDataIndexRouter({ schema, faults, stats }));
  app.use(createDemoDataRouter());
  app.use(createLokiRouter({ runLog }));

  const server = http.createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () =>
      resolve(),
    );
  });
  const port = (server.address() as AddressInfo).port;
  const host =
    options.host === '0.0.0.0' ? 'localhost' : options.host ?? '127.0.0.1';
  const url = options.publicUrl ?? `http://${host}:${port}`;
  serviceUrl = url;

  for (const wf of loaded.workflows) {
    store.putDefinition(toProcessDefinition(wf, url));
  }
  const rest: RestTargets = {
    baseUrls: options.restBaseUrls,
    specUrls: options.specUrls ?? specUrlsFromEnv(process.env),
  };
  const runtime = WorkflowRuntime.create({
    store,
    workflows: loaded.workflows,
    jq: DefaultJqEngine.create(),
    serviceUrl: url,
    rest,
    secrets: options.secrets,
    log: (instanceId, level, message) => {
      runLog.write(instanceId, level, message);
      options.log?.(instanceId, level, message);
    },
    onStart: () => stats.countInstanceStarted(),
    timeScale: options.timeScale,
  });
  holder.runtime = runtime;
  app.use(createWorkflowServiceRouter({ runtime, faults, stats }));

  if (options.seed) seed(options.seed);

  return {
    url,
    port,
    store,
    runtime,
    runLog,
    faults,
    stats,
    problems: loaded.problems,
    setFaults: f => faults.set(f),
    close: () =>
      new Promise<void>(resolve => {
        runtime.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
