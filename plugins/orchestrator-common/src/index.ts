/*
 * Copyright The Orchestrator Suite Authors
 *
 * Licensed under the Apache License, Version 2.0.
 */

/**
 * The contract of the Orchestrator plugin suite: OpenAPI document and generated types, typed
 * client, permissions, WorkflowResult and workflow-definition helpers. Browser-safe.
 *
 * @packageDocumentation
 */

export { spec } from './generated/openapi.generated';
export type { OrchestratorOpenApiSpec } from './generated/openapi.generated';
export type { paths, components, operations } from './generated/openapi.types';
export * from './openapi/dtos';
export * from './openapi/constants';
export * from './openapi/client';
export { operationRoutes } from './openapi/operationRoutes';
export type { OperationRoute } from './openapi/operationRoutes';
export * from './permissions';
export * from './workflowResult';
export * from './workflowDefinition';
export * from './routes';
