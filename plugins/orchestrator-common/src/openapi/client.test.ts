/*
 * Copyright The Orchestrator Suite Authors
 *
 * Licensed under the Apache License, Version 2.0.
 */
import { ResponseError } from '@backstage/errors';
import { createOrchestratorClient } from './client';
import { operationRoutes } from './operationRoutes';
import type { WorkflowOverviewDTO } from './dtos';

type Call = { url: string; init: RequestInit };

function fakeFetch(
  answer: (call: Call) => { status?: number; body: unknown; text?: boolean },
) {
  const calls: Call[] = [];
  const fn = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const { status = 200, body, text } = answer({ url, init });
    return new Response(text ? String(body) : JSON.stringify(body), {
      status,
      statusText: status === 200 ? 'OK' : 'Bad Request',
      headers: {
        'Content-Type': text ? 'text/plain' : 'application/json',
      },
    });
  }) as unknown as typeof fetch;
  return { fn, calls };
}

describe('createOrchestratorClient', () => {
  it('has one method per operationId of the spec', () => {
    const client = createOrchestratorClient({ baseUrl: 'http://x' });
    const ids = operationRoutes.map(route => route.operationId);
    // 23 operations since getWorkflowLogById
    expect(ids).toHaveLength(23);
    for (const id of ids) {
      expect(typeof (client as Record<string, unknown>)[id]).toBe('function');
    }
  });

  it('fills path parameters, encodes them and posts the JSON body', async () => {
    const { fn, calls } = fakeFetch(() => ({ body: { id: 'run-1' } }));
    const client = createOrchestratorClient({
      baseUrl: async () => 'http://backend/api/orchestrator/',
      fetch: fn,
    });
    const result = await client.executeWorkflow({
      path: { workflowId: 'my flow' },
      body: { inputData: { language: 'English' } },
    });
    const id: string = result.id;
    expect(id).toBe('run-1');
    expect(calls[0].url).toBe(
      'http://backend/api/orchestrator/v2/workflows/my%20flow/execute',
    );
    expect(calls[0].init.method).toBe('POST');
    expect(JSON.parse(String(calls[0].init.body))).toEqual({
      inputData: { language: 'English' },
    });
    expect(calls[0].init.headers).toEqual({
      'Content-Type': 'application/json',
    });
  });

  it('adds query parameters and skips undefined ones', async () => {
    const { fn, calls } = fakeFetch(() => ({ body: {} }));
    const client = createOrchestratorClient({ baseUrl: 'http://b', fetch: fn });
    await client.getWorkflowInputSchemaById({
      path: { workflowId: 'greeting' },
      query: { instanceId: 'abc' },
    });
    await client.getWorkflowInputSchemaById({
      path: { workflowId: 'greeting' },
      query: { instanceId: undefined },
    });
    expect(calls.map(c => c.url)).toEqual([
      'http://b/v2/workflows/greeting/inputSchema?instanceId=abc',
      'http://b/v2/workflows/greeting/inputSchema',
    ]);
    expect(calls[0].init.body).toBeUndefined();
  });

  it('sends a boolean query parameter as true/false (the logs of a run)', async () => {
    const { fn, calls } = fakeFetch(() => ({
      body: { instanceId: 'run 1', logs: [{ id: '1', log: 'line' }] },
    }));
    const client = createOrchestratorClient({ baseUrl: 'http://b', fetch: fn });
    const answer = await client.getWorkflowLogById({
      path: { instanceId: 'run 1' },
      query: { rawlog: true },
    });
    expect(answer.logs.map(l => l.log)).toEqual(['line']);
    expect(calls[0].url).toBe(
      'http://b/v2/workflows/instances/run%201/logs?rawlog=true',
    );
  });

  it('reads text/plain answers as text', async () => {
    const { fn } = fakeFetch(() => ({ body: 'id: greeting', text: true }));
    const client = createOrchestratorClient({ baseUrl: 'http://b', fetch: fn });
    const source: string = await client.getWorkflowSourceById({
      path: { workflowId: 'greeting' },
    });
    expect(source).toBe('id: greeting');
  });

  it('lets operations with an optional body be called without options', async () => {
    const overview: WorkflowOverviewDTO = { workflowId: 'w', format: 'yaml' };
    const { fn, calls } = fakeFetch(() => ({
      body: { overviews: [overview], paginationInfo: {}, totalCount: 1 },
    }));
    const client = createOrchestratorClient({ baseUrl: 'http://b', fetch: fn });
    const page = await client.getWorkflowsOverview();
    expect(page.overviews[0].workflowId).toBe('w');
    expect(calls[0].init.body).toBeUndefined();
  });

  it('rejects with a ResponseError that carries the field paths of a 400', async () => {
    const { fn } = fakeFetch(() => ({
      status: 400,
      body: {
        error: {
          name: 'InputError',
          message: 'Invalid input',
          details: [{ path: '/inputData/language', message: 'must be one of' }],
        },
        response: { statusCode: 400 },
      },
    }));
    const client = createOrchestratorClient({ baseUrl: 'http://b', fetch: fn });
    const failure = client
      .executeWorkflow({ path: { workflowId: 'greeting' }, body: {} })
      .catch(e => e);
    const error = await failure;
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(400);
    expect(error.body.error.details[0].path).toBe('/inputData/language');
  });

  it('is typed from the spec', () => {
    const client = createOrchestratorClient({ baseUrl: 'http://b' });
    // Compile-time checks (tsc runs over tests); the calls are never awaited.
    const typed = () => {
      // @ts-expect-error path parameters are required
      client.getInstanceById();
      // @ts-expect-error the body must match AbortInstances' InstanceIdsRequestDTO
      client.abortInstances({ body: { ids: ['a'] } });
      client.abortInstances({ body: { instanceIds: ['a'] } });
      // @ts-expect-error executeWorkflow's body is required
      client.executeWorkflow({ path: { workflowId: 'w' } });
      client.getWorkflowsOverview();
    };
    expect(typeof typed).toBe('function');
  });
});
