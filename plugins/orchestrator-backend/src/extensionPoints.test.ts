import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  DataIndexClient,
  RunStore,
  orchestratorDataIndexClientServiceRef,
  orchestratorRunStoreServiceRef,
} from '@orchestrator-suite/backstage-plugin-orchestrator-node';
import {
  RunningStandin,
  startStandin,
} from '@orchestrator-suite/sonataflow-standin';
import { seedStandard } from './__testUtils__/fixtures';
import { ANN, Harness, startHarness } from './__testUtils__/harness';

jest.setTimeout(120_000);

const API = '/api/orchestrator';

/** An adopter's client on another transport: here, an in-memory catalogue of one workflow. */
function inMemoryDataIndex(): DataIndexClient {
  const none = async () => ({ data: [], warnings: [] });
  return {
    url: 'memory://data-index',
    listDefinitions: async () => ({
      data: [
        {
          id: 'adopter-flow',
          name: 'Adopter flow',
          version: '3.1',
          serviceUrl: 'http://workflows.test',
        },
      ],
      totalCount: 1,
      warnings: [],
    }),
    getDefinitionSource: async () => undefined,
    listInstances: none,
    getInstance: async () => ({ data: undefined, warnings: [] }),
    getRunFigures: async () => ({ data: new Map(), warnings: [] }),
    listChangedInstances: none,
    listRunsStartedSince: none,
    getLastRun: async () => ({ data: undefined, warnings: [] }),
    abortInstance: async () => {},
    retryInstance: async () => {},
  };
}

describe('adopter extension points', () => {
  describe('a replaced Data Index client', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness({
        extraFeatures: [
          createServiceFactory({
            service: orchestratorDataIndexClientServiceRef,
            deps: {},
            factory: () => ({ getClient: () => inMemoryDataIndex() }),
          }),
        ],
      });
      seedStandard(h.standin);
    });
    afterAll(() => h?.close());

    it('is what the backend reads, instead of the configured Data Index', async () => {
      const res = await h.request
        .post(`${API}/v2/workflows/overview`)
        .set(h.asUser())
        .send({});
      expect(res.status).toBe(200);
      expect(res.body.overviews.map((o: any) => o.workflowId)).toEqual([
        'adopter-flow',
      ]);
      // The stand-in (the configured url) was never asked.
      expect(h.graphql).toHaveLength(0);
    });
  });

  describe('a decorated default client and run store', () => {
    let h: Harness;
    // Its own stand-in, so the Data Index config (with the token) can name its URL.
    let dataIndex: RunningStandin;
    const readsSeen: string[] = [];
    const recorded: string[] = [];
    const authorization: (string | null)[] = [];

    beforeAll(async () => {
      dataIndex = await startStandin();
      seedStandard(dataIndex);
      h = await startHarness({
        config: {
          dataIndexService: {
            url: dataIndex.url,
            timeoutMs: 2000,
            readRetries: 0,
            token: 'di-secret',
          },
        },
        extraFeatures: [
          createServiceFactory({
            service: orchestratorDataIndexClientServiceRef,
            deps: {},
            factory: () => ({
              getClient: ({ createDefaultClient }) => {
                const client = createDefaultClient();
                return {
                  ...bind(client),
                  listDefinitions: query => {
                    readsSeen.push('listDefinitions');
                    return client.listDefinitions(query);
                  },
                };
              },
            }),
          }),
          createServiceFactory({
            service: orchestratorRunStoreServiceRef,
            deps: {},
            factory: () => ({
              getStore: ({ createDefaultStore }) => {
                const store = createDefaultStore();
                return {
                  ...bind(store),
                  record: run => {
                    recorded.push(`${run.workflowId}:${run.initiator}`);
                    return store.record(run);
                  },
                } as RunStore;
              },
            }),
          }),
        ],
      });
      h.msw.events.on('request:start', ({ request }) => {
        if (request.url.startsWith(dataIndex.url)) {
          authorization.push(request.headers.get('authorization'));
        }
      });
    });
    afterAll(async () => {
      await h?.close();
      await dataIndex?.close();
    });

    it('wraps the built-in client, which sends the configured bearer token', async () => {
      const res = await h.request
        .post(`${API}/v2/workflows/overview`)
        .set(h.asUser())
        .send({});
      expect(res.status).toBe(200);
      expect(res.body.overviews.map((o: any) => o.workflowId)).toContain(
        'greeting',
      );
      expect(readsSeen).toContain('listDefinitions');
      expect(authorization.length).toBeGreaterThan(0);
      expect(new Set(authorization)).toEqual(new Set(['Bearer di-secret']));
    });

    it('records starts through the adopter store', async () => {
      const res = await h.request
        .post(`${API}/v2/workflows/greeting/execute`)
        .set(h.asUser())
        .send({ inputData: { language: 'English' } });
      expect(res.status).toBe(200);
      expect(recorded).toEqual([`greeting:${ANN}`]);
    });
  });
});

/** The object's methods bound to it, so a spread copy can delegate. */
function bind<T extends object>(target: T): T {
  const copy: Record<string, unknown> = {};
  let proto: object | null = target;
  while (proto && proto !== Object.prototype) {
    for (const key of Object.getOwnPropertyNames(proto)) {
      const value = (target as any)[key];
      if (key !== 'constructor' && !(key in copy)) {
        copy[key] = typeof value === 'function' ? value.bind(target) : value;
      }
    }
    proto = Object.getPrototypeOf(proto);
  }
  return copy as T;
}
