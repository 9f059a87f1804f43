/*
 * Copyright The Orchestrator Suite Authors
 *
 * Licensed under the Apache License, Version 2.0.
 */
import { appUrl, routePaths } from './routePaths';

describe('routePaths', () => {
  it('builds the page paths the frontend routes declare, with ids encoded', () => {
    expect(routePaths.workflows()).toBe('/orchestrator');
    expect(routePaths.workflow('greeting')).toBe(
      '/orchestrator/workflows/greeting',
    );
    expect(routePaths.executeWorkflow('a b')).toBe(
      '/orchestrator/workflows/a%20b/execute',
    );
    expect(routePaths.instance('3f5c/1')).toBe(
      '/orchestrator/instances/3f5c%2F1',
    );
  });

  it('routes an entity like the catalog: kind and namespace lower-cased, name as is', () => {
    expect(
      routePaths.catalogEntity({
        kind: 'Component',
        namespace: 'Default',
        name: 'Payments-API',
      }),
    ).toBe('/catalog/default/component/Payments-API');
  });

  it('joins a base URL with or without a trailing slash', () => {
    expect(appUrl('https://portal.example.com/', '/orchestrator')).toBe(
      'https://portal.example.com/orchestrator',
    );
    expect(appUrl('http://localhost:3000', routePaths.instance('x'))).toBe(
      'http://localhost:3000/orchestrator/instances/x',
    );
  });
});
