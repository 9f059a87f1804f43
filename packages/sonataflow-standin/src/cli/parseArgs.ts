import path from 'node:path';
import { parseFaults, StandinFaults } from '../faults/FaultSwitches';

export interface CliOptions {
  port: number;
  host: string;
  workflowsDir: string;
  seed: number;
  faults: Partial<StandinFaults>;
  mocksDir?: string;
  timeScale: number;
}

const FAULT_FLAGS: Record<string, keyof StandinFaults> = {
  '--fault-data-index': 'dataIndex',
  '--fault-latency-ms': 'dataIndexLatencyMs',
  '--fault-partial-errors': 'partialErrors',
  '--fault-workflow-service': 'workflowService',
  '--fault-workflow-latency-ms': 'workflowServiceLatencyMs',
  '--fault-workflow-ids': 'workflowIds',
};

export const USAGE = `Usage: sonataflow-standin [options]
  --port N                      port (env STANDIN_PORT, default 8899)
  --host H                      bind address (env STANDIN_HOST, default 127.0.0.1)
  --workflows DIR               workflows folder (env STANDIN_WORKFLOWS_DIR, default <repo>/workflows)
  --seed N                      bulk-create N deterministic historic instances (env STANDIN_SEED)
  --mocks DIR                   extra <workflow>.mocks.yaml files (env STANDIN_MOCKS_DIR)
  --time-scale F                multiply every timer by F, e.g. 0.1 (env STANDIN_TIME_SCALE, default 1)
  --fault-data-index up|down|unavailable
  --fault-latency-ms N          added Data Index latency
  --fault-partial-errors        add a DataFetchingException to every GraphQL answer
  --fault-workflow-service up|error|hang
  --fault-workflow-latency-ms N
  --fault-workflow-ids a,b      limit workflow-service faults to these workflows
  env STANDIN_FAULTS='{"dataIndex":"unavailable"}' sets faults as JSON
  env STANDIN_SPEC_URL_<SPEC_FILE>=http://... sends one OpenAPI spec's calls to a server`;

/** Flags win over env, env over defaults. Throws with a readable message. */
export function parseArgs(
  argv: string[],
  env: NodeJS.ProcessEnv,
  repoRoot: string,
): CliOptions {
  const rawFaults: Record<string, unknown> = env.STANDIN_FAULTS
    ? JSON.parse(env.STANDIN_FAULTS)
    : {};
  const opts = {
    port: Number(env.STANDIN_PORT ?? 8899),
    host: env.STANDIN_HOST ?? '127.0.0.1',
    workflowsDir: env.STANDIN_WORKFLOWS_DIR ?? path.join(repoRoot, 'workflows'),
    seed: Number(env.STANDIN_SEED ?? 0),
    mocksDir: env.STANDIN_MOCKS_DIR,
    timeScale: Number(env.STANDIN_TIME_SCALE ?? 1),
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--port') opts.port = Number(next());
    else if (flag === '--host') opts.host = next();
    else if (flag === '--workflows') opts.workflowsDir = path.resolve(next());
    else if (flag === '--seed') opts.seed = Number(next());
    else if (flag === '--mocks') opts.mocksDir = path.resolve(next());
    else if (flag === '--time-scale') opts.timeScale = Number(next());
    else if (flag === '--fault-partial-errors') rawFaults.partialErrors = true;
    else if (FAULT_FLAGS[flag]) rawFaults[FAULT_FLAGS[flag]] = next();
    else throw new Error(`unknown option ${flag}\n${USAGE}`);
  }
  if (!Number.isInteger(opts.port) || opts.port < 0)
    throw new Error('port must be an integer');
  if (!Number.isInteger(opts.seed) || opts.seed < 0)
    throw new Error('seed must be an integer >= 0');
  if (!(opts.timeScale > 0)) throw new Error('time scale must be a number > 0');
  return { ...opts, faults: parseFaults(rawFaults) };
}
