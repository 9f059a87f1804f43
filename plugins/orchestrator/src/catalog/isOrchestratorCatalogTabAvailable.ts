import { Entity } from '@backstage/catalog-model';

/** Entity annotation listing the workflows offered on the entity's Workflows tab. @public */
export const ORCHESTRATOR_WORKFLOWS_ANNOTATION = 'orchestrator.io/workflows';

/**
 * Reads the annotation. Accepts a JSON list (`["a","b"]`) and, for
 * compatibility with upstream catalogs, the unquoted bracket form `[a,b]`.
 * An empty list means "the workflows this entity has run".
 * Returns undefined when the annotation is absent.
 */
export function parseWorkflowsAnnotation(entity: Entity): string[] | undefined {
  const raw = entity.metadata.annotations?.[ORCHESTRATOR_WORKFLOWS_ANNOTATION];
  if (raw === undefined) {
    return undefined;
  }
  const text = raw.trim();
  try {
    const parsed = JSON.parse(text);
    if (Array.isArray(parsed)) {
      return parsed.map(String).filter(id => id.length > 0);
    }
  } catch {
    // not JSON: fall through to the unquoted form
  }
  const inner = text.replace(/^\[/, '').replace(/\]$/, '');
  return inner
    .split(',')
    .map(id => id.trim().replace(/^["']|["']$/g, ''))
    .filter(id => id.length > 0);
}

/**
 * Guard for the entity Workflows tab: true when the entity carries the
 * `orchestrator.io/workflows` annotation (even an empty list).
 * @public
 */
export const IsOrchestratorCatalogTabAvailable = (entity: Entity): boolean =>
  parseWorkflowsAnnotation(entity) !== undefined;
