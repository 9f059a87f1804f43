/* eslint-disable no-console -- this is the command-line entry point */
import path from 'node:path';
import { parseArgs, USAGE } from './cli/parseArgs';
import { startStandin } from './startStandin';

// src/ -> package -> packages -> repo root
// eslint-disable-next-line no-restricted-syntax
const REPO_ROOT = path.resolve(__dirname, '../../..');

function jsonEnv(name: string): Record<string, any> | undefined {
  const raw = process.env[name];
  if (!raw) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    throw new Error(`${name} must be a JSON object`);
  }
}

async function main() {
  if (process.argv.includes('--help')) {
    console.log(USAGE);
    return;
  }
  const options = parseArgs(process.argv.slice(2), process.env, REPO_ROOT);
  const t = Date.now();
  const standin = await startStandin({
    ...options,
    restBaseUrls: jsonEnv('STANDIN_REST_URLS'),
    secrets: jsonEnv('STANDIN_SECRETS'),
    log: (instanceId, level, message) =>
      console.log(`[${level}] ${instanceId.slice(0, 8)} ${message}`),
  });
  for (const p of standin.problems) {
    console.warn(
      `workflow ${p.workflowId ? `'${p.workflowId}' ` : ''}not loaded: ${
        p.file
      }: ${p.message}`,
    );
  }
  const ids = standin.store.listDefinitions().map(d => d.id);
  console.log(`SonataFlow stand-in listening on ${standin.url}`);
  console.log(`  Data Index GraphQL: ${standin.url}/graphql`);
  if (standin.problems.length)
    console.log(
      `  ${standin.problems.length} workflow file(s) did not load: ${standin.url}/__standin/problems`,
    );
  console.log(
    `  workflows (${ids.length}) from ${options.workflowsDir}: ${ids.join(
      ', ',
    )}`,
  );
  console.log(
    `  instances in memory: ${standin.store.instanceCount()}${
      options.seed ? ` (seeded in ${Date.now() - t} ms)` : ''
    }`,
  );
  const stop = () => {
    standin.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch(e => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
