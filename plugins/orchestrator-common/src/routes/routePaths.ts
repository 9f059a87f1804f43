/*
 * Copyright The Orchestrator Suite Authors
 *
 * Licensed under the Apache License, Version 2.0.
 */

/**
 * Where the Orchestrator frontend mounts its root: the host's route (`/orchestrator` in our app
 * and in RHDH's `dynamicRoutes`). Links built on the backend (notifications, scaffolder outputs,
 * actions for agents) use these paths so they cannot drift from the pages.
 * @public
 */
export const ORCHESTRATOR_ROOT_PATH = '/orchestrator';

const seg = (value: string) => encodeURIComponent(value);

/** A parsed entity ref, as `@backstage/catalog-model`'s `parseEntityRef` returns it. @public */
export interface EntityRefParts {
  kind: string;
  namespace: string;
  name: string;
}

/**
 * Paths of the pages a link may point at, relative to the app's base URL. The frontend's
 * `routes.ts` declares the same sub-paths for its route refs.
 * @public
 */
export const routePaths = {
  /** The Orchestrator page (its Workflows tab). */
  workflows: (): string => ORCHESTRATOR_ROOT_PATH,
  workflow: (workflowId: string): string =>
    `${ORCHESTRATOR_ROOT_PATH}/workflows/${seg(workflowId)}`,
  executeWorkflow: (workflowId: string): string =>
    `${ORCHESTRATOR_ROOT_PATH}/workflows/${seg(workflowId)}/execute`,
  instance: (instanceId: string): string =>
    `${ORCHESTRATOR_ROOT_PATH}/instances/${seg(instanceId)}`,
  /** The catalog's entity page; kind and namespace lower-cased as the catalog routes them. */
  catalogEntity: (entity: EntityRefParts): string =>
    `/catalog/${seg(entity.namespace.toLocaleLowerCase('en-US'))}/${seg(
      entity.kind.toLocaleLowerCase('en-US'),
    )}/${seg(entity.name)}`,
};

/** `path` (from {@link routePaths}) as an absolute URL under the app's `app.baseUrl`. @public */
export function appUrl(appBaseUrl: string, path: string): string {
  return `${appBaseUrl.replace(/\/+$/, '')}${path}`;
}
