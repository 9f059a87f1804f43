import type { SchemaChunksResponse } from '@orchestrator-suite/backstage-plugin-orchestrator-form-api';
import type { JSONSchema7 } from 'json-schema';

function replaceIn(node: unknown, chunks: SchemaChunksResponse): unknown {
  if (Array.isArray(node)) return node.map(child => replaceIn(child, chunks));
  if (!node || typeof node !== 'object') return node;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'properties' && value && typeof value === 'object') {
      result.properties = Object.fromEntries(
        Object.entries(value).map(([name, property]) => [
          name,
          name in chunks ? chunks[name] : replaceIn(property, chunks),
        ]),
      );
    } else {
      result[key] = replaceIn(value, chunks);
    }
  }
  return result;
}

/**
 * The schema with each property named by a chunk key replaced by the
 * chunk, wherever the property sits (what a `SchemaUpdater` widget asks).
 * @public
 */
export function applySchemaChunks(
  schema: JSONSchema7,
  chunks: SchemaChunksResponse,
): JSONSchema7 {
  return replaceIn(schema, chunks) as JSONSchema7;
}
