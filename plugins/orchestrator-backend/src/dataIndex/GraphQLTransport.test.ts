import {
  RunningStandin,
  startStandin,
} from '@orchestrator-suite/sonataflow-standin';
import { GraphQLTransport } from './GraphQLTransport';

jest.setTimeout(30_000);

const QUERY = 'query Q { ProcessDefinitions { id } }';

/** Issue 10 finding 5: one deadline, shared reads, fail fast while down. */
describe('GraphQLTransport', () => {
  let standin: RunningStandin;

  beforeAll(async () => {
    standin = await startStandin();
    standin.store.putDefinition({ id: 'greeting', serviceUrl: 'http://x' });
  });
  afterAll(() => standin.close());
  beforeEach(() => {
    standin.setFaults({ dataIndex: 'up', dataIndexLatencyMs: 0 });
    standin.stats.reset();
  });

  const transport = (
    options: Partial<{
      timeoutMs: number;
      readRetries: number;
      breakerCooldownMs: number;
    }> = {},
  ) =>
    new GraphQLTransport({
      url: standin.url,
      timeoutMs: 400,
      readRetries: 2,
      breakerCooldownMs: 500,
      ...options,
    });

  it('a slow Data Index answers 503 after timeoutMs in total, not per attempt', async () => {
    standin.setFaults({ dataIndexLatencyMs: 1500 });
    const started = Date.now();
    await expect(transport().read(QUERY, {})).rejects.toThrow(
      /no answer within 400 ms/,
    );
    expect(Date.now() - started).toBeLessThan(700);
  });

  it('identical concurrent reads share one request', async () => {
    standin.setFaults({ dataIndexLatencyMs: 100 });
    const t = transport();
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => t.read(QUERY, {})),
    );
    expect(answers.every(a => a.data === answers[0].data)).toBe(true);
    expect(standin.stats.snapshot().graphqlRequests).toBe(1);
    await t.read(QUERY, { other: 1 });
    expect(standin.stats.snapshot().graphqlRequests).toBe(2);
  });

  it('while the Data Index is down: fails fast without calling it, then probes and recovers', async () => {
    const t = transport({ readRetries: 0 });
    standin.setFaults({ dataIndex: 'down' });
    for (let i = 0; i < 3; i++) {
      await expect(t.read(QUERY, { i })).rejects.toThrow(/Data Index at/);
    }
    expect(t.health()).toMatchObject({ status: 'down', circuit: 'open' });
    const before = standin.stats.snapshot().graphqlRequests;
    const started = Date.now();
    await expect(t.read(QUERY, { i: 4 })).rejects.toThrow(
      /Data Index at .* is unreachable \(failing fast after repeated failures; next check in/,
    );
    expect(Date.now() - started).toBeLessThan(50);
    expect(standin.stats.snapshot().graphqlRequests).toBe(before);

    standin.setFaults({ dataIndex: 'up' });
    await new Promise(r => setTimeout(r, 600));
    const answer = await t.read(QUERY, { i: 5 });
    expect(answer.data).toBeTruthy();
    expect(t.health()).toMatchObject({ status: 'up', circuit: 'closed' });
  });
});
