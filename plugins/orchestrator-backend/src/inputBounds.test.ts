import { seedStandard } from './__testUtils__/fixtures';
import { Harness, allowAll, startHarness } from './__testUtils__/harness';

jest.setTimeout(30_000);

const API = '/api/orchestrator';

/** Issue 10 findings 4 and 6: client errors are 4xx with every problem named. */
describe('input bounds', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
    seedStandard(h.standin);
  });
  afterAll(() => h.close());
  beforeEach(() => h.setPolicy(allowAll));

  const post = (path: string, body: unknown) =>
    h.request
      .post(`${API}${path}`)
      .set(h.asUser())
      .send(body as object);

  it.each([8.64e15 + 1, -8.64e15 - 1, 1e300])(
    'a numeric date %d outside the JS Date range is a 400, not a 500',
    async value => {
      const res = await post('/v2/workflows/instances', {
        filters: { field: 'start', operator: 'GT', value },
      });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/'start' needs a date value/);
    },
  );

  it('an offset of 2^31 is a 400 naming the field, without the Data Index URL', async () => {
    const res = await post('/v2/workflows/instances', {
      paginationInfo: { offset: 2 ** 31 },
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('offset');
    expect(JSON.stringify(res.body)).not.toContain(h.standin.url);
  });

  it.each([
    ['not a ref', 'component:default/'],
    ['too long', `component:default/${'x'.repeat(600)}`],
  ])('targetEntity %s is a 400', async (_n, targetEntity) => {
    for (const [path, body] of [
      ['/v2/workflows/instances/entity', { targetEntity }],
      [
        '/v2/workflows/overview/entity',
        { targetEntity, annotationWorkflowIds: ['greeting'] },
      ],
    ] as const) {
      const res = await post(path, body);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain('targetEntity');
    }
  });

  it('a malformed targetEntity on a start is a 400 before anything starts', async () => {
    const res = await post('/v2/workflows/greeting/execute', {
      inputData: { language: 'English' },
      targetEntity: 'a:b:c/d/e',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([
      expect.objectContaining({ path: '/targetEntity' }),
    ]);
  });

  it('a body over the limit is a 413', async () => {
    const res = await post('/v2/workflows/greeting/execute', {
      inputData: { language: 'x'.repeat(200_000) },
    });
    expect(res.status).toBe(413);
    expect(res.body.error.name).toBe('PayloadTooLargeError');
  });

  it('an unknown route is a JSON 404', async () => {
    const res = await h.request.get(`${API}/v2/no-such-thing`).set(h.asUser());
    expect(res.status).toBe(404);
    expect(res.type).toBe('application/json');
    expect(res.body.error).toMatchObject({ name: 'NotFoundError' });
  });

  it('an unexpected property is named in details', async () => {
    const res = await post('/v2/workflows/instances', { unexpected: true });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([
      expect.objectContaining({ path: '/unexpected' }),
    ]);
  });

  it('a request-schema 400 lists every error with its path in details', async () => {
    const res = await post('/v2/workflows/instances', {
      paginationInfo: { pageSize: 0, offset: -1, orderDirection: 'UP' },
      unexpected: true,
    });
    expect(res.status).toBe(400);
    const paths = res.body.error.details.map((d: any) => d.path).sort();
    expect(paths).toEqual(
      expect.arrayContaining([
        '/paginationInfo/pageSize',
        '/paginationInfo/offset',
        '/paginationInfo/orderDirection',
      ]),
    );
    expect(res.body.error.details.length).toBeGreaterThanOrEqual(4);
    for (const d of res.body.error.details) {
      expect(d).toEqual(
        expect.objectContaining({
          path: expect.any(String),
          message: expect.any(String),
        }),
      );
    }
  });
});
