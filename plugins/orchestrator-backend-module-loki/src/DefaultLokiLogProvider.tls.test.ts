import { ConfigReader, type JsonObject } from '@backstage/config';
import type { ProcessInstanceDTO } from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DefaultLokiLogProvider } from './DefaultLokiLogProvider';
import {
  OTHER_CA,
  TEST_CA,
  TEST_CA_FILE,
  TEST_LINE,
  startHttpsLoki,
} from './__testUtils__/httpsLoki';
import { tlsFailure } from './lokiFetch';

const RUN: ProcessInstanceDTO = {
  id: 'run-1',
  processId: 'greeting',
  state: 'COMPLETED',
  start: '2026-11-01T10:00:00.000Z',
  end: '2026-11-01T10:02:00.000Z',
};

function provider(loki: JsonObject) {
  return DefaultLokiLogProvider.fromConfig(
    new ConfigReader({ orchestrator: { workflowLogProvider: { loki } } }),
  );
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: Error) => e,
  );
}

// These talk to a real HTTPS server: msw would answer before any certificate is checked.
describe('DefaultLokiLogProvider over TLS', () => {
  let loki: Awaited<ReturnType<typeof startHttpsLoki>>;
  beforeAll(async () => {
    loki = await startHttpsLoki();
  });
  afterAll(() => loki.close());

  it.each([
    ['tls.ca', () => ({ ca: TEST_CA })],
    ['tls.caFile', () => ({ caFile: TEST_CA_FILE })],
  ])(
    "answers Loki's lines when its CA is trusted through %s",
    async (_key, tls) => {
      const answer = await provider({
        baseUrl: loki.url,
        token: 's3cret',
        tls: tls(),
      }).fetchWorkflowLogsByInstance(RUN);
      expect(answer.logs.map(l => l.log)).toEqual([TEST_LINE]);
      expect(answer.logs[0].timestamp).toBe('2026-11-01T10:00:01.000Z');
    },
  );

  it.each([
    ['no tls', undefined],
    ['tls without a CA', { rejectUnauthorized: true }],
  ])(
    'refuses an unknown CA with %s: a ServiceUnavailableError naming Loki and the reason, no stack, no token',
    async (_case, tls) => {
      const error = await failure(
        provider({
          baseUrl: loki.url,
          token: 's3cret',
          ...(tls ? { tls } : {}),
        }).fetchWorkflowLogsByInstance(RUN),
      );
      expect(error.name).toBe('ServiceUnavailableError');
      expect(error.message).toBe(
        `Loki at ${loki.url} could not be reached: its TLS certificate was not accepted (UNABLE_TO_VERIFY_LEAF_SIGNATURE; trust the CA that signed it with orchestrator.workflowLogProvider.loki.tls.ca or tls.caFile)`,
      );
      expect(error.message).not.toMatch(/s3cret|\n\s+at /);
    },
  );

  it('answers without a CA when rejectUnauthorized is false, and says it does not check', async () => {
    const unchecked = provider({
      baseUrl: loki.url,
      tls: { rejectUnauthorized: false },
    });
    expect(unchecked.checksCertificates()).toBe(false);
    const answer = await unchecked.fetchWorkflowLogsByInstance(RUN);
    expect(answer.logs.map(l => l.log)).toEqual([TEST_LINE]);
    expect(
      provider({
        baseUrl: loki.url,
        tls: { ca: TEST_CA },
      }).checksCertificates(),
    ).toBe(true);
    expect(provider({ baseUrl: loki.url }).checksCertificates()).toBe(true);
  });

  it('keeps the timeout on a trusted connection', async () => {
    const slow = await startHttpsLoki({ delayMs: 2_000 });
    try {
      const error = await failure(
        provider({
          baseUrl: slow.url,
          timeoutMs: 100,
          tls: { ca: TEST_CA },
        }).fetchWorkflowLogsByInstance(RUN),
      );
      expect(error.name).toBe('WorkflowLogProviderTimeoutError');
      expect(error.message).toBe(
        `Loki at ${slow.url} did not answer within 100 ms`,
      );
    } finally {
      await slow.close();
    }
  });

  it('keeps one agent per provider: requests share its pooled connections', async () => {
    const before = { requests: loki.requests, connections: loki.connections };
    const trusted = provider({ baseUrl: loki.url, tls: { ca: TEST_CA } });
    for (let i = 0; i < 5; i++) await trusted.fetchWorkflowLogsByInstance(RUN);
    expect(loki.requests - before.requests).toBe(5);
    // An agent per request would open a connection each time.
    expect(loki.connections - before.connections).toBeLessThan(5);
  });

  it('trusts the CAs of tls.ca and tls.caFile together, and only those', async () => {
    const wrong = await failure(
      provider({
        baseUrl: loki.url,
        tls: { ca: OTHER_CA },
      }).fetchWorkflowLogsByInstance(RUN),
    );
    expect(wrong.message).toMatch('(UNABLE_TO_VERIFY_LEAF_SIGNATURE;');
    const answer = await provider({
      baseUrl: loki.url,
      tls: { ca: OTHER_CA, caFile: TEST_CA_FILE },
    }).fetchWorkflowLogsByInstance(RUN);
    expect(answer.logs.map(l => l.log)).toEqual([TEST_LINE]);
  });
});

describe('tls configuration', () => {
  const KEY = 'orchestrator.workflowLogProvider.loki.tls';

  it.each<[string, JsonObject, string]>([
    [
      'tls with an http: baseUrl',
      { baseUrl: 'http://loki.test:3100', tls: { ca: TEST_CA } },
      `${KEY} applies only to an https: baseUrl, but baseUrl is 'http://loki.test:3100'`,
    ],
    [
      'a caFile that does not exist',
      { baseUrl: 'https://loki.test', tls: { caFile: '/nowhere/ca.crt' } },
      `${KEY}.caFile '/nowhere/ca.crt' could not be read (ENOENT)`,
    ],
    [
      'a ca that holds no certificate',
      { baseUrl: 'https://loki.test', tls: { ca: 'not a certificate' } },
      `${KEY}.ca / ${KEY}.caFile hold no PEM certificate (-----BEGIN CERTIFICATE-----)`,
    ],
  ])('refuses %s at startup, naming the key', (_case, loki, message) => {
    expect(() => provider(loki)).toThrow(message);
  });

  it('refuses an empty caFile rather than falling back to Node CAs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'loki-tls-'));
    const empty = join(dir, 'empty.crt');
    writeFileSync(empty, '');
    try {
      expect(() =>
        provider({ baseUrl: 'https://loki.test', tls: { caFile: empty } }),
      ).toThrow(`${KEY}.ca / ${KEY}.caFile hold no PEM certificate`);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('refuses a ca whose certificate does not parse', () => {
    expect(() =>
      provider({
        baseUrl: 'https://loki.test',
        tls: {
          ca: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----',
        },
      }),
    ).toThrow(`${KEY}.ca / ${KEY}.caFile: certificate 1 is not valid PEM`);
  });

  it('finds a bad certificate after a good one', () => {
    expect(() =>
      provider({
        baseUrl: 'https://loki.test',
        tls: {
          ca: `${TEST_CA}\n-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----`,
        },
      }),
    ).toThrow('certificate 2 is not valid PEM');
  });
});

describe('tlsFailure', () => {
  const fetchFailed = (cause: object) =>
    Object.assign(new TypeError('fetch failed'), { cause });

  it('names a hostname mismatch with the names, an expired or other TLS code as is, and nothing else', () => {
    expect(
      tlsFailure(
        fetchFailed({
          code: 'ERR_TLS_CERT_ALTNAME_INVALID',
          message:
            "Hostname/IP does not match certificate's altnames: Host: loki. is not in the cert's altnames: DNS:localhost",
        }),
      ),
    ).toBe(
      "ERR_TLS_CERT_ALTNAME_INVALID: Hostname/IP does not match certificate's altnames: Host: loki. is not in the cert's altnames: DNS:localhost",
    );
    expect(tlsFailure(fetchFailed({ code: 'CERT_HAS_EXPIRED' }))).toBe(
      'CERT_HAS_EXPIRED',
    );
    expect(tlsFailure(fetchFailed({ code: 'ECONNREFUSED' }))).toBeUndefined();
    expect(tlsFailure(new Error('no cause'))).toBeUndefined();
  });
});
