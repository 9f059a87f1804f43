import { mockServices } from '@backstage/backend-test-utils';
import { seedStandard } from './__testUtils__/fixtures';
import { Harness, role, startHarness } from './__testUtils__/harness';

jest.setTimeout(30_000);

describe('audit events', () => {
  let h: Harness;
  const success = jest.fn();
  const fail = jest.fn();
  const auditor = mockServices.auditor.mock({
    createEvent: jest.fn(async () => ({ success, fail })),
  });

  beforeAll(async () => {
    h = await startHarness({ extraFeatures: [auditor.factory] });
    seedStandard(h.standin);
  });
  afterAll(() => h.close());

  it('records every operation, with ids but never inputs or tokens', async () => {
    await h.request
      .post('/api/orchestrator/v2/workflows/greeting/execute')
      .set(h.asUser())
      .send({
        inputData: { language: 'English' },
        authTokens: [{ provider: 'github', token: 'gho_secret' }],
      });
    await h.request
      .get('/api/orchestrator/v2/workflows/instances/ann-done')
      .set(h.asUser());
    const events = auditor.createEvent.mock.calls.map(c => c[0]);
    expect(events.map(e => [e.eventId, e.meta])).toEqual([
      ['instance-action', { operation: 'execute', workflowId: 'greeting' }],
      ['instance', { operation: 'get-instance', instanceId: 'ann-done' }],
    ]);
    expect(events[0].severityLevel).toBe('medium');
    expect(JSON.stringify(events.map(e => e.meta))).not.toMatch(
      /English|gho_secret/,
    );
    expect(success).toHaveBeenCalledTimes(2);
  });

  it('marks refused operations as failed', async () => {
    h.setPolicy(role('none'));
    const res = await h.request
      .get('/api/orchestrator/v2/workflows/greeting/source')
      .set(h.asUser());
    expect(res.status).toBe(403);
    expect(fail).toHaveBeenCalledWith({
      error: expect.objectContaining({ name: 'NotAllowedError' }),
    });
  });
});
