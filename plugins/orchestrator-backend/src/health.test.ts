import { seedStandard } from './__testUtils__/fixtures';
import { Harness, startHarness } from './__testUtils__/harness';

jest.setTimeout(30_000);

const API = '/api/orchestrator';

/** Issue 10 finding 12 (backend part): /health stays liveness, /health/details tells why. */
describe('health', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({
      config: { dataIndexService: { breaker: { failureThreshold: 3 } } },
    });
    seedStandard(h.standin);
  });
  afterAll(() => h.close());

  it('reports the Data Index down (and stays liveness ok), then up again', async () => {
    const list = () =>
      h.request.post(`${API}/v2/workflows/instances`).set(h.asUser()).send({});
    expect((await list()).status).toBe(200);
    expect((await h.request.get(`${API}/health/details`)).body).toMatchObject({
      status: 'ok',
      dataIndex: { status: 'up', circuit: 'closed' },
      watcher: { enabled: false },
    });

    h.standin.setFaults({ dataIndex: 'down' });
    for (let i = 0; i < 3; i++) expect((await list()).status).toBe(503);
    const down = await h.request.get(`${API}/health/details`);
    expect(down.status).toBe(200);
    expect(down.body).toMatchObject({
      status: 'degraded',
      dataIndex: { status: 'down', circuit: 'open' },
    });
    expect(JSON.stringify(down.body)).not.toContain(h.standin.url);
    expect((await h.request.get(`${API}/health`)).body).toEqual({
      status: 'ok',
    });

    h.standin.setFaults({ dataIndex: 'up' });
    await new Promise(r => setTimeout(r, 2200)); // the breaker's first cooldown
    expect((await list()).status).toBe(200);
    expect((await h.request.get(`${API}/health/details`)).body).toMatchObject({
      status: 'ok',
      dataIndex: { status: 'up' },
    });
  });
});
