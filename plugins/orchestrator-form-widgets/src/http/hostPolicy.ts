import { InputError, NotAllowedError } from '@backstage/errors';

/** Where a widget request may go, decided before anything is sent. */
export type Destination = 'backend' | 'allowedHost';

export type HostPolicy = {
  /** `backend.baseUrl`; relative URLs resolve against it. */
  backendBaseUrl: string;
  /** `orchestrator.rjsf-widgets.allowedHosts`: `host`, `host:port` or `*.domain`. */
  allowedHosts: string[];
};

/** Parses a widget URL; relative ones are taken as paths on the backend. */
export function parseWidgetUrl(raw: string, backendBaseUrl: string): URL {
  let url: URL;
  try {
    url = new URL(raw, `${backendBaseUrl.replace(/\/+$/, '')}/`);
  } catch {
    throw new InputError(`Invalid URL "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InputError(`Only http(s) URLs may be fetched, not "${raw}"`);
  }
  return url;
}

/** Whether `url` matches one allow-list entry (`*.x.com` = any subdomain of x.com). */
export function matchesAllowedHost(entry: string, url: URL): boolean {
  const pattern = entry.trim().toLowerCase();
  if (!pattern) return false;
  if (pattern.startsWith('*.')) {
    const suffix = pattern.slice(1); // ".x.com"
    return url.hostname.endsWith(suffix) && url.hostname.length > suffix.length;
  }
  return pattern.includes(':')
    ? url.host === pattern
    : url.hostname === pattern;
}

/**
 * The destination of `url`, or a NotAllowedError: widget requests reach only
 * the Backstage backend or hosts an administrator listed, so a workflow schema
 * cannot make browsers call (or send tokens to) anywhere else.
 */
export function classifyDestination(url: URL, policy: HostPolicy): Destination {
  if (url.origin === new URL(policy.backendBaseUrl).origin) return 'backend';
  if (policy.allowedHosts.some(entry => matchesAllowedHost(entry, url))) {
    return 'allowedHost';
  }
  throw new NotAllowedError(
    `Requests to ${url.host} are not allowed: use the backend proxy ($\${{backend.baseUrl}}/api/proxy/...) or list the host in orchestrator.rjsf-widgets.allowedHosts`,
  );
}
