import { FieldErrorDTO } from '@orchestrator-suite/backstage-plugin-orchestrator-common';

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  enum?: unknown[];
  items?: JsonSchema;
};
type Data = Record<string, unknown>;

/** Query parameters with a meaning of their own, never form fields. */
export const RESERVED_QUERY_PARAMS = ['instanceId', 'targetEntity'];

/** Property names that, when present and empty, take the `?targetEntity=` ref. */
const ENTITY_FIELD_NAMES = ['targetEntity', 'entityRef', 'entity'];

const isObject = (v: unknown): v is Data =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const typeOf = (schema: JsonSchema) =>
  Array.isArray(schema.type)
    ? schema.type.find(t => t !== 'null')
    : schema.type;

function schemaAt(schema: JsonSchema, path: string[]): JsonSchema | undefined {
  let node: JsonSchema | undefined = schema;
  for (const key of path) {
    node = node?.properties?.[key];
    if (!node) return undefined;
  }
  return node;
}

/** The query text as the schema's type wants it; undefined when it cannot be. */
export function coerceValue(schema: JsonSchema, values: string[]): unknown {
  const type = typeOf(schema);
  const raw = values[values.length - 1];
  if (type === 'array') {
    const items =
      values.length > 1 ? values : raw.split(',').map(v => v.trim());
    const coerced = items.map(v => coerceValue(schema.items ?? {}, [v]));
    return coerced.every(v => v !== undefined) ? coerced : undefined;
  }
  if (schema.enum) {
    // links are often hand-written: accept "english" for "English"
    return schema.enum.find(e => String(e).toLowerCase() === raw.toLowerCase());
  }
  if (type === 'number' || type === 'integer') {
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(n)) return undefined;
    return type === 'integer' && !Number.isInteger(n) ? undefined : n;
  }
  if (type === 'boolean') {
    if (raw.toLowerCase() === 'true') return true;
    if (raw.toLowerCase() === 'false') return false;
    return undefined;
  }
  if (type === 'object') return undefined;
  return raw;
}

function setAt(data: Data, path: string[], value: unknown) {
  let node = data;
  path.slice(0, -1).forEach(key => {
    if (!isObject(node[key])) node[key] = {};
    node = node[key] as Data;
  });
  node[path[path.length - 1]] = value;
}

function fillEntity(
  schema: JsonSchema,
  data: Data,
  entityRef: string,
  depth = 0,
) {
  for (const [key, prop] of Object.entries(schema.properties ?? {})) {
    if (
      ENTITY_FIELD_NAMES.includes(key) &&
      typeOf(prop) === 'string' &&
      !data[key]
    ) {
      data[key] = entityRef;
    } else if (typeOf(prop) === 'object' && depth < 1) {
      // one level down covers multi-step forms (an object per step)
      const child = isObject(data[key]) ? (data[key] as Data) : {};
      fillEntity(prop, child, entityRef, depth + 1);
      if (Object.keys(child).length > 0) data[key] = child;
    }
  }
}

/**
 * The form's initial data: the previous run's inputs, then the query
 * parameters whose names are schema paths (`language`, `step1.name`), then the
 * target entity into an empty entity field. Unknown or ill-typed parameters
 * are ignored rather than sent to a workflow that does not expect them.
 */
export function buildInitialFormData(options: {
  schema?: JsonSchema;
  previous?: Data;
  query: URLSearchParams;
  targetEntity?: string;
}): Data {
  const data: Data = JSON.parse(JSON.stringify(options.previous ?? {}));
  const schema = options.schema;
  if (!schema) return data;
  const keys = [...new Set(options.query.keys())].filter(
    k => !RESERVED_QUERY_PARAMS.includes(k),
  );
  for (const key of keys) {
    const path = key.split('.');
    const node = schemaAt(schema, path);
    if (!node) continue;
    const value = coerceValue(node, options.query.getAll(key));
    if (value !== undefined) setAt(data, path, value);
  }
  if (options.targetEntity) fillEntity(schema, data, options.targetEntity);
  return data;
}

export type ErrorSchemaLike = { __errors?: string[]; [key: string]: unknown };

/**
 * A 400's field errors as RJSF `extraErrors`, so each message shows at its
 * field. Pointers are relative to the request (`/inputData/name`); those
 * outside `inputData` (or at its root) come back as `formErrors`.
 */
export function toExtraErrors(details: FieldErrorDTO[]): {
  extraErrors: ErrorSchemaLike;
  formErrors: string[];
} {
  const extraErrors: ErrorSchemaLike = {};
  const formErrors: string[] = [];
  for (const detail of details) {
    const segments = detail.path
      .split('/')
      .slice(1)
      .map(s => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    if (segments[0] === 'inputData') segments.shift();
    else if (segments.length > 0) {
      formErrors.push(`${detail.path}: ${detail.message}`);
      continue;
    }
    if (segments.length === 0) {
      formErrors.push(detail.message);
      continue;
    }
    let node = extraErrors;
    for (const s of segments) {
      node[s] = (node[s] as ErrorSchemaLike) ?? {};
      node = node[s] as ErrorSchemaLike;
    }
    node.__errors = [...(node.__errors ?? []), detail.message];
  }
  return { extraErrors, formErrors };
}
