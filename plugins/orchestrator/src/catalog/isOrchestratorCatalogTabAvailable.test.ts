import { Entity } from '@backstage/catalog-model';
import {
  IsOrchestratorCatalogTabAvailable,
  parseWorkflowsAnnotation,
} from './isOrchestratorCatalogTabAvailable';

const withAnnotation = (value?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'x',
    annotations:
      value === undefined ? {} : { 'orchestrator.io/workflows': value },
  },
});

// the export name is fixed by RHDH dynamic-plugin config; call it by a camelCase alias
const isAvailable = IsOrchestratorCatalogTabAvailable;

describe('IsOrchestratorCatalogTabAvailable', () => {
  it('is true with the annotation, even empty, and false without', () => {
    expect(isAvailable(withAnnotation('["a"]'))).toBe(true);
    expect(isAvailable(withAnnotation('[]'))).toBe(true);
    expect(isAvailable(withAnnotation())).toBe(false);
  });
});

describe('parseWorkflowsAnnotation', () => {
  it('reads JSON lists and the unquoted upstream form', () => {
    expect(
      parseWorkflowsAnnotation(withAnnotation('["greeting", "deploy"]')),
    ).toEqual(['greeting', 'deploy']);
    expect(
      parseWorkflowsAnnotation(withAnnotation('[greeting, deploy]')),
    ).toEqual(['greeting', 'deploy']);
    expect(parseWorkflowsAnnotation(withAnnotation('[]'))).toEqual([]);
    expect(parseWorkflowsAnnotation(withAnnotation(' '))).toEqual([]);
  });
});
