/*
 * Copyright The Orchestrator Suite Authors
 *
 * Licensed under the Apache License, Version 2.0.
 */
import { InputError } from '@backstage/errors';
import {
  parseWorkflowDefinition,
  workflowFormatFromPath,
} from './parseWorkflowDefinition';

describe('parseWorkflowDefinition', () => {
  it('reads YAML and the inline object form of dataInputSchema', () => {
    const workflow = parseWorkflowDefinition(
      [
        'id: hello',
        'version: 1.0',
        'name: Hello',
        'annotations: ["workflow-type/assessment", 3]',
        'dataInputSchema:',
        '  schema: {type: object}',
        '  failOnValidationErrors: true',
      ].join('\n'),
    );
    expect(workflow).toMatchObject({
      id: 'hello',
      version: '1',
      name: 'Hello',
      format: 'yaml',
      annotations: ['workflow-type/assessment'],
      category: 'assessment',
      dataInputSchema: {
        schema: { type: 'object' },
        failOnValidationErrors: true,
      },
    });
    expect(workflow.outputSchema).toBeUndefined();
  });

  it('throws InputError for unparsable text and for definitions without id', () => {
    expect(() => parseWorkflowDefinition('{"id": ', 'json')).toThrow(
      InputError,
    );
    expect(() => parseWorkflowDefinition('name: x')).toThrow(/no id/);
    expect(() => parseWorkflowDefinition('- a')).toThrow(/must be an object/);
  });
});

describe('workflowFormatFromPath', () => {
  it('knows the three workflow file suffixes', () => {
    expect(workflowFormatFromPath('a/b.sw.yaml')).toBe('yaml');
    expect(workflowFormatFromPath('b.sw.yml')).toBe('yaml');
    expect(workflowFormatFromPath('b.SW.JSON')).toBe('json');
    expect(
      workflowFormatFromPath('schemas/b.sw.input-schema.json'),
    ).toBeUndefined();
  });
});
