import { instance } from '../__testUtils__/fixtures';
import { ANN, Harness, startHarness } from '../__testUtils__/harness';

jest.setTimeout(30_000);

describe('InstanceWatcher wiring', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({
      config: { instanceWatcher: { enabled: true, intervalSeconds: 7 } },
    });
  });
  afterAll(() => h.close());

  it('is one global scheduler task at the configured interval that signals and notifies', async () => {
    const tasks = h.scheduler.scheduleTask.mock.calls.map(([t]) => t);
    // The run index's task and the start sweep are scheduled beside it.
    expect(tasks.map(t => t.id).sort()).toEqual([
      'orchestrator-instance-watcher',
      'orchestrator-run-index',
      'orchestrator-start-sweep',
    ]);
    const task = tasks.find(t => t.id === 'orchestrator-instance-watcher');
    expect(task).toMatchObject({
      id: 'orchestrator-instance-watcher',
      scope: 'global',
      frequency: { seconds: 7 },
    });

    h.standin.store.putDefinition({
      id: 'greeting',
      name: 'Greeting workflow',
      serviceUrl: 'http://workflows.test',
    });
    h.standin.store.putInstance(
      instance('w1', {
        state: 'COMPLETED',
        lastUpdate: Date.now(),
        initiator: ANN,
      }),
    );
    await task.fn(new AbortController().signal);

    expect(h.signals).toHaveBeenCalledWith(
      expect.objectContaining({ channel: 'orchestrator:instance:w1' }),
    );
    expect(h.signals).toHaveBeenCalledWith(
      expect.objectContaining({ channel: 'orchestrator:workflow:greeting' }),
    );
    expect(h.notifications).toHaveBeenCalledWith(
      expect.objectContaining({
        recipients: { type: 'entity', entityRef: ANN },
        payload: expect.objectContaining({
          link: '/orchestrator/instances/w1',
        }),
      }),
    );
  });
});
