import type { Config } from '@backstage/config';
import { ALL_SERVICES, LokiStreamSelector, checkSelectors } from './logQuery';
import { LokiTls, readLokiTls } from './lokiTls';

const KEY = 'orchestrator.workflowLogProvider.loki';

/** `orchestrator.workflowLogProvider.loki` with its defaults applied (see config.d.ts). */
export interface LokiSettings {
  baseUrl: string;
  selectors: LokiStreamSelector[];
  /** Explicit selectors were configured (else every `service_name` stream is searched). */
  narrowed: boolean;
  limit: number;
  timeoutMs: number;
  token?: string;
  tenant?: string;
  /** Set when `tls` is configured (an https: baseUrl only). */
  tls?: LokiTls;
}

/** Read once at startup; a bad value fails the start with the key's name. */
export function readLokiSettings(config: Config): LokiSettings {
  const c = config.getConfig(KEY);
  const configured = c.getOptionalConfigArray('logStreamSelectors')?.map(s => ({
    label: s.getString('label'),
    value: s.getString('value'),
    operator: s.getOptionalString('operator') as LokiStreamSelector['operator'],
  }));
  const selectors = configured ?? ALL_SERVICES;
  checkSelectors(selectors, `${KEY}.logStreamSelectors`);
  const limit = c.getOptionalNumber('limit') ?? 1000;
  // One line more than the limit is asked for to tell whether older lines were left out, and
  // Loki's default max_entries_limit_per_query is 5000.
  if (!Number.isInteger(limit) || limit < 1 || limit > 4999) {
    throw new Error(
      `${KEY}.limit must be an integer from 1 to 4999, got ${limit}`,
    );
  }
  const timeoutMs = c.getOptionalNumber('timeoutMs') ?? 10_000;
  if (!(timeoutMs > 0)) {
    throw new Error(
      `${KEY}.timeoutMs must be a positive number, got ${timeoutMs}`,
    );
  }
  const baseUrl = httpBaseUrl(c.getString('baseUrl'));
  return {
    baseUrl,
    selectors,
    narrowed: configured !== undefined,
    limit,
    timeoutMs,
    token: c.getOptionalString('token') || undefined,
    tenant: c.getOptionalString('tenant') || undefined,
    tls: readLokiTls(c, baseUrl),
  };
}

function httpBaseUrl(value: string): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new Error(`${KEY}.baseUrl must be an http(s) URL, got '${value}'`);
  }
  // The URL is named in logs and errors; credentials in it would be shown with it.
  if (url.username || url.password) {
    throw new Error(
      `${KEY}.baseUrl must not carry credentials: set ${KEY}.token instead`,
    );
  }
  return url.toString().replace(/\/+$/, '');
}
