/*
 * Copyright The Orchestrator Suite Authors
 *
 * Licensed under the Apache License, Version 2.0.
 */
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import {
  describeIfReference,
  fileLoader,
  findFiles,
  referenceDir,
} from '../__testUtils__/reference';
import { resolveSchemaRefs } from '../workflowDefinition';
import { validateWorkflowResult } from './validateWorkflowResult';

type Schema = Record<string, any>;

/**
 * Instances covering a schema: one with every property, plus one per alternative value
 * (each enum value, each anyOf branch, empty arrays) of each property.
 */
function samples(schema: Schema): unknown[] {
  if (schema.enum) return schema.enum;
  if (schema.anyOf) return schema.anyOf.flatMap(samples);
  switch (schema.type) {
    case 'string':
      return ['text'];
    case 'number':
    case 'integer':
      return [42];
    case 'array': {
      const items = schema.items ? samples(schema.items) : ['item'];
      return [items, []];
    }
    case 'object':
    default: {
      const properties = Object.entries<Schema>(schema.properties ?? {});
      const full = Object.fromEntries(
        properties.map(([key, value]) => [key, samples(value)[0]]),
      );
      const variants = properties.flatMap(([key, value]) =>
        samples(value)
          .slice(1)
          .map(alternative => ({ ...full, [key]: alternative })),
      );
      return [full, ...variants];
    }
  }
}

function enumValues(node: unknown): unknown[] {
  if (Array.isArray(node)) return node.flatMap(enumValues);
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) =>
    key === 'enum' && Array.isArray(value) ? value : enumValues(value),
  );
}

const schemasDir = path.join(referenceDir, 'schemas');

/** The WorkflowResult part of a reference schema file (output schemas wrap it in `result`). */
async function resultSchemaOf(file: string): Promise<Schema> {
  const raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  const dir = path.dirname(file);
  // ref-to-shared points at ../shared/schemas/, which the upstream build copies into each
  // workflow folder; here it is served by the current shared schema.
  const loader = async (location: string) =>
    location.includes('shared/schemas/workflow-result-schema.json')
      ? fs.promises.readFile(
          path.join(schemasDir, 'workflow-result-schema.json'),
          'utf8',
        )
      : fileLoader(dir)(location);
  const resolved = await resolveSchemaRefs<Schema>(raw, { loader });
  return resolved.properties?.result ?? resolved;
}

describeIfReference(
  'validateWorkflowResult against the reference schemas',
  () => {
    const files = findFiles(schemasDir, /\.json$/).filter(
      file =>
        !file.endsWith(
          path.join('ref-to-sibling', 'workflow-result-schema.json'),
        ),
    );

    it('finds every WorkflowResult version', () => {
      expect(files.map(file => path.relative(schemasDir, file))).toEqual(
        expect.arrayContaining([
          'workflow-result-schema.json',
          expect.stringMatching(/^history\/.*no-markdown/),
          expect.stringMatching(/^history\/.*with-completedWith/),
          expect.stringMatching(/inline-result-with-completedWith/),
        ]),
      );
    });

    it.each(files.map(file => [path.relative(schemasDir, file), file]))(
      'accepts every instance %s accepts',
      async (_name, file) => {
        const schema = await resultSchemaOf(file);
        const referenceValidate = new Ajv({ strict: false }).compile(schema);
        const instances = samples(schema);
        expect(instances.length).toBeGreaterThanOrEqual(3);
        // Every enum value of the reference (formats, completedWith) is exercised.
        const covered = JSON.stringify(instances);
        for (const value of enumValues(schema)) {
          expect(covered).toContain(JSON.stringify(value));
        }
        for (const instance of instances) {
          expect(referenceValidate(instance)).toBe(true);
          expect({ instance, ...validateWorkflowResult(instance) }).toEqual({
            instance,
            valid: true,
            errors: [],
          });
        }
      },
    );

    it('accepts the legacy assessment workflowOptions of the reference workflow', async () => {
      const dir = path.join(
        referenceDir,
        'workflows/assessment-with-jq-expression/schemas',
      );
      const schema = await resolveSchemaRefs<Schema>(
        JSON.parse(
          fs.readFileSync(
            path.join(dir, 'workflow-options-output-schema.json'),
            'utf8',
          ),
        ),
        { loader: fileLoader(dir) },
      );
      const { required: _quirk, ...optionsSchema } = schema;
      for (const workflowOptions of samples(optionsSchema)) {
        expect(validateWorkflowResult({ workflowOptions })).toEqual({
          valid: true,
          errors: [],
        });
      }
      // What the workflow's jq writes before the precheck fills it in.
      expect(
        validateWorkflowResult({
          workflowOptions: {
            currentVersion: {},
            upgradeOptions: [],
            migrationOptions: [],
            newOptions: [],
            continuationOptions: [],
            otherOptions: [],
          },
        }).valid,
      ).toBe(true);
    });
  },
);
