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
});
