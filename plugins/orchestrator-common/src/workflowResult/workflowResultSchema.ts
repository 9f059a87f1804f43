/*
 * Copyright The Orchestrator Suite Authors
 *
 * Licensed under the Apache License, Version 2.0.
 */

// Written for this package as the union of every WorkflowResult shape workflows have produced:
// the current one (message, nextWorkflows, outputs with markdown), the 2025 one without
// markdown, the pre-2025 one with completedWith (error|success|warning), and legacy assessment
// `workflowOptions`. Unknown properties are allowed so newer workflows still validate.

const workflowSuggestion = {
  type: 'object',
  required: ['id', 'name'],
  properties: {
    id: { type: 'string', description: 'Workflow id to launch' },
    name: { type: 'string', description: 'Human readable title' },
  },
} as const;

// Legacy assessment workflows write `currentVersion: {}` as a placeholder, so an empty
// object is accepted where a single option is expected.
const workflowOption = {
  anyOf: [workflowSuggestion, { type: 'object', maxProperties: 0 }],
} as const;

const workflowOptionGroup = {
  anyOf: [workflowOption, { type: 'array', items: workflowSuggestion }],
} as const;

/** Names of the legacy assessment option groups, in display order. @public */
export const WORKFLOW_OPTION_GROUPS = [
  'currentVersion',
  'upgradeOptions',
  'migrateOptions',
  'migrationOptions',
  'newOptions',
  'continuationOptions',
  'otherOptions',
] as const;

/**
 * JSON Schema (draft-07) accepting every WorkflowResult version.
 * @public
 */
export const workflowResultSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'WorkflowResult',
  description: 'What a workflow reports in workflowdata.result',
  type: 'object',
  properties: {
    message: { type: 'string', description: 'Summary for humans' },
    nextWorkflows: {
      type: 'array',
      description: 'Workflows suggested to run next, highest priority first',
      items: workflowSuggestion,
    },
    outputs: {
      type: 'array',
      items: {
        type: 'object',
        required: ['key', 'value'],
        properties: {
          key: { type: 'string' },
          value: {
            anyOf: [
              { type: 'string' },
              { type: 'number' },
              { type: 'boolean' },
              { type: 'object' },
              { type: 'array' },
            ],
          },
          format: {
            type: 'string',
            enum: ['text', 'number', 'link', 'markdown'],
          },
        },
      },
    },
    completedWith: {
      type: 'string',
      description: 'Legacy (until 2025-01)',
      enum: ['error', 'success', 'warning'],
    },
    workflowOptions: {
      type: 'object',
      description: 'Legacy assessment result',
      properties: Object.fromEntries(
        WORKFLOW_OPTION_GROUPS.map(group => [group, workflowOptionGroup]),
      ),
    },
  },
} as const;
