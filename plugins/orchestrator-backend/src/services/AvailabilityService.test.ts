import { DefaultAvailabilityService } from './AvailabilityService';

describe('DefaultAvailabilityService', () => {
  const definition = { id: 'greeting', serviceUrl: 'http://svc' };
  let now: number;
  let probe: jest.Mock;
  const service = () =>
    DefaultAvailabilityService.create({
      runtime: { probe } as any,
      cacheSeconds: 60,
      maxBackoffSeconds: 40,
      now: () => now,
    });

  beforeEach(() => {
    now = 0;
    probe = jest.fn();
  });

  it('probes lazily and reuses a healthy answer for cacheSeconds', async () => {
    probe.mockResolvedValue({
      isAvailable: true,
      url: 'http://svc/management/processes/greeting',
      statusCode: 200,
    });
    const s = service();
    expect(probe).not.toHaveBeenCalled();
    expect(await s.get(definition)).toMatchObject({
      isAvailable: true,
      statusCode: 200,
    });
    now = 59_000;
    await s.get(definition);
    expect(probe).toHaveBeenCalledTimes(1);
    now = 61_000;
    await s.get(definition);
    expect(probe).toHaveBeenCalledTimes(2);
  });

  it('backs off exponentially on failures, up to the maximum, with the reason', async () => {
    probe.mockResolvedValue({
      isAvailable: false,
      url: 'u',
      reason: 'No answer within 3000 ms',
    });
    const s = service();
    const probedAt: number[] = [];
    for (now = 0; now <= 200_000; now += 1000) {
      const before = probe.mock.calls.length;
      const answer = await s.get(definition);
      expect(answer).toMatchObject({
        isAvailable: false,
        reason: 'No answer within 3000 ms',
      });
      if (probe.mock.calls.length > before) probedAt.push(now);
    }
    const gaps = probedAt.slice(1).map((t, i) => t - probedAt[i]);
    expect(gaps.slice(0, 4)).toEqual([5000, 10_000, 20_000, 40_000]);
    expect(Math.max(...gaps)).toBe(40_000);
  });

  it('shares one probe between concurrent callers and reports a missing service URL', async () => {
    let release!: () => void;
    probe.mockReturnValue(
      new Promise(resolve => {
        release = () => resolve({ isAvailable: true, url: 'u' });
      }),
    );
    const s = service();
    const both = Promise.all([s.get(definition), s.get(definition)]);
    release();
    await both;
    expect(probe).toHaveBeenCalledTimes(1);
    expect(await s.get({ id: 'no-url' })).toMatchObject({
      isAvailable: false,
      reason: expect.stringMatching(/no service URL/),
    });
  });

  it('lists answer without waiting longer than the budget', async () => {
    probe.mockReturnValue(new Promise(() => {}));
    const started = Date.now();
    const result = await service().getMany([definition], 50);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(result.size).toBe(0);
  });
});
