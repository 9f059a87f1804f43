import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { seedStandard } from './__testUtils__/fixtures';
import {
  ANN,
  Harness,
  WORKFLOWS_HOST,
  allowAll,
  role,
  startHarness,
} from './__testUtils__/harness';

jest.setTimeout(60_000);

const API = '/api/orchestrator';

describe('GET /v2/workflows/names', () => {
  let h: Harness;
  const probes: string[] = [];

  beforeAll(async () => {
    h = await startHarness();
    seedStandard(h.standin);
    h.standin.store.putDefinition({
      id: 'another-flow',
      name: 'Another flow',
      serviceUrl: WORKFLOWS_HOST,
      endpoint: `${WORKFLOWS_HOST}/another-flow`,
      source: 'id: another-flow\n',
    });
    h.msw.events.on('request:start', ({ request }) => {
      if (request.url.startsWith(WORKFLOWS_HOST)) probes.push(request.url);
    });
  });
  afterAll(() => h.close());

  const names = () =>
    h.request.get(`${API}/v2/workflows/names`).set(h.asUser(ANN));

  it('lists every readable workflow by name, from the definition cache, without figures or probes', async () => {
    h.setPolicy(allowAll);
    await names(); // fills the definition cache
    h.graphql.length = 0;
    probes.length = 0;

    const res = await names();
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      items: [
        { id: 'another-flow', name: 'Another flow' },
        { id: 'greeting', name: 'Greeting workflow' },
        { id: 'secret-flow', name: 'Secret flow' },
      ],
    });
    expect(h.graphql).toHaveLength(0);
    expect(probes).toHaveLength(0);
  });

  it('a user limited to one workflow by its RHDH per-workflow name sees only it', async () => {
    h.setPolicy(permission =>
      permission.name === 'orchestrator.workflow.secret-flow'
        ? AuthorizeResult.ALLOW
        : AuthorizeResult.DENY,
    );
    const res = await names();
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      { id: 'secret-flow', name: 'Secret flow' },
    ]);
  });

  it('a conditional IS_ALLOWED_WORKFLOW_ID decision limits the list to its ids', async () => {
    h.setPolicy(permission =>
      permission.name === 'orchestrator.workflow'
        ? { workflowIds: ['greeting'] }
        : AuthorizeResult.DENY,
    );
    const res = await names();
    expect(res.body.items).toEqual([
      { id: 'greeting', name: 'Greeting workflow' },
    ]);
  });

  it('answers an empty list to a user who may read no workflow', async () => {
    h.setPolicy(role('none'));
    const res = await names();
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ items: [] });
  });
});
