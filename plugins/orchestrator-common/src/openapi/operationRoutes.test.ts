/*
 * Copyright The Orchestrator Suite Authors
 *
 * Licensed under the Apache License, Version 2.0.
 */
import { spec } from '../generated/openapi.generated';
import { operationRoutes } from './operationRoutes';

describe('operationRoutes', () => {
  it('names every operation of the document with its method, path and answer type', () => {
    const fromDocument = Object.entries(
      spec.paths as unknown as Record<string, Record<string, any>>,
    ).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([, operation]) => operation?.operationId)
        .map(([method, operation]) => ({
          operationId: operation.operationId,
          method,
          path,
          responseType:
            'application/json' in (operation.responses?.['200']?.content ?? {})
              ? 'json'
              : 'text',
        })),
    );
    expect([...operationRoutes].sort(byId)).toEqual(fromDocument.sort(byId));
  });
});

function byId(a: { operationId: string }, b: { operationId: string }) {
  return a.operationId.localeCompare(b.operationId);
}
