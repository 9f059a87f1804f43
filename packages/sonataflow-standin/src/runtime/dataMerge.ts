import { WorkflowExecutionError } from './errors';

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

/** What mergeAtPath needs to turn a non-trivial path expression into keys. */
export interface PathEvaluator {
  evaluate(expr: string, data: unknown): Promise<unknown>;
}

const SIMPLE_PATH = /^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)*$/;

async function pathKeys(
  data: unknown,
  pathExpr: string,
  evaluator: PathEvaluator,
): Promise<Array<string | number>> {
  const path = pathExpr
    .trim()
    .replace(/^\$\{\s*/, '')
    .replace(/\s*\}$/, '')
    .trim();
  if (path === '.') return [];
  const bare = path.replace(/^\./, '');
  if (SIMPLE_PATH.test(bare)) return bare.split('.');
  // Any other jq path (`.a["x-y"]`, `.items[0]`): jq itself names the keys.
  let keys: unknown;
  try {
    keys = await evaluator.evaluate(`[path(${path})] | first`, data ?? null);
  } catch (e) {
    throw new WorkflowExecutionError(
      `toStateData '${pathExpr}' is not a jq path expression: ${
        (e as Error).message
      }`,
    );
  }
  if (!Array.isArray(keys))
    throw new WorkflowExecutionError(
      `toStateData '${pathExpr}' selects no path`,
    );
  return keys as Array<string | number>;
}

function setAt(
  node: unknown,
  keys: Array<string | number>,
  value: unknown,
): unknown {
  if (keys.length === 0) return mergeData(node, value);
  const [key, ...rest] = keys;
  if (typeof key === 'number') {
    const arr = Array.isArray(node) ? [...node] : [];
    // jq pads with null up to the index it sets.
    while (arr.length < key) arr.push(null);
    arr[key] = setAt(arr[key], rest, value);
    return arr;
  }
  const obj: Record<string, unknown> = isObject(node) ? { ...node } : {};
  obj[key] =
    rest.length === 0 && !(key in obj) ? value : setAt(obj[key], rest, value);
  return obj;
}

/**
 * `toStateData` / `outputCollection` is a path expression (`.`, `.a.b`,
 * `${ .a["b"] }`, `.list[0]`); the value is merged into what is already
 * there (`.` merges into the whole state data).
 */
export async function mergeAtPath(
  data: unknown,
  pathExpr: string,
  value: unknown,
  evaluator: PathEvaluator,
): Promise<unknown> {
  const keys = await pathKeys(data, pathExpr, evaluator);
  return setAt(data, keys, value);
}
