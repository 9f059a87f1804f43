import { readWithRetries } from './readWithRetries';

class Unreachable extends Error {}
const retryable = (error: unknown) => error instanceof Unreachable;

describe('readWithRetries', () => {
  it('retries a retryable failure up to `retries` times, then throws the last one', async () => {
    const read = jest.fn(async () => {
      throw new Unreachable(`attempt ${read.mock.calls.length}`);
    });
    await expect(
      readWithRetries(read, {
        retries: 2,
        timeoutMs: 5_000,
        retryable,
        backoffMs: () => 0,
      }),
    ).rejects.toThrow('attempt 3');
    expect(read).toHaveBeenCalledTimes(3);
  });

  it('answers with the first success', async () => {
    let n = 0;
    const answer = await readWithRetries(
      async () => {
        if (++n === 1) throw new Unreachable('down');
        return 'data';
      },
      { retries: 3, timeoutMs: 5_000, retryable, backoffMs: () => 0 },
    );
    expect(answer).toBe('data');
    expect(n).toBe(2);
  });

  it('never retries what is not retryable', async () => {
    const read = jest.fn(async () => {
      throw new Error('rejected');
    });
    await expect(
      readWithRetries(read, { retries: 3, timeoutMs: 5_000, retryable }),
    ).rejects.toThrow('rejected');
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('gives every attempt the same deadline signal', async () => {
    const signals: AbortSignal[] = [];
    await readWithRetries(
      async signal => {
        signals.push(signal);
        if (signals.length < 3) throw new Unreachable('down');
        return 'ok';
      },
      { retries: 2, timeoutMs: 5_000, retryable, backoffMs: () => 0 },
    );
    expect(new Set(signals).size).toBe(1);
    expect(signals[0].aborted).toBe(false);
  });

  it('starts no retry whose wait would outlast the deadline', async () => {
    const read = jest.fn(async () => {
      throw new Unreachable('down');
    });
    const started = Date.now();
    await expect(
      readWithRetries(read, {
        retries: 5,
        timeoutMs: 150,
        retryable,
        // 100 ms fits once; the next (200 ms) would end after the deadline.
        backoffMs: attempt => 100 * 2 ** attempt,
      }),
    ).rejects.toThrow('down');
    expect(read).toHaveBeenCalledTimes(2);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('stops once the deadline has aborted the attempt', async () => {
    const read = jest.fn(
      (signal: AbortSignal) =>
        new Promise<string>((_, reject) =>
          signal.addEventListener('abort', () =>
            reject(new Unreachable('no answer in time')),
          ),
        ),
    );
    await expect(
      readWithRetries(read, {
        retries: 3,
        timeoutMs: 50,
        retryable,
        backoffMs: () => 0,
      }),
    ).rejects.toThrow('no answer in time');
    expect(read).toHaveBeenCalledTimes(1);
  });
});
