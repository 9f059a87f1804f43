import type { Config } from '@backstage/config';
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';

const KEY = 'orchestrator.workflowLogProvider.loki.tls';
const PEM_CERTIFICATE =
  /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** `orchestrator.workflowLogProvider.loki.tls` with its defaults applied (see config.d.ts). */
export interface LokiTls {
  /** PEM of the CAs trusted for Loki (`tls.ca` then `tls.caFile`); unset keeps Node's own list. */
  ca?: string;
  rejectUnauthorized: boolean;
}

/**
 * Read once at startup; a bad value fails the start with the key's name. Undefined when no
 * `tls` key is set, so an unconfigured provider keeps using the backend's global fetch.
 */
export function readLokiTls(
  loki: Config,
  baseUrl: string,
): LokiTls | undefined {
  const c = loki.getOptionalConfig('tls');
  if (!c) return undefined;
  // Nothing of TLS applies to plain http: a tls block there is a mistake worth stopping for.
  if (new URL(baseUrl).protocol !== 'https:') {
    throw new Error(
      `${KEY} applies only to an https: baseUrl, but baseUrl is '${baseUrl}'`,
    );
  }
  // A caFile that is set must hold certificates even when empty: falling back to Node's own
  // CAs would hide the mistake until the first request.
  const pems = [
    c.getOptionalString('ca') || undefined,
    caFile(c.getOptionalString('caFile')),
  ].filter((p): p is string => p !== undefined);
  return {
    ca: pems.length ? checkedCertificates(pems.join('\n')) : undefined,
    rejectUnauthorized: c.getOptionalBoolean('rejectUnauthorized') ?? true,
  };
}

function caFile(path: string | undefined): string | undefined {
  if (!path) return undefined;
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException)?.code;
    throw new Error(
      `${KEY}.caFile '${path}' could not be read (${code ?? String(error)})`,
    );
  }
}

/**
 * Node ignores a CA it cannot parse and only fails at the first request with an unrelated
 * verification error, so each certificate is parsed here, at startup.
 */
function checkedCertificates(pems: string): string {
  const certificates = pems.match(PEM_CERTIFICATE) ?? [];
  if (certificates.length === 0) {
    throw new Error(
      `${KEY}.ca / ${KEY}.caFile hold no PEM certificate (-----BEGIN CERTIFICATE-----)`,
    );
  }
  certificates.forEach((pem, i) => {
    try {
      new X509Certificate(pem); // eslint-disable-line no-new
    } catch (error) {
      throw new Error(
        `${KEY}.ca / ${KEY}.caFile: certificate ${i + 1} is not valid PEM (${
          (error as Error).message
        })`,
      );
    }
  });
  return certificates.join('\n');
}
