/*
 * Copyright The Orchestrator Suite Authors
 *
 * Licensed under the Apache License, Version 2.0.
 */
import { InputError } from '@backstage/errors';
import yaml from 'js-yaml';
import type { WorkflowCategoryDTO, WorkflowFormatDTO } from '../openapi/dtos';

/** Where a workflow's input schema is and whether the runtime enforces it. @public */
export interface WorkflowDataInputSchema {
  /** A location relative to the workflow (string form) */
  location?: string;
  /** An inline schema (object form with an object `schema`) */
  schema?: Record<string, unknown>;
  /** From the object form; SonataFlow's default is true */
  failOnValidationErrors: boolean;
}

/** What the Orchestrator reads from a Serverless Workflow definition. @public */
export interface WorkflowDefinitionInfo {
  id: string;
  name?: string;
  version?: string;
  description?: string;
  /** Not reliable: some 0.8 definitions say '1.0' */
  specVersion?: string;
  format: WorkflowFormatDTO;
  annotations: string[];
  /** From the legacy `workflow-type/assessment|infrastructure` annotation */
  category?: WorkflowCategoryDTO;
  dataInputSchema?: WorkflowDataInputSchema;
  /** `outputSchema` of the `workflow-output-schema` extension: a location or an inline schema */
  outputSchema?: string | Record<string, unknown>;
  /** The whole parsed definition */
  definition: Record<string, unknown>;
}

const WORKFLOW_FILE = /\.sw\.(ya?ml|json)$/i;

/**
 * The format of a workflow file from its name (`.sw.yaml`, `.sw.yml`, `.sw.json`), or
 * undefined when it is not a workflow file.
 * @public
 */
export function workflowFormatFromPath(
  filePath: string,
): WorkflowFormatDTO | undefined {
  const match = WORKFLOW_FILE.exec(filePath);
  if (!match) return undefined;
  return match[1].toLowerCase() === 'json' ? 'json' : 'yaml';
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const optionalString = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number'
    ? String(value)
    : undefined;

function categoryOf(annotations: string[]): WorkflowCategoryDTO | undefined {
  if (annotations.includes('workflow-type/assessment')) return 'assessment';
  if (annotations.includes('workflow-type/infrastructure')) {
    return 'infrastructure';
  }
  return undefined;
}

function dataInputSchemaOf(
  value: unknown,
): WorkflowDataInputSchema | undefined {
  if (typeof value === 'string') {
    return { location: value, failOnValidationErrors: true };
  }
  if (!isObject(value)) return undefined;
  const failOnValidationErrors = value.failOnValidationErrors !== false;
  if (typeof value.schema === 'string') {
    return { location: value.schema, failOnValidationErrors };
  }
  if (isObject(value.schema)) {
    return { schema: value.schema, failOnValidationErrors };
  }
  return undefined;
}

function outputSchemaOf(extensions: unknown) {
  if (!Array.isArray(extensions)) return undefined;
  const extension = extensions.find(
    item => isObject(item) && item.extensionid === 'workflow-output-schema',
  );
  const outputSchema = extension?.outputSchema;
  return typeof outputSchema === 'string' || isObject(outputSchema)
    ? outputSchema
    : undefined;
}

function parseText(text: string, format: WorkflowFormatDTO) {
  try {
    return format === 'json' ? JSON.parse(text) : yaml.load(text);
  } catch (error) {
    throw new InputError(
      `Workflow definition is not valid ${format.toUpperCase()}: ${
        (error as Error).message
      }`,
    );
  }
}

/**
 * Parses a `.sw.yaml` / `.sw.yml` / `.sw.json` definition and reads what the Orchestrator
 * needs. The format is guessed from the text when not given. Throws InputError when the text
 * does not parse or has no `id`.
 * @public
 */
export function parseWorkflowDefinition(
  text: string,
  format?: WorkflowFormatDTO,
): WorkflowDefinitionInfo {
  const actualFormat = format ?? (/^\s*\{/.test(text) ? 'json' : 'yaml');
  const definition = parseText(text, actualFormat);
  if (!isObject(definition)) {
    throw new InputError('Workflow definition must be an object');
  }
  const id = optionalString(definition.id);
  if (!id) throw new InputError('Workflow definition has no id');
  const annotations = Array.isArray(definition.annotations)
    ? definition.annotations.filter(
        (item): item is string => typeof item === 'string',
      )
    : [];
  return {
    id,
    name: optionalString(definition.name),
    version: optionalString(definition.version),
    description: optionalString(definition.description),
    specVersion: optionalString(definition.specVersion),
    format: actualFormat,
    annotations,
    category: categoryOf(annotations),
    dataInputSchema: dataInputSchemaOf(definition.dataInputSchema),
    outputSchema: outputSchemaOf(definition.extensions),
    definition,
  };
}
