/*
 * Copyright The Orchestrator Suite Authors
 *
 * Licensed under the Apache License, Version 2.0.
 */
import express from 'express';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { spec } from './openapi.generated';

// Proves the committed `spec` works with the backend's typed, validating router: at compile
// time (tsc runs over this file) and at run time (express-openapi-validator accepts it).
function createApp() {
  const router = createValidatedOpenApiRouter<typeof spec>(spec);
  router.post('/v2/workflows/instances', (req, res) => {
    const pageSize: number | undefined = req.body?.paginationInfo?.pageSize;
    res.json({
      items: [],
      paginationInfo: { pageSize },
      totalCount: 0,
    });
  });
  router.post('/v2/workflows/:workflowId/execute', (req, res) => {
    const workflowId: string = req.params.workflowId;
    // Compile-time only: these lines prove the handler types come from the spec.
    const typeChecks = () => {
      // @ts-expect-error path parameters are strings
      const wrong: number = req.params.workflowId;
      // @ts-expect-error the body has no such field
      return [wrong, req.body.bogus];
    };
    res.json({ id: `${workflowId}-run`, checked: typeof typeChecks });
  });
  router.get('/v2/workflows/:workflowId/inputSchema', (req, res) => {
    const instanceId: string | undefined = req.query.instanceId;
    res.json({ data: { instanceId } });
  });
  router.post('/v2/workflows/overview', (_req, res) => {
    // @ts-expect-error the answer must be a WorkflowOverviewListResultDTO
    res.json({ overviews: 3 });
  });
  const app = express();
  app.use('/api/orchestrator', router);
  app.use(
    (
      error: Error & { statusCode?: number },
      _req: express.Request,
      res: express.Response,
      _next: express.NextFunction,
    ) => {
      res
        .status(error.name === 'InputError' ? 400 : 500)
        .json({ error: { name: error.name, message: error.message } });
    },
  );
  return app;
}

describe('spec in createValidatedOpenApiRouter', () => {
  let server: Server;
  let baseUrl: string;

  beforeAll(async () => {
    server = createApp().listen(0);
    await new Promise(resolve => server.once('listening', resolve));
    baseUrl = `http://127.0.0.1:${
      (server.address() as AddressInfo).port
    }/api/orchestrator`;
  });
  afterAll(() => new Promise(resolve => server.close(resolve)));

  const post = (route: string, body: unknown) =>
    fetch(`${baseUrl}${route}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('accepts a valid request with a recursive filter', async () => {
    const response = await post('/v2/workflows/instances', {
      paginationInfo: { pageSize: 5, orderDirection: 'DESC' },
      filters: {
        operator: 'AND',
        filters: [
          { field: 'state', operator: 'IN', value: ['ACTIVE'] },
          {
            field: 'variables',
            nested: { field: 'targetEntity', operator: 'EQ', value: 'c' },
          },
        ],
      },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      paginationInfo: { pageSize: 5 },
    });
  });

  it('answers 400 naming the field for a bad operator deep in the filter tree', async () => {
    const response = await post('/v2/workflows/instances', {
      filters: {
        operator: 'AND',
        filters: [{ field: 'state', operator: 'DROP', value: 'x' }],
      },
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toContain('/body/filters');
  });

  it('answers 400 for unknown body fields and bad path parameters', async () => {
    expect(
      (await post('/v2/workflows/greeting/execute', { inputs: {} })).status,
    ).toBe(400);
    expect(
      (await post('/v2/workflows/bad%20id/execute', { inputData: {} })).status,
    ).toBe(400);
    const ok = await post('/v2/workflows/greeting/execute', {
      inputData: { language: 'English' },
    });
    expect(await ok.json()).toMatchObject({ id: 'greeting-run' });
  });

  it('validates query parameters', async () => {
    const ok = await fetch(
      `${baseUrl}/v2/workflows/greeting/inputSchema?instanceId=abc-1`,
    );
    expect(await ok.json()).toEqual({ data: { instanceId: 'abc-1' } });
    const unknown = await fetch(
      `${baseUrl}/v2/workflows/greeting/inputSchema?other=1`,
    );
    expect(unknown.status).toBe(400);
  });
});
