/*
 * Copyright The Orchestrator Suite Authors
 *
 * Licensed under the Apache License, Version 2.0.
 */
import { generatedOperationRoutes } from '../generated/operationRoutes.generated';

/** Where an operation lives, read from the OpenAPI document. @public */
export interface OperationRoute {
  operationId: string;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Path template relative to the plugin base URL, e.g. `/v2/workflows/{workflowId}/overview` */
  path: string;
  /** How the 200 answer is read */
  responseType: 'json' | 'text';
}

/**
 * Every operation of the Orchestrator API. A small table generated from the
 * OpenAPI document (`yarn generate`), so browser bundles that only call the
 * API do not carry the document itself.
 * @public
 */
export const operationRoutes: readonly OperationRoute[] =
  generatedOperationRoutes;
