/*
 * Copyright The Orchestrator Suite Authors
 *
 * Licensed under the Apache License, Version 2.0.
 */
import Ajv, { ValidateFunction } from 'ajv';
import { workflowResultSchema } from './workflowResultSchema';

/** One reason a value is not a WorkflowResult. @public */
export interface WorkflowResultError {
  /** JSON pointer to the offending value, '' for the root */
  path: string;
  message: string;
}

/** @public */
export interface WorkflowResultValidation {
  valid: boolean;
  errors: WorkflowResultError[];
}

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  // Compiled on first use: ajv compilation is the expensive part and most pages never need it.
  compiled ??= new Ajv({ allErrors: true, strict: false }).compile(
    workflowResultSchema,
  );
  return compiled;
}

/**
 * Checks a value against the WorkflowResult schema (every version, including legacy
 * `completedWith` and assessment `workflowOptions`).
 * @public
 */
export function validateWorkflowResult(
  value: unknown,
): WorkflowResultValidation {
  const validate = validator();
  if (validate(value)) return { valid: true, errors: [] };
  return {
    valid: false,
    errors: (validate.errors ?? []).map(error => ({
      path: error.instancePath,
      message: error.message ?? error.keyword,
    })),
  };
}
