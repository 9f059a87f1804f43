import { InputError } from '@backstage/errors';
import { parseLogQuery, selects } from './logQl';
import type { RunLog } from './RunLog';

/** Loki's answer for a log query, and nothing else (no stats). */
export interface StreamsAnswer {
  status: 'success';
  data: {
    resultType: 'streams';
    result: { stream: Record<string, string>; values: [string, string][] }[];
  };
}

export interface QueryRangeParams {
  query?: string;
  start?: string;
  end?: string;
  limit?: string;
  direction?: string;
}

const HOUR_NS = 3_600_000_000_000n;

/**
 * `GET /loki/api/v1/query_range` over the run log, with Loki's defaults: the last hour,
 * 100 lines, newest first. `limit` counts lines across all streams; `direction` picks which
 * end of the window the kept lines come from and their order within each stream.
 */
export function queryRange(
  log: RunLog,
  params: QueryRangeParams,
  nowMs = Date.now(),
): StreamsAnswer {
  if (!params.query) throw new InputError('query must be given');
  const query = parseLogQuery(params.query);
  const end = params.end ? time(params.end, 'end') : BigInt(nowMs) * 1_000_000n;
  const start = params.start ? time(params.start, 'start') : end - HOUR_NS;
  const limit = params.limit === undefined ? 100 : Number(params.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 5000) {
    throw new InputError('limit must be an integer from 1 to 5000');
  }
  const direction = params.direction ?? 'backward';
  if (direction !== 'backward' && direction !== 'forward') {
    throw new InputError("direction must be 'forward' or 'backward'");
  }
  // The window includes start and excludes end, as Loki's does.
  const hits = log
    .all()
    .filter(
      l => l.ns >= start && l.ns < end && selects(query, l.labels, l.line),
    );
  const kept =
    direction === 'backward'
      ? hits.slice(-limit).reverse()
      : hits.slice(0, limit);
  const streams = new Map<
    string,
    { stream: Record<string, string>; values: [string, string][] }
  >();
  for (const l of kept) {
    const key = JSON.stringify(Object.entries(l.labels).sort());
    if (!streams.has(key))
      streams.set(key, { stream: { ...l.labels }, values: [] });
    streams.get(key)!.values.push([String(l.ns), l.line]);
  }
  return {
    status: 'success',
    data: { resultType: 'streams', result: [...streams.values()] },
  };
}

/** Nanoseconds since the epoch, or an RFC 3339 time. */
function time(value: string, name: string): bigint {
  if (/^\d+$/.test(value)) return BigInt(value);
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    throw new InputError(
      `${name} must be nanoseconds since the epoch or an RFC 3339 time`,
    );
  }
  return BigInt(ms) * 1_000_000n;
}
