import { Agent, fetch as undiciFetch } from 'undici';
import type { LokiTls } from './lokiTls';

/**
 * The fetch the provider asks Loki with. Without `tls` it is the backend's global fetch, so a
 * dispatcher the host installed (e.g. RHDH's proxy agent for HTTP(S)_PROXY) still applies. With
 * `tls` it is undici's fetch on one agent of our own, created here once per provider: Node's
 * global fetch takes no CA, and its bundled undici is not guaranteed to accept a dispatcher
 * from the `undici` package, so both come from the same package.
 */
export function lokiFetch(tls: LokiTls | undefined): typeof fetch {
  if (!tls) return fetch;
  const agent = new Agent({
    connect: { ca: tls.ca, rejectUnauthorized: tls.rejectUnauthorized },
  });
  const tlsFetch = (input: string | URL, init?: RequestInit) =>
    undiciFetch(input, {
      ...(init as Parameters<typeof undiciFetch>[1]),
      dispatcher: agent,
    });
  // The same WHATWG Response either way; only the type declarations differ (undici's own).
  return tlsFetch as unknown as typeof fetch;
}

/** OpenSSL's and Node's codes for a certificate that could not be trusted. */
const TLS_CODES =
  /^(CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|ERR_SSL_|ERR_TLS_)/;

const UNKNOWN_CA =
  /^(UNABLE_TO_GET_ISSUER_CERT|UNABLE_TO_VERIFY_LEAF_SIGNATURE|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN)/;

/**
 * Why a TLS connection failed, for the provider's error: the code, Node's explanation of a
 * hostname mismatch (the host and the certificate's names, nothing secret) and, for an unknown
 * CA, the keys that fix it. Undefined when the failure was not about TLS.
 */
export function tlsFailure(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } })
    ?.cause;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  if (!code || !TLS_CODES.test(code)) return undefined;
  if (
    code === 'ERR_TLS_CERT_ALTNAME_INVALID' &&
    typeof cause?.message === 'string'
  ) {
    return `${code}: ${cause.message}`;
  }
  if (UNKNOWN_CA.test(code)) {
    return `${code}; trust the CA that signed it with orchestrator.workflowLogProvider.loki.tls.ca or tls.caFile`;
  }
  return code;
}
