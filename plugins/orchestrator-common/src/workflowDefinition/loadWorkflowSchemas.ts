/*
 * Copyright The Orchestrator Suite Authors
 *
 * Licensed under the Apache License, Version 2.0.
 */
import { InputError } from '@backstage/errors';
import type { WorkflowDefinitionInfo } from './parseWorkflowDefinition';
import {
  parseDocument,
  resolveSchemaRefs,
  SchemaLoader,
} from './resolveSchemaRefs';
import { dirnameOf, joinLocation } from './schemaPaths';

/** @public */
export interface LoadWorkflowSchemaOptions {
  loader: SchemaLoader;
  /** Location of the workflow file itself, when it is not at the loader's root */
  workflowLocation?: string;
}

async function loadSchema(
  reference: string | Record<string, unknown>,
  options: LoadWorkflowSchemaOptions,
): Promise<Record<string, unknown>> {
  const baseDir = dirnameOf(options.workflowLocation ?? '');
  if (typeof reference !== 'string') {
    return resolveSchemaRefs(reference, {
      loader: options.loader,
      location: joinLocation(baseDir, 'workflow'),
    });
  }
  const location = joinLocation(baseDir, reference);
  let loaded: unknown;
  try {
    loaded = await options.loader(location);
  } catch (error) {
    throw new InputError(
      `Cannot load schema ${location}: ${(error as Error)?.message ?? error}`,
    );
  }
  return resolveSchemaRefs(parseDocument(loaded, location), {
    loader: options.loader,
    location,
  });
}

/**
 * The workflow's `dataInputSchema` with every `$ref` resolved, or undefined when it has none.
 * @public
 */
export async function loadWorkflowInputSchema(
  workflow: WorkflowDefinitionInfo,
  options: LoadWorkflowSchemaOptions,
): Promise<Record<string, unknown> | undefined> {
  const input = workflow.dataInputSchema;
  const reference = input?.schema ?? input?.location;
  return reference ? loadSchema(reference, options) : undefined;
}

/**
 * The schema of the `workflow-output-schema` extension with every `$ref` resolved, or
 * undefined when the workflow declares none.
 * @public
 */
export async function loadWorkflowOutputSchema(
  workflow: WorkflowDefinitionInfo,
  options: LoadWorkflowSchemaOptions,
): Promise<Record<string, unknown> | undefined> {
  return workflow.outputSchema
    ? loadSchema(workflow.outputSchema, options)
    : undefined;
}
