/*
 * Copyright The Orchestrator Suite Authors
 *
 * Licensed under the Apache License, Version 2.0.
 */
export {
  workflowResultSchema,
  WORKFLOW_OPTION_GROUPS,
} from './workflowResultSchema';
export { validateWorkflowResult } from './validateWorkflowResult';
export type {
  WorkflowResultError,
  WorkflowResultValidation,
} from './validateWorkflowResult';
export { getWorkflowResult, getNextWorkflows } from './workflowResult';
export type { NextWorkflow, NextWorkflowSource } from './workflowResult';
