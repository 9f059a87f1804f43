/*
 * Copyright The Orchestrator Suite Authors
 *
 * Licensed under the Apache License, Version 2.0.
 */
export {
  parseWorkflowDefinition,
  workflowFormatFromPath,
} from './parseWorkflowDefinition';
export type {
  WorkflowDataInputSchema,
  WorkflowDefinitionInfo,
} from './parseWorkflowDefinition';
export { resolveSchemaRefs } from './resolveSchemaRefs';
export type {
  ResolveSchemaRefsOptions,
  SchemaLoader,
} from './resolveSchemaRefs';
export {
  loadWorkflowInputSchema,
  loadWorkflowOutputSchema,
} from './loadWorkflowSchemas';
export type { LoadWorkflowSchemaOptions } from './loadWorkflowSchemas';
