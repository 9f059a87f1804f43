/*
 * Copyright The Orchestrator Suite Authors
 *
 * Licensed under the Apache License, Version 2.0.
 */
import { spec } from '../generated/openapi.generated';

/** Where an operation lives, read from the OpenAPI document. @public */
export interface OperationRoute {
  operationId: string;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Path template relative to the plugin base URL, e.g. `/v2/workflows/{workflowId}/overview` */
  path: string;
  /** How the 200 answer is read */
  responseType: 'json' | 'text';
}

const METHODS: OperationRoute['method'][] = [
  'get',
  'post',
  'put',
  'patch',
  'delete',
];

type LooseOperation = {
  operationId?: string;
  responses?: Record<string, { content?: Record<string, unknown> }>;
};

function routesOf(paths: Record<string, Record<string, unknown>>) {
  const routes: OperationRoute[] = [];
  for (const [path, item] of Object.entries(paths)) {
    for (const method of METHODS) {
      const operation = item[method] as LooseOperation | undefined;
      if (!operation?.operationId) continue;
      const content = operation.responses?.['200']?.content ?? {};
      routes.push({
        operationId: operation.operationId,
        method,
        path,
        responseType: 'application/json' in content ? 'json' : 'text',
      });
    }
  }
  return routes;
}

/** Every operation of the Orchestrator API, derived from `spec`. @public */
export const operationRoutes: readonly OperationRoute[] = routesOf(
  spec.paths as unknown as Record<string, Record<string, unknown>>,
);
