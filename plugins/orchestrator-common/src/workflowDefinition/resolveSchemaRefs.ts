/*
 * Copyright The Orchestrator Suite Authors
 *
 * Licensed under the Apache License, Version 2.0.
 */
import { InputError } from '@backstage/errors';
import yaml from 'js-yaml';
import { dirnameOf, joinLocation, readPointer } from './schemaPaths';

/**
 * Loads a document by location (relative to the workflow's folder, e.g.
 * `schemas/input.json` or `shared/schemas/result.json`). Returns its text or the parsed value.
 * Backends read files (`fs.promises.readFile(path.join(dir, location), 'utf8')`), the browser
 * may fetch; keeping it a callback keeps this package free of `fs`.
 * @public
 */
export type SchemaLoader = (location: string) => Promise<unknown>;

/** @public */
export interface ResolveSchemaRefsOptions {
  loader: SchemaLoader;
  /** Location of the document holding `schema`; relative `$ref`s resolve against its folder. */
  location?: string;
}

type JsonObject = Record<string, unknown>;
type Context = { location: string; document: unknown; stack: string[] };

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Parses loaded text as JSON or YAML (JSON is YAML; tolerates leading whitespace). */
export function parseDocument(loaded: unknown, location: string): unknown {
  if (typeof loaded !== 'string') return loaded;
  try {
    return yaml.load(loaded);
  } catch (error) {
    throw new InputError(
      `Cannot parse ${location}: ${(error as Error).message}`,
    );
  }
}

async function resolveNode(
  node: unknown,
  context: Context,
  options: ResolveSchemaRefsOptions,
  cache: Map<string, Promise<unknown>>,
): Promise<unknown> {
  if (Array.isArray(node)) {
    return Promise.all(
      node.map(item => resolveNode(item, context, options, cache)),
    );
  }
  if (!isObject(node)) return node;
  if (typeof node.$ref === 'string') {
    const { $ref, ...siblings } = node;
    const target = await resolveRef($ref, context, options, cache);
    const resolvedSiblings = await resolveNode(
      siblings,
      context,
      options,
      cache,
    );
    // Keywords written next to the $ref (e.g. ui:* hints) win over the referenced ones.
    return isObject(target)
      ? { ...target, ...(resolvedSiblings as JsonObject) }
      : target;
  }
  const entries = await Promise.all(
    Object.entries(node).map(
      async ([key, value]) =>
        [key, await resolveNode(value, context, options, cache)] as const,
    ),
  );
  return Object.fromEntries(entries);
}

async function resolveRef(
  ref: string,
  context: Context,
  options: ResolveSchemaRefsOptions,
  cache: Map<string, Promise<unknown>>,
): Promise<unknown> {
  const [file, fragment = ''] = ref.split('#', 2);
  const location = file
    ? joinLocation(dirnameOf(context.location), file)
    : context.location;
  const key = `${location}#${fragment}`;
  if (context.stack.includes(key)) {
    throw new InputError(
      `Recursive $ref '${ref}' in ${
        context.location || 'schema'
      } cannot be inlined`,
    );
  }
  let document = context.document;
  if (file) {
    if (!cache.has(location)) {
      cache.set(
        location,
        options.loader(location).then(
          loaded => parseDocument(loaded, location),
          error => {
            throw new InputError(
              `Cannot load $ref '${ref}' (${location}): ${
                error?.message ?? error
              }`,
            );
          },
        ),
      );
    }
    document = await cache.get(location);
  }
  const target = readPointer(document, fragment);
  if (target === undefined) {
    throw new InputError(
      `$ref '${ref}' points to nothing in ${location || 'schema'}`,
    );
  }
  return resolveNode(
    target,
    { location, document, stack: [...context.stack, key] },
    options,
    cache,
  );
}

/**
 * Returns a copy of `schema` with every `$ref` inlined: files next to the workflow, fragments
 * (`file.json#/definitions/x`, `#/definitions/x`) and refs nested inside referenced files.
 * Recursive refs are rejected (InputError), because the result must be self-contained.
 * @public
 */
export async function resolveSchemaRefs<T = unknown>(
  schema: unknown,
  options: ResolveSchemaRefsOptions,
): Promise<T> {
  const location = options.location ?? '';
  return (await resolveNode(
    schema,
    { location, document: schema, stack: [] },
    options,
    new Map(),
  )) as T;
}
