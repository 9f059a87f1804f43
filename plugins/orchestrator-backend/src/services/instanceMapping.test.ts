import { toInstanceListItem } from './instanceMapping';

const summary = (fields: Record<string, unknown>) =>
  ({ id: 'run-1', processId: 'greeting', ...fields } as any);

describe('toInstanceListItem duration', () => {
  it('runs from start to end for a finished run', () => {
    const item = toInstanceListItem(
      summary({
        state: 'COMPLETED',
        start: '2026-01-01T00:00:00.000Z',
        end: '2026-01-01T00:00:02.500Z',
        lastUpdate: '2026-01-01T00:05:00.000Z',
      }),
      {},
    );
    expect(item.duration).toBe(2500);
  });

  it('stops at the last update for a failed run, which has no end', () => {
    const item = toInstanceListItem(
      summary({
        state: 'ERROR',
        start: '2026-01-01T00:00:00.000Z',
        lastUpdate: '2026-01-01T00:00:04.000Z',
      }),
      {},
    );
    expect(item.duration).toBe(4000);
  });

  it('keeps growing for a run that is still active', () => {
    const start = new Date(Date.now() - 60_000).toISOString();
    const item = toInstanceListItem(
      summary({ state: 'ACTIVE', start, lastUpdate: start }),
      {},
    );
    expect(item.duration).toBeGreaterThanOrEqual(60_000);
  });
});
