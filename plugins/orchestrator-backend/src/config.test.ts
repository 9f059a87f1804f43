import { ConfigReader } from '@backstage/config';
import { dataIndexBaseUrl, readOrchestratorConfig } from './config';

describe('orchestrator config', () => {
  it('applies the documented defaults', () => {
    const config = readOrchestratorConfig(
      new ConfigReader({
        orchestrator: { dataIndexService: { url: 'http://data-index' } },
      }),
    );
    expect(config.dataIndex).toMatchObject({
      url: 'http://data-index',
      timeoutMs: 10_000,
    });
    expect(config.instanceWatcher.intervalSeconds).toBe(5);
    expect(config.contentLengthLimit).toBe('100kb');
  });

  it('reads the log provider settings: which one, how long to wait, which are configured', () => {
    const read = (workflowLogProvider?: object) =>
      readOrchestratorConfig(
        new ConfigReader({
          orchestrator: {
            dataIndexService: { url: 'http://data-index' },
            ...(workflowLogProvider ? { workflowLogProvider } : {}),
          },
        }),
      ).workflowLogs;
    expect(read()).toEqual({
      providerId: undefined,
      timeoutMs: 30_000,
      configuredIds: [],
    });
    expect(
      read({
        providerId: 'loki',
        timeout: '5s',
        loki: { baseUrl: 'http://loki:3100' },
      }),
    ).toEqual({
      providerId: 'loki',
      timeoutMs: 5_000,
      configuredIds: ['loki'],
    });
  });

  it('accepts the Data Index URL with a trailing slash or /graphql', () => {
    expect(dataIndexBaseUrl('http://data-index.ns:8080/')).toBe(
      'http://data-index.ns:8080',
    );
    expect(dataIndexBaseUrl('https://di.example.com/graphql')).toBe(
      'https://di.example.com',
    );
    expect(dataIndexBaseUrl('http://di/base/graphql/')).toBe('http://di/base');
  });

  it('fails at startup, naming the key, on a URL that is not http(s)', () => {
    expect(() => dataIndexBaseUrl('sonataflow-data-index')).toThrow(
      "orchestrator.dataIndexService.url must be an http(s) URL, got 'sonataflow-data-index'",
    );
    expect(() => dataIndexBaseUrl('ftp://di')).toThrow(
      /must be an http\(s\) URL/,
    );
  });

  it('reads durations in any Backstage form, and the deprecated …Ms keys as aliases', () => {
    const config = readOrchestratorConfig(
      new ConfigReader({
        orchestrator: {
          dataIndexService: {
            url: 'http://data-index',
            timeout: '2s',
            breaker: { cooldownMs: 500 },
          },
          workflowService: { timeout: { seconds: 3 }, startTimeoutMs: 45_000 },
          availability: { probeTimeout: 'PT1S', listWait: '250ms' },
          runIndex: { pause: { milliseconds: 20 } },
        },
      }),
    );
    expect(config.dataIndex.timeoutMs).toBe(2_000);
    expect(config.dataIndex.breakerCooldownMs).toBe(500);
    expect(config.workflowService).toEqual({
      timeoutMs: 3_000,
      startTimeoutMs: 45_000,
    });
    expect(config.availability).toMatchObject({
      probeTimeoutMs: 1_000,
      listWaitMs: 250,
    });
    expect(config.runIndex.pauseMs).toBe(20);
  });

  it('prefers the duration key over its alias, and names a bad one at startup', () => {
    const read = (dataIndexService: object) =>
      readOrchestratorConfig(
        new ConfigReader({
          orchestrator: {
            dataIndexService: { url: 'http://data-index', ...dataIndexService },
          },
        }),
      );
    expect(read({ timeout: '1s', timeoutMs: 9_000 }).dataIndex.timeoutMs).toBe(
      1_000,
    );
    expect(() => read({ timeout: 'soon' })).toThrow(
      /orchestrator\.dataIndexService\.timeout must be a duration/,
    );
  });
});
