import type { Config } from '@backstage/config';

/**
 * Headers every Data Index request carries, from `orchestrator.dataIndexService.headers` and
 * `.token` (a bearer token; it wins over a configured `Authorization` header). For a Data Index
 * behind an authenticating gateway or route; values are secrets and are never logged.
 */
export function readDataIndexHeaders(config: Config): Record<string, string> {
  const service = config.getOptionalConfig('orchestrator.dataIndexService');
  const headers: Record<string, string> = {};
  const configured = service?.getOptionalConfig('headers');
  for (const name of configured?.keys() ?? []) {
    headers[name] = configured!.getString(name);
  }
  const token = service?.getOptionalString('token');
  if (token) {
    for (const name of Object.keys(headers)) {
      if (name.toLowerCase() === 'authorization') delete headers[name];
    }
    headers.Authorization = `Bearer ${token}`;
  }
  return headers;
}

/** `fetch` with the configured headers added; `undefined` when none are configured. */
export function fetchWithHeaders(
  headers: Record<string, string>,
  base?: typeof fetch,
): typeof fetch | undefined {
  if (Object.keys(headers).length === 0) return undefined;
  return ((input: any, init?: RequestInit) => {
    const merged = new Headers(init?.headers);
    for (const [name, value] of Object.entries(headers))
      merged.set(name, value);
    // Looked up per call, so a fetch patched later (tests, instrumentation) is used.
    return (base ?? globalThis.fetch)(input, { ...init, headers: merged });
  }) as typeof fetch;
}
