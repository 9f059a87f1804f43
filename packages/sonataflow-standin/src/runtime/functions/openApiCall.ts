import fs from 'node:fs';
import path from 'node:path';
import { readStructuredFile } from '../loader/resolveSchema';
import { UnsupportedConstructError, WorkflowExecutionError } from '../errors';
import {
  answerFromMock,
  findMock,
  MockContext,
  MockRequest,
  MockSet,
} from './mocks';

interface OpenApiOperation {
  method: string;
  pathTemplate: string;
  parameters: Array<{ name: string; in: string }>;
  hasBody: boolean;
}

interface OpenApiDoc {
  servers?: Array<{ url: string }>;
  paths?: Record<string, Record<string, any>>;
}

/** Where REST function calls go when the spec has no absolute server URL. @public */
export interface RestTargets {
  /** Base URL per spec file name (`dataindex.yaml`) or Quarkus key (`dataindex_yaml`). */
  baseUrls?: Record<string, string>;
  /** Base URL per `STANDIN_SPEC_URL_<NAME>` variable name (see specUrlVariable). */
  specUrls?: Record<string, string>;
  /** The stand-in's own URL; specs named like `dataindex*` default to it (we are the Data Index). */
  selfUrl?: string;
  timeoutMs?: number;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'];

/** `jira-openapi.yaml` → `STANDIN_SPEC_URL_JIRA_OPENAPI_YAML`. */
export function specUrlVariable(specFile: string): string {
  return `STANDIN_SPEC_URL_${path
    .basename(specFile)
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '_')}`;
}

/** The `STANDIN_SPEC_URL_*` variables of an environment. */
export function specUrlsFromEnv(
  env: NodeJS.ProcessEnv,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter(
      (e): e is [string, string] =>
        e[0].startsWith('STANDIN_SPEC_URL_') && Boolean(e[1]),
    ),
  );
}

function findOperation(
  doc: OpenApiDoc,
  operationId: string,
): OpenApiOperation | undefined {
  for (const [pathTemplate, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item?.[method];
      if (op?.operationId !== operationId) continue;
      const parameters = [
        ...(item.parameters ?? []),
        ...(op.parameters ?? []),
      ].filter((p: any) => p && typeof p.name === 'string');
      return {
        method: method.toUpperCase(),
        pathTemplate,
        parameters,
        hasBody: Boolean(op.requestBody),
      };
    }
  }
  return undefined;
}

/** A base URL set explicitly for this spec (env variable first, then STANDIN_REST_URLS). */
function configuredBaseUrl(name: string, targets: RestTargets) {
  return (
    targets.specUrls?.[specUrlVariable(name)] ??
    targets.baseUrls?.[name] ??
    targets.baseUrls?.[name.replace(/\./g, '_')]
  );
}

function defaultBaseUrl(name: string, doc: OpenApiDoc, targets: RestTargets) {
  const server = doc.servers?.[0]?.url;
  if (server && /^https?:\/\//.test(server)) return server;
  if (/dataindex|data-index/i.test(name) && targets.selfUrl)
    return targets.selfUrl;
  return undefined;
}

function noTargetError(
  what: string,
  operationId: string,
  mocks: MockSet | undefined,
  specFile?: string,
) {
  const mockFile = mocks?.searched[1] ?? '<workflow>.mocks.yaml';
  const server = specFile
    ? `, or set ${specUrlVariable(specFile)}=http://... to call a server`
    : '';
  return new WorkflowExecutionError(
    `${what}, and no mock for '${operationId}': add '${operationId}' under 'mocks:' in ${mockFile} (or a mocks.yaml beside the workflow)${server}`,
    'config',
  );
}

interface Call {
  op: OpenApiOperation;
  urlPath: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: Record<string, unknown>;
  request: MockRequest;
}

/** Arguments named like path/query/header parameters go there; the rest is the JSON body. */
function splitArguments(
  op: OpenApiOperation,
  operationId: string,
  rawArgs: Record<string, unknown>,
): Call {
  const body = { ...rawArgs };
  let urlPath = op.pathTemplate;
  const query = new URLSearchParams();
  const headers: Record<string, string> = { accept: 'application/json' };
  const request: MockRequest = {
    operationId,
    method: op.method,
    path: {},
    query: {},
    headers: {},
    body: undefined,
  };
  for (const p of op.parameters) {
    if (!(p.name in body)) continue;
    const value = body[p.name];
    if (p.in === 'path') {
      urlPath = urlPath.replace(
        `{${p.name}}`,
        encodeURIComponent(String(value)),
      );
      request.path[p.name] = value;
    } else if (p.in === 'query') {
      query.set(p.name, String(value));
      request.query[p.name] = value;
    } else if (p.in === 'header') {
      headers[p.name] = String(value);
      request.headers[p.name] = value;
    }
    delete body[p.name];
  }
  request.pathname = urlPath;
  request.body = op.hasBody ? body : undefined;
  return { op, urlPath, query, headers, body, request };
}

async function callOverHttp(
  base: string,
  call: Call,
  targets: RestTargets,
  signal?: AbortSignal,
) {
  const { op } = call;
  const qs = call.query.toString();
  const url = `${base.replace(/\/$/, '')}${call.urlPath}${qs ? `?${qs}` : ''}`;
  const timeout = AbortSignal.timeout(targets.timeoutMs ?? 30_000);
  const init: RequestInit = {
    method: op.method,
    headers: call.headers,
    signal: signal ? AbortSignal.any([timeout, signal]) : timeout,
  };
  if (op.hasBody) {
    call.headers['content-type'] = 'application/json';
    init.body = JSON.stringify(call.body);
  }
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch (e) {
    const cause = (e as any)?.cause?.code ?? (e as Error).message;
    throw new WorkflowExecutionError(
      `${op.method} ${url} failed: ${cause}`,
      'connection',
    );
  }
  const text = await res.text();
  if (!res.ok) {
    throw new WorkflowExecutionError(
      `${op.method} ${url} answered ${res.status}: ${text.slice(0, 300)}`,
      String(res.status),
    );
  }
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return text;
  }
}

/**
 * Resolves `specs/x.yaml#operationId` against the workflow folder and calls
 * it. Order: a base URL set for the spec (STANDIN_SPEC_URL_<NAME>, then
 * STANDIN_REST_URLS), a mock, the spec's absolute server URL (or, for a Data
 * Index spec, the stand-in itself). Remote specs are never fetched: only a
 * mock can answer them.
 */
export async function callOpenApiOperation(options: {
  operation: string;
  workflowDir: string;
  uriDefinitions: Record<string, string>;
  args: Record<string, unknown>;
  targets: RestTargets;
  mocks?: MockContext;
  signal?: AbortSignal;
}): Promise<unknown> {
  const [specRef, operationId] = options.operation.split('#');
  if (!operationId)
    throw new UnsupportedConstructError(
      `rest function operation '${options.operation}' without '#operationId'`,
    );
  const mocks = options.mocks;
  const specLocation = options.uriDefinitions[specRef] ?? specRef;
  const name = path.basename(specLocation);
  const mockKeys = [`${name}#${operationId}`, `${specRef}#${operationId}`];

  if (/^[a-z]+:\/\//i.test(specLocation)) {
    const match = mocks && findMock(mocks.mocks, [...mockKeys, operationId]);
    if (match)
      return answerFromMock(mocks, match, {
        operationId,
        path: {},
        query: {},
        headers: {},
        body: options.args,
      });
    throw noTargetError(
      `OpenAPI spec '${specLocation}' is remote (the stand-in does not fetch specs)`,
      operationId,
      mocks?.mocks,
    );
  }
  const specFile = path.resolve(options.workflowDir, specLocation);
  if (!fs.existsSync(specFile))
    throw new WorkflowExecutionError(
      `OpenAPI spec not found: ${specFile}`,
      'config',
    );
  const doc = readStructuredFile(specFile) as OpenApiDoc;
  const op = findOperation(doc, operationId);
  if (!op)
    throw new WorkflowExecutionError(
      `operationId '${operationId}' not found in ${specRef}`,
      'config',
    );
  const call = splitArguments(op, operationId, options.args);

  const configured = configuredBaseUrl(name, options.targets);
  if (configured)
    return callOverHttp(configured, call, options.targets, options.signal);
  const match =
    mocks &&
    findMock(mocks.mocks, [
      ...mockKeys,
      operationId,
      `${op.method} ${op.pathTemplate}`,
    ]);
  if (match) return answerFromMock(mocks, match, call.request);
  const base = defaultBaseUrl(name, doc, options.targets);
  if (base) return callOverHttp(base, call, options.targets, options.signal);
  throw noTargetError(
    `No base URL for OpenAPI spec '${name}'`,
    operationId,
    mocks?.mocks,
    name,
  );
}
