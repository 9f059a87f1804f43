import type { ServiceRef } from '@backstage/backend-plugin-api';
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';

/**
 * The actions registry's service ref, wherever the host's `@backstage/backend-plugin-api` keeps
 * it: `coreServices.actionsRegistry` once it is stable, `/alpha` since Backstage 1.40. A host
 * older than that (no ref at all) gets `undefined` and the plugin starts without actions,
 * instead of failing on a missing dependency. Looked up at runtime because a dynamic plugin
 * uses the host's copy of the package, not the one it was built against.
 */
export function findActionsRegistryServiceRef(
  load: (id: string) => any = require,
): ServiceRef<ActionsRegistryService, 'plugin', 'singleton'> | undefined {
  const fromMain = tryLoad(load, '@backstage/backend-plugin-api')?.coreServices
    ?.actionsRegistry;
  if (fromMain) return fromMain;
  return tryLoad(load, '@backstage/backend-plugin-api/alpha')
    ?.actionsRegistryServiceRef;
}

function tryLoad(load: (id: string) => any, id: string): any {
  try {
    return load(id);
  } catch {
    return undefined;
  }
}
