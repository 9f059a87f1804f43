import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';

/** Reads a JSON or YAML file (schemas may be either; some start with spaces). */
export function readStructuredFile(file: string): unknown {
  const text = fs.readFileSync(file, 'utf8');
  return /\.ya?ml$/i.test(file) ? yaml.load(text) : JSON.parse(text);
}

function pointerGet(doc: unknown, pointer: string): unknown {
  if (!pointer || pointer === '/') return doc;
  let current: any = doc;
  for (const raw of pointer.replace(/^\//, '').split('/')) {
    const key = decodeURIComponent(raw.replace(/~1/g, '/').replace(/~0/g, '~'));
    if (current === null || typeof current !== 'object' || !(key in current)) {
      throw new Error(`JSON pointer '${pointer}' not found`);
    }
    current = current[key];
  }
  return current;
}

/**
 * Inlines every `$ref` that points into a local file (relative path plus
 * optional `#/pointer`) or into the same document, so the management endpoint
 * can hand out the resolved `inputSchema` the way SonataFlow does. Recursive
 * references are left as they are.
 */
export function resolveSchemaFile(file: string): Record<string, unknown> {
  const cache = new Map<string, unknown>();
  const load = (f: string) => {
    if (!cache.has(f)) cache.set(f, readStructuredFile(f));
    return cache.get(f);
  };

  const walk = (
    node: unknown,
    current: string,
    root: unknown,
    stack: string[],
  ): unknown => {
    if (Array.isArray(node))
      return node.map(n => walk(n, current, root, stack));
    if (node === null || typeof node !== 'object') return node;
    const obj = node as Record<string, unknown>;
    if (typeof obj.$ref === 'string' && !/^[a-z]+:\/\//i.test(obj.$ref)) {
      const [refPath, pointer = ''] = obj.$ref.split('#');
      const targetFile = refPath
        ? path.resolve(path.dirname(current), refPath)
        : current;
      const key = `${targetFile}#${pointer}`;
      if (stack.includes(key)) return obj;
      const targetRoot = refPath ? load(targetFile) : root;
      const target = pointerGet(targetRoot, pointer);
      const { $ref: _ignored, ...siblings } = obj;
      const resolved = walk(target, targetFile, targetRoot, [...stack, key]);
      return typeof resolved === 'object' &&
        resolved !== null &&
        !Array.isArray(resolved)
        ? {
            ...(resolved as object),
            ...(walk(siblings, current, root, stack) as object),
          }
        : resolved;
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(obj))
      out[k] = walk(v, current, root, stack);
    return out;
  };

  const root = load(file);
  return walk(root, file, root, [file]) as Record<string, unknown>;
}
