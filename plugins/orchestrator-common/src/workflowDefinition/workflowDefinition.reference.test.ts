/*
 * Copyright The Orchestrator Suite Authors
 *
 * Licensed under the Apache License, Version 2.0.
 */
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import {
  describeIfReference,
  fileLoader,
  findFiles,
  referenceDir,
} from '../__testUtils__/reference';
import {
  parseWorkflowDefinition,
  workflowFormatFromPath,
} from './parseWorkflowDefinition';
import {
  loadWorkflowInputSchema,
  loadWorkflowOutputSchema,
} from './loadWorkflowSchemas';
import { validateWorkflowResult } from '../workflowResult';

const workflowsDir = path.join(referenceDir, 'workflows');
const workflowFiles = findFiles(workflowsDir, /\.sw\.(ya?ml|json)$/);

// What each reference workflow must yield; a new reference workflow fails until listed here.
const expected: Record<string, object> = {
  'basic-flat': { name: 'basic-flat', version: '1.0', category: undefined },
  'assessment-with-jq-expression': {
    name: 'Assessment with jq expression',
    version: '0.0.1',
    category: 'assessment',
  },
  'dummy-infra-workflow-option': {
    name: 'Dummy infra workflow option',
    category: 'infrastructure',
  },
  preCheck: { name: 'PreCheck', version: '0.0.1', category: undefined },
  'create-ocp-project': {
    name: 'Create OpenShift Project',
    description: 'Creating an OpenShift Project',
  },
  greeting: {
    name: 'Greeting workflow',
    version: '1.0',
    specVersion: '1.0',
    description: 'YAML based greeting workflow',
    annotations: ['workflow-type/infrastructure'],
    category: 'infrastructure',
    dataInputSchema: {
      location: 'schemas/greeting.sw.input-schema.json',
      failOnValidationErrors: true,
    },
    outputSchema: 'schemas/workflow-output-schema.json',
  },
  'mtv-plan': { category: 'assessment', version: '1.0' },
  'test-object-type-uiprops': { category: 'infrastructure' },
};

function createAjv() {
  // Input schemas carry ui:* keywords for the form; they are not validation keywords.
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv;
}

const hasRef = (node: unknown): boolean =>
  JSON.stringify(node ?? null).includes('"$ref"');

describeIfReference('reference workflows', () => {
  it('are all found', () => {
    expect(workflowFiles.length).toBeGreaterThanOrEqual(8);
  });

  describe.each(
    workflowFiles.map(file => [path.relative(workflowsDir, file), file]),
  )('%s', (_name, file) => {
    const text = fs.readFileSync(file, 'utf8');
    const format = workflowFormatFromPath(file)!;
    const workflow = parseWorkflowDefinition(text, format);
    const loader = fileLoader(path.dirname(file));

    it('parses, with the fields the Orchestrator reads', () => {
      expect(format).toBe('yaml');
      expect(parseWorkflowDefinition(text).format).toBe('yaml');
      expect(Object.keys(expected)).toContain(workflow.id);
      expect(workflow).toMatchObject(expected[workflow.id]);
      expect(Array.isArray(workflow.annotations)).toBe(true);
    });

    it('has an input schema that resolves completely and compiles (or none)', async () => {
      const schema = await loadWorkflowInputSchema(workflow, { loader });
      expect(schema === undefined).toBe(workflow.dataInputSchema === undefined);
      expect(hasRef(schema)).toBe(false);
      const validate = schema && createAjv().compile(schema);
      // Every input schema here is an object schema; a string is never valid input.
      expect(validate ? validate('not an object') : false).toBe(false);
    });

    it('has an output schema that resolves and accepts a WorkflowResult (or none)', async () => {
      const schema = await loadWorkflowOutputSchema(workflow, { loader });
      expect(schema === undefined).toBe(workflow.outputSchema === undefined);
      expect(hasRef(schema)).toBe(false);
      const result = {
        message: 'done',
        nextWorkflows: [{ id: 'next', name: 'Next' }],
        outputs: [
          { key: 'Link', value: 'https://example.com', format: 'link' },
        ],
      };
      // The legacy options schema describes the option groups at its root yet requires a
      // `workflowOptions` property (a known quirk of the reference file), so both are given.
      const output =
        workflow.id === 'assessment-with-jq-expression'
          ? {
              currentVersion: { id: 'a', name: 'A' },
              upgradeOptions: [],
              workflowOptions: {},
            }
          : { result };
      expect(schema ? createAjv().compile(schema)(output) : true).toBe(true);
      expect(validateWorkflowResult(result).valid).toBe(true);
    });
  });

  it('reads the object form of dataInputSchema and inline output schemas', () => {
    const workflow = parseWorkflowDefinition(
      JSON.stringify({
        id: 'x',
        dataInputSchema: {
          schema: 'schemas/in.json',
          failOnValidationErrors: false,
        },
        extensions: [
          { extensionid: 'workflow-uri-definitions', definitions: {} },
          {
            extensionid: 'workflow-output-schema',
            outputSchema: { type: 'object' },
          },
        ],
      }),
    );
    expect(workflow.format).toBe('json');
    expect(workflow.dataInputSchema).toEqual({
      location: 'schemas/in.json',
      failOnValidationErrors: false,
    });
    expect(workflow.outputSchema).toEqual({ type: 'object' });
  });
});
