import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { orchestratorWorkflowLoadProblemsServiceRef } from '@orchestrator-suite/backstage-plugin-orchestrator-node';
import {
  RunningStandin,
  startStandin,
} from '@orchestrator-suite/sonataflow-standin';
import { BOB, Harness, Policy, startHarness } from './__testUtils__/harness';

jest.setTimeout(120_000);

const ROUTE = '/api/orchestrator/v2/workflows/loadProblems';

/** Admin (orchestrator.workflowAdminView) is ANN; BOB may read and run workflows, nothing more. */
const adminIsAnn: Policy = (permission, user) =>
  permission.name === 'orchestrator.workflowAdminView' &&
  user !== 'user:default/ann'
    ? AuthorizeResult.DENY
    : AuthorizeResult.ALLOW;

/** A workflows folder with one good workflow and one the stand-in refuses to load. */
function workflowsFolder() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'load-problems-'));
  fs.writeFileSync(
    path.join(dir, 'good.sw.yaml'),
    [
      'id: good',
      'specVersion: "0.8"',
      'version: "1.0"',
      'start: Hello',
      'states:',
      '  - name: Hello',
      '    type: inject',
      '    data: { hello: world }',
      '    end: true',
    ].join('\n'),
  );
  fs.writeFileSync(
    path.join(dir, 'broken.sw.yaml'),
    [
      'id: broken',
      'specVersion: "0.8"',
      'version: "1.0"',
      'start: Work',
      'states:',
      '  - name: Work',
      '    type: inject',
      '    data: {}',
      '    transition: Nowhere',
    ].join('\n'),
  );
  return dir;
}

describe('GET /v2/workflows/loadProblems', () => {
  describe('against a stand-in that could not load a workflow', () => {
    let h: Harness;
    let workflows: RunningStandin;
    let dir: string;

    beforeAll(async () => {
      dir = workflowsFolder();
      workflows = await startStandin({ workflowsDir: dir });
      h = await startHarness({
        config: { loadProblems: { url: workflows.url, cacheSeconds: 0 } },
      });
      h.setPolicy(adminIsAnn);
    });
    afterAll(async () => {
      await h?.close();
      await workflows?.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('tells an admin which workflow failed to load and why', async () => {
      const res = await h.request.get(ROUTE).set(h.asUser());
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        problems: [
          {
            workflowId: 'broken',
            file: path.join(dir, 'broken.sw.yaml'),
            message: expect.stringContaining("'Nowhere'"),
          },
        ],
      });
      // The same reason the stand-in logs and lists.
      expect(res.body.problems[0].message).toBe(workflows.problems[0].message);
    });

    it('answers 403 to everyone else, without any reason', async () => {
      const res = await h.request.get(ROUTE).set(h.asUser(BOB));
      expect(res.status).toBe(403);
      expect(JSON.stringify(res.body)).not.toContain('broken');
      expect(JSON.stringify(res.body)).not.toContain('Nowhere');
      expect(res.body.error.message).toBe(
        'Unauthorized: workflow load problems need orchestrator.workflowAdminView',
      );
    });

    it('answers 401 without credentials', async () => {
      expect((await h.request.get(ROUTE)).status).toBe(401);
    });
  });

  describe('against a runtime without the endpoint (a real Data Index)', () => {
    let h: Harness;
    let server: http.Server;
    const asked: string[] = [];

    beforeAll(async () => {
      server = http.createServer((req, res) => {
        asked.push(req.url ?? '');
        res.writeHead(404).end('Not Found');
      });
      await new Promise<void>(r => server.listen(0, '127.0.0.1', () => r()));
      const { port } = server.address() as AddressInfo;
      h = await startHarness({
        config: { loadProblems: { url: `http://127.0.0.1:${port}` } },
      });
    });
    afterAll(async () => {
      await h?.close();
      server.close();
    });

    it('reports none, and reuses the answer while it is fresh', async () => {
      for (let i = 0; i < 3; i++) {
        const res = await h.request.get(ROUTE).set(h.asUser());
        expect(res.status).toBe(200);
        expect(res.body).toEqual({ problems: [] });
      }
      expect(asked).toEqual(['/__standin/problems']);
    });
  });

  describe('by default', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness();
    });
    afterAll(() => h?.close());

    it('asks the stand-in serving the Data Index, which loaded everything', async () => {
      const res = await h.request.get(ROUTE).set(h.asUser());
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ problems: h.standin.problems });
    });
  });

  describe('a replaced source', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness({
        extraFeatures: [
          createServiceFactory({
            service: orchestratorWorkflowLoadProblemsServiceRef,
            deps: {},
            factory: () => ({
              getSource: () => ({
                list: async () => [
                  { workflowId: 'from-operator', message: 'build failed' },
                ],
              }),
            }),
          }),
        ],
      });
    });
    afterAll(() => h?.close());

    it('is what admins see', async () => {
      const res = await h.request.get(ROUTE).set(h.asUser());
      expect(res.body).toEqual({
        problems: [{ workflowId: 'from-operator', message: 'build failed' }],
      });
    });
  });
});
