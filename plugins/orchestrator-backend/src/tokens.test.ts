import { HttpResponse, http } from 'msw';
import { seedStandard } from './__testUtils__/fixtures';
import { capturingServices } from './__testUtils__/captured';
import { Harness, WORKFLOWS_HOST, startHarness } from './__testUtils__/harness';

jest.setTimeout(30_000);

const API = '/api/orchestrator';
const SECRET = 'gho_s3cr3t-Value';

/** Issue 10 finding 2: auth-token values are never echoed, logged or audited. */
describe('auth tokens', () => {
  let h: Harness;
  const { captured, features } = capturingServices();
  let starts = 0;

  beforeAll(async () => {
    h = await startHarness({ extraFeatures: features });
    seedStandard(h.standin);
  });
  afterAll(() => h.close());
  beforeEach(() => {
    starts = 0;
    h.msw.use(
      http.post(`${WORKFLOWS_HOST}/greeting`, () => {
        starts++;
        return HttpResponse.json({ id: `t-${starts}` });
      }),
    );
  });

  const execute = (authTokens: unknown) =>
    h.request
      .post(`${API}/v2/workflows/greeting/execute`)
      .set(h.asUser())
      .send({ inputData: { language: 'English' }, authTokens });

  it.each([
    ['CR/LF (header injection)', `${SECRET}\r\nX-Forged: yes`, 'token'],
    ['NUL', `${SECRET}\u0000`, 'token'],
    ['over 4096 characters', SECRET.repeat(400), 'token'],
    ['empty', '', 'token'],
  ])(
    'a token with %s: 400 naming the field, never the value',
    async (_n, token) => {
      const res = await execute([{ provider: 'github', token }]);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain('/authTokens/0/token');
      expect(JSON.stringify(res.body)).not.toContain(SECRET);
      expect(starts).toBe(0);
    },
  );

  it('a provider name outside [A-Za-z0-9_-]: 400 naming the field', async () => {
    const res = await execute([{ provider: 'git hub\r\n', token: SECRET }]);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('/authTokens/0/provider');
    expect(JSON.stringify(res.body)).not.toContain(SECRET);
  });

  it('a valid token reaches the workflow service as its header, and nowhere else', async () => {
    let header: string | null = null;
    h.msw.use(
      http.post(`${WORKFLOWS_HOST}/greeting`, ({ request }) => {
        header = request.headers.get('x-authorization-github');
        return HttpResponse.json({ id: 'with-token' });
      }),
    );
    const res = await execute([{ provider: 'github', token: SECRET }]);
    expect(res.status).toBe(200);
    expect(header).toBe(SECRET);
    expect(JSON.stringify(res.body)).not.toContain(SECRET);
    const row = await h
      .knex('orchestrator_runs')
      .where({ instance_id: 'with-token' })
      .first();
    expect(JSON.stringify(row)).not.toContain(SECRET);
  });

  it('the workflow service refusing large headers (431) is a 400 without the token', async () => {
    h.msw.use(
      http.post(
        `${WORKFLOWS_HOST}/greeting`,
        () => new HttpResponse(null, { status: 431 }),
      ),
    );
    const res = await execute([
      { provider: 'github', token: SECRET.repeat(60) },
    ]);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/authTokens/);
    expect(JSON.stringify(res.body)).not.toContain(SECRET);
  });

  it('no token text in any log line or audit event of the tests above', () => {
    expect(captured.lines.length).toBeGreaterThan(0);
    expect(captured.text()).toMatch(/audit/);
    expect(captured.text()).not.toContain(SECRET);
    expect(captured.text()).not.toContain('s3cr3t');
  });
});
