import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { WorkflowExecutionError } from '../errors';
import { parseIsoDuration } from '../execution/isoDuration';

/** One canned answer, or a sequence / conditional list of them. */
export interface MockEntry {
  status?: number;
  body?: unknown;
  /** jq over the request `{ operationId, method, pathname, path, query, headers, body }`. */
  bodyExpression?: string;
  /** ISO-8601 duration or milliseconds of simulated latency. */
  delay?: string | number;
  /** Call n gets entry n (1-based, per instance); the last one repeats. */
  sequence?: MockEntry[];
  /** The first case whose `when` (jq over the request) is truthy, or has none, answers. */
  cases?: Array<MockEntry & { when?: string }>;
}

/** The mocks a workflow sees: key (operationId, `spec#operationId` or `METHOD /path`) → entry and its file. */
export interface MockSet {
  entries: Map<string, { entry: MockEntry; file: string }>;
  /** The files looked at, in order (later ones win), whether present or not. */
  searched: string[];
}

/** The request a mock answers; what `bodyExpression` and `when` read. */
export interface MockRequest {
  operationId: string;
  method?: string;
  pathname?: string;
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  headers: Record<string, unknown>;
  body: unknown;
}

/** What answered a call, recorded on the action's node. */
export interface MockAnswer {
  key: string;
  file: string;
  status: number;
  call: number;
}

const ENTRY_KEYS = new Set([
  'status',
  'body',
  'bodyExpression',
  'delay',
  'sequence',
  'cases',
  'when',
]);

function checkEntry(entry: unknown, where: string): MockEntry {
  if (!entry || typeof entry !== 'object' || Array.isArray(entry))
    throw new Error(`${where}: must be an object`);
  const e = entry as Record<string, unknown>;
  const unknown = Object.keys(e).filter(k => !ENTRY_KEYS.has(k));
  if (unknown.length)
    throw new Error(`${where}: unknown key(s) ${unknown.join(', ')}`);
  if (
    e.status !== undefined &&
    (!Number.isInteger(e.status) ||
      (e.status as number) < 100 ||
      (e.status as number) > 599)
  )
    throw new Error(`${where}: status must be an HTTP status code`);
  if (e.body !== undefined && e.bodyExpression !== undefined)
    throw new Error(`${where}: give either body or bodyExpression`);
  if (typeof e.delay === 'string') parseIsoDuration(e.delay);
  for (const list of ['sequence', 'cases'] as const) {
    if (e[list] === undefined) continue;
    if (!Array.isArray(e[list]) || (e[list] as unknown[]).length === 0)
      throw new Error(`${where}: ${list} must be a non-empty list`);
    (e[list] as unknown[]).forEach((item, i) =>
      checkEntry(item, `${where}.${list}[${i}]`),
    );
  }
  return e as MockEntry;
}

/** Reads one mock file (`mocks:` map at the top); throws naming the file and the bad entry. */
export function readMockFile(file: string): Map<string, MockEntry> {
  const doc = yaml.load(fs.readFileSync(file, 'utf8')) as any;
  const mocks = doc?.mocks;
  if (!mocks || typeof mocks !== 'object' || Array.isArray(mocks))
    throw new Error(`mocks file ${file}: needs a top-level 'mocks:' map`);
  const out = new Map<string, MockEntry>();
  for (const [key, entry] of Object.entries(mocks))
    out.set(key, checkEntry(entry, `mocks file ${file}: '${key}'`));
  return out;
}

/**
 * The mock files of a workflow file, weakest first: `mocks.yaml` in its
 * folder, `<file>.mocks.yaml` beside it, then (test fixtures) the file named
 * after the workflow id or file in `mocksDir`.
 */
export function mockFilesFor(
  workflowFile: string,
  workflowId: string,
  mocksDir?: string,
): string[] {
  const dir = path.dirname(workflowFile);
  const base = path.basename(workflowFile).replace(/\.sw\.(ya?ml|json)$/i, '');
  const files = [
    path.join(dir, 'mocks.yaml'),
    path.join(dir, `${base}.mocks.yaml`),
  ];
  if (mocksDir) {
    files.push(path.join(mocksDir, `${base}.mocks.yaml`));
    if (workflowId !== base)
      files.push(path.join(mocksDir, `${workflowId}.mocks.yaml`));
  }
  return files;
}

export function loadMocks(files: string[]): MockSet {
  const entries: MockSet['entries'] = new Map();
  for (const file of files) {
    if (!fs.existsSync(file)) continue;
    for (const [key, entry] of readMockFile(file))
      entries.set(key, { entry, file });
  }
  return { entries, searched: files };
}

/** What answering needs from the running instance. */
export interface MockContext {
  mocks: MockSet;
  /** Calls so far per mock key, for `sequence` (one counter per instance). */
  calls: Map<string, number>;
  evaluate(expr: string, data: unknown): Promise<unknown>;
  /** Waits ISO duration / ms of latency (scaled, cancellable). */
  pause(delay: string | number): Promise<void>;
  onMock?(answer: MockAnswer): void;
}

async function pick(
  ctx: MockContext,
  entry: MockEntry,
  request: MockRequest,
  call: number,
  key: string,
): Promise<MockEntry> {
  if (entry.cases) {
    for (const c of entry.cases) {
      if (c.when === undefined) return pick(ctx, c, request, call, key);
      const v = await ctx.evaluate(c.when, request);
      if (v !== false && v !== null && v !== undefined)
        return pick(ctx, c, request, call, key);
    }
    throw new WorkflowExecutionError(
      `mock '${key}': no case matched the request`,
      'mock',
    );
  }
  if (entry.sequence) {
    const item = entry.sequence[Math.min(call, entry.sequence.length) - 1];
    return pick(ctx, item, request, call, key);
  }
  return entry;
}

/** The first of `keys` that has a mock. */
export function findMock(mocks: MockSet, keys: string[]) {
  for (const key of keys) {
    const found = mocks.entries.get(key);
    if (found) return { key, ...found };
  }
  return undefined;
}

/**
 * Answers a call from its mock: status ≥ 400 throws with the status as the
 * error code (so `onErrors` and retries see it as they would a real answer).
 */
export async function answerFromMock(
  ctx: MockContext,
  match: { key: string; entry: MockEntry; file: string },
  request: MockRequest,
): Promise<unknown> {
  const call = (ctx.calls.get(match.key) ?? 0) + 1;
  ctx.calls.set(match.key, call);
  const response = await pick(ctx, match.entry, request, call, match.key);
  if (response.delay !== undefined) await ctx.pause(response.delay);
  const body =
    response.bodyExpression !== undefined
      ? await ctx.evaluate(response.bodyExpression, request)
      : response.body ?? null;
  const status = response.status ?? 200;
  ctx.onMock?.({ key: match.key, file: match.file, status, call });
  if (status >= 400)
    throw new WorkflowExecutionError(
      `mock '${match.key}' answered ${status}: ${JSON.stringify(body).slice(
        0,
        300,
      )}`,
      String(status),
    );
  return body;
}
