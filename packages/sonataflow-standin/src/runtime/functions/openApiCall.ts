import fs from 'node:fs';
import path from 'node:path';
import { readStructuredFile } from '../loader/resolveSchema';
import { UnsupportedConstructError, WorkflowExecutionError } from '../errors';

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
  /** The stand-in's own URL; specs named like `dataindex*` default to it (we are the Data Index). */
  selfUrl?: string;
  timeoutMs?: number;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'];

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

function baseUrlFor(
  specFile: string,
  doc: OpenApiDoc,
  targets: RestTargets,
): string {
  const name = path.basename(specFile);
  const quarkusKey = name.replace(/\./g, '_');
  const configured = targets.baseUrls?.[name] ?? targets.baseUrls?.[quarkusKey];
  if (configured) return configured;
  const server = doc.servers?.[0]?.url;
  if (server && /^https?:\/\//.test(server)) return server;
  if (/dataindex|data-index/i.test(name) && targets.selfUrl)
    return targets.selfUrl;
  throw new WorkflowExecutionError(
    `No base URL for OpenAPI spec '${name}': set STANDIN_REST_URLS='{"${name}":"http://..."}'`,
    'config',
  );
}

/**
 * Resolves `specs/x.yaml#operationId` against the workflow folder and calls
 * it: arguments named like path/query/header parameters go there, the rest is
 * the JSON body.
 */
export async function callOpenApiOperation(options: {
  operation: string;
  workflowDir: string;
  uriDefinitions: Record<string, string>;
  args: Record<string, unknown>;
  headers?: Record<string, string>;
  targets: RestTargets;
}): Promise<unknown> {
  const [specRef, operationId] = options.operation.split('#');
  if (!operationId)
    throw new UnsupportedConstructError(
      `rest function operation '${options.operation}' without '#operationId'`,
    );
  const aliased = options.uriDefinitions[specRef];
  const specLocation = aliased ?? specRef;
  if (/^[a-z]+:\/\//i.test(specLocation)) {
    throw new WorkflowExecutionError(
      `OpenAPI spec '${specLocation}' is remote; the stand-in only reads specs inside the workflow folder`,
      'config',
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

  const args = { ...options.args };
  let urlPath = op.pathTemplate;
  const query = new URLSearchParams();
  const headers: Record<string, string> = {
    accept: 'application/json',
    ...options.headers,
  };
  for (const p of op.parameters) {
    if (!(p.name in args)) continue;
    const value = String(args[p.name]);
    if (p.in === 'path')
      urlPath = urlPath.replace(`{${p.name}}`, encodeURIComponent(value));
    else if (p.in === 'query') query.set(p.name, value);
    else if (p.in === 'header') headers[p.name] = value;
    delete args[p.name];
  }
  const base = baseUrlFor(specFile, doc, options.targets).replace(/\/$/, '');
  const qs = query.toString();
  const url = `${base}${urlPath}${qs ? `?${qs}` : ''}`;
  const init: RequestInit = {
    method: op.method,
    headers,
    signal: AbortSignal.timeout(options.targets.timeoutMs ?? 30_000),
  };
  if (op.hasBody) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(args);
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
