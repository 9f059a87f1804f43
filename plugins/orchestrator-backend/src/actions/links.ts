import type { Config } from '@backstage/config';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  appUrl,
  routePaths,
} from '@orchestrator-suite/backstage-plugin-orchestrator-common';

/** Absolute links to the portal's pages, for answers read outside the portal (agents). */
export interface PortalLinks {
  workflows(): string;
  workflow(workflowId: string): string;
  executeWorkflow(workflowId: string): string;
  instance(instanceId: string): string;
  /** `undefined` when the ref does not parse. */
  catalogEntity(entityRef: string): string | undefined;
}

/** Links under `app.baseUrl` (paths only when it is not configured). */
export function createPortalLinks(config: Config): PortalLinks {
  const base = config.getOptionalString('app.baseUrl') ?? '';
  return {
    workflows: () => appUrl(base, routePaths.workflows()),
    workflow: id => appUrl(base, routePaths.workflow(id)),
    executeWorkflow: id => appUrl(base, routePaths.executeWorkflow(id)),
    instance: id => appUrl(base, routePaths.instance(id)),
    catalogEntity: ref => {
      try {
        return appUrl(base, routePaths.catalogEntity(parseEntityRef(ref)));
      } catch {
        return undefined;
      }
    },
  };
}
