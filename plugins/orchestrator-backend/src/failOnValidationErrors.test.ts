import { HttpResponse, http } from 'msw';
import { seedStandard } from './__testUtils__/fixtures';
import {
  Harness,
  WORKFLOWS_HOST,
  allowAll,
  startHarness,
} from './__testUtils__/harness';

jest.setTimeout(30_000);

const API = '/api/orchestrator';

/** Issue 13 item 4: `dataInputSchema.failOnValidationErrors: false` starts with warnings. */
describe('failOnValidationErrors', () => {
  let h: Harness;
  let starts = 0;

  beforeAll(async () => {
    h = await startHarness();
    seedStandard(h.standin);
    h.standin.store.putDefinition({
      id: 'lenient',
      name: 'Lenient',
      serviceUrl: WORKFLOWS_HOST,
      source: [
        'id: lenient',
        'dataInputSchema:',
        '  schema: schemas/lenient.json',
        '  failOnValidationErrors: false',
        'start: s',
      ].join('\n'),
    });
  });
  afterAll(() => h.close());
  beforeEach(() => {
    h.setPolicy(allowAll);
    starts = 0;
    h.msw.use(
      http.post(`${WORKFLOWS_HOST}/:workflowId`, () => {
        starts++;
        return HttpResponse.json({ id: `fov-${starts}` });
      }),
    );
  });

  const execute = (workflowId: string) =>
    h.request
      .post(`${API}/v2/workflows/${workflowId}/execute`)
      .set(h.asUser())
      .send({ inputData: { language: 'Klingon' } });

  it('false: the run starts and the problems come back as warnings', async () => {
    const res = await execute('lenient');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: 'fov-1',
      warnings: [expect.stringMatching(/^\/inputData\/language /)],
    });
    expect(starts).toBe(1);
  });

  it('true (the default, here by omission): still a 400 and nothing started', async () => {
    const res = await execute('greeting');
    expect(res.status).toBe(400);
    expect(starts).toBe(0);
  });
});
