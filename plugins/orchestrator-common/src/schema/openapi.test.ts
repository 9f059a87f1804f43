/*
 * Copyright The Orchestrator Suite Authors
 *
 * Licensed under the Apache License, Version 2.0.
 */
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import SwaggerParser from '@apidevtools/swagger-parser';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { spec } from '../generated/openapi.generated';

type Json = Record<string, any>;

const document = yaml.load(
  fs.readFileSync(path.join(__dirname, 'openapi.yaml'), 'utf8'),
) as Json;

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const operations = Object.entries(document.paths as Json).flatMap(
  ([route, item]) =>
    METHODS.filter(method => item[method]).map(method => ({
      route,
      method,
      operation: item[method] as Json,
    })),
);

const ROOT = 'https://orchestrator.invalid/openapi.json';

/** Points `#/components/...` refs at the registered document so inline schemas compile. */
function rebase(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rebase);
  if (node && typeof node === 'object') {
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) =>
        key === '$ref' && typeof value === 'string' && value.startsWith('#/')
          ? [key, `${ROOT}${value}`]
          : [key, rebase(value)],
      ),
    );
  }
  return node;
}

function createAjv() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  ajv.addKeyword('example');
  ajv.addVocabulary(['components']);
  ajv.addSchema({ $id: ROOT, components: rebase(document.components) }, ROOT);
  return ajv;
}

function resolve<T extends Json>(node: T): T {
  if (typeof node?.$ref !== 'string') return node;
  const target = node.$ref
    .slice(2)
    .split('/')
    .reduce((value: Json, key: string) => value[key], document);
  return resolve(target as T);
}

describe('src/schema/openapi.yaml', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const api = await SwaggerParser.validate(structuredClone(document) as any);
    expect((api as Json).openapi).toBe('3.1.0');
    expect(document.info.title).toBe('Orchestrator API');
    expect(document.servers).toEqual([{ url: '/api/orchestrator' }]);
  });

  it('is what the generated `spec` holds, with servers relative to the mount point', () => {
    expect(spec).toEqual({ ...document, servers: [{ url: '/' }] });
  });

  it('has the operationIds of the agreed contract, each once', () => {
    const ids = operations.map(({ operation }) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(
      [
        'getWorkflowsOverview',
        'getWorkflowsOverviewForEntity',
        'getWorkflowNames',
        'getWorkflowOverviewById',
        'getWorkflowSourceById',
        'getWorkflowInputSchemaById',
        'pingWorkflowServiceById',
        'getWorkflowAvailability',
        'getWorkflowRunStats',
        'getInstances',
        'getWorkflowInstances',
        'getInstancesForEntity',
        'getInstanceById',
        'getWorkflowLogById',
        'getWorkflowStatuses',
        'executeWorkflow',
        'retriggerInstance',
        'abortWorkflow',
        'rerunInstance',
        'abortInstances',
        'retriggerInstances',
        'getHealthDetails',
        'getWorkflowLoadProblems',
      ].sort(),
    );
  });

  it('names the DTOs of the contract', () => {
    expect(Object.keys(document.components.schemas)).toEqual(
      expect.arrayContaining([
        'SearchRequest',
        'PaginationInfoDTO',
        'Filter',
        'LogicalFilter',
        'FieldFilter',
        'NestedFilter',
        'WorkflowOverviewDTO',
        'WorkflowOverviewListResultDTO',
        'InputSchemaResponseDTO',
        'WorkflowAvailabilityResponseDTO',
        'WorkflowRunStatsDTO',
        'ProcessInstanceDTO',
        'ProcessInstanceListResultDTO',
        'ProcessInstanceStatusDTO',
        'NodeInstanceDTO',
        'WorkflowResultDTO',
        'WorkflowRunStatusDTO',
        'ExecuteWorkflowRequestDTO',
        'ExecuteWorkflowResponseDTO',
        'BulkActionResultDTO',
        'ErrorResponse',
        'InstanceSignalPayload',
        'WorkflowLogsResponse',
      ]),
    );
  });

  describe.each(operations)('$method $route', ({ operation }) => {
    const ajv = createAjv();
    const check = (schema: Json, example: unknown) => {
      const validate = ajv.compile(rebase(schema) as Json);
      const valid = validate(example);
      return valid ? [] : validate.errors;
    };

    it('has an example for every parameter, body and response, each valid', () => {
      const examples: Array<{ where: string; schema: Json; example: unknown }> =
        [];
      for (const parameter of (operation.parameters ?? []).map(resolve)) {
        examples.push({
          where: `parameter ${parameter.name}`,
          schema: parameter.schema,
          example: parameter.example,
        });
      }
      const body = operation.requestBody && resolve(operation.requestBody);
      for (const [type, media] of Object.entries<Json>(body?.content ?? {})) {
        examples.push({
          where: `request ${type}`,
          schema: media.schema,
          example: media.example,
        });
      }
      for (const [status, response] of Object.entries<Json>(
        operation.responses,
      )) {
        const content = resolve(response).content ?? {};
        for (const [type, media] of Object.entries<Json>(content)) {
          examples.push({
            where: `response ${status} ${type}`,
            schema: media.schema,
            example: media.example,
          });
        }
      }
      expect(Object.keys(operation.responses)).toContain('200');
      for (const { where, schema, example } of examples) {
        expect({ where, defined: example !== undefined }).toEqual({
          where,
          defined: true,
        });
        expect({ where, errors: check(schema, example) }).toEqual({
          where,
          errors: [],
        });
      }
    });
  });

  it('validates the signal payload example', () => {
    const ajv = createAjv();
    const schema = document.components.schemas.InstanceSignalPayload;
    expect(
      ajv.validate(
        `${ROOT}#/components/schemas/InstanceSignalPayload`,
        schema.example,
      ),
    ).toBe(true);
  });

  it('rejects what the contract forbids', () => {
    const ajv = createAjv();
    const valid = (name: string, value: unknown) =>
      ajv.validate(`${ROOT}#/components/schemas/${name}`, value);
    expect(
      valid('SearchRequest', {
        filters: {
          operator: 'AND',
          filters: [
            { field: 'state', operator: 'IN', value: ['ACTIVE'] },
            {
              field: 'variables',
              nested: { field: 'initiatorEntity', operator: 'EQ', value: 'u' },
            },
          ],
        },
      }),
    ).toBe(true);
    expect(
      valid('SearchRequest', {
        filters: { field: 'state', operator: 'DROP TABLE', value: 'x' },
      }),
    ).toBe(false);
    expect(
      valid('SearchRequest', { filters: { field: 'a b', operator: 'EQ' } }),
    ).toBe(false);
    expect(valid('PaginationInfoDTO', { pageSize: 10, extra: 1 })).toBe(false);
    expect(valid('ProcessInstanceStatusDTO', 'RUNNING')).toBe(false);
    expect(valid('WorkflowId', '../etc')).toBe(false);
  });
});
