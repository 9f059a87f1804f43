const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Merges an action result or event payload into state data: objects merge
 * key by key, recursively; arrays and scalars replace what was there.
 */
export function mergeData(target: unknown, source: unknown): unknown {
  if (!isObject(target) || !isObject(source)) return source;
  const out: Record<string, unknown> = { ...target };
  for (const [k, v] of Object.entries(source)) {
    out[k] = k in target ? mergeData(target[k], v) : v;
  }
  return out;
}

/**
 * `toStateData` is a path expression (`.a.b` or `${ .a.b }`); the value is
 * merged into what is already there.
 */
export function mergeAtPath(
  data: unknown,
  pathExpr: string,
  value: unknown,
): unknown {
  const path = pathExpr
    .trim()
    .replace(/^\$\{\s*/, '')
    .replace(/\s*\}$/, '')
    .replace(/^\./, '');
  if (!/^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)*$/.test(path)) {
    throw new Error(
      `Unsupported construct: toStateData '${pathExpr}' must be a simple path like .a.b`,
    );
  }
  const keys = path.split('.');
  const root: Record<string, unknown> = isObject(data) ? { ...data } : {};
  let node = root;
  keys.forEach((key, i) => {
    if (i === keys.length - 1) {
      node[key] = key in node ? mergeData(node[key], value) : value;
    } else {
      node[key] = isObject(node[key]) ? { ...(node[key] as object) } : {};
      node = node[key] as Record<string, unknown>;
    }
  });
  return root;
}
