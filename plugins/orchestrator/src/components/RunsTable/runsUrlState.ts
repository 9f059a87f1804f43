import { ProcessInstanceStatusDTO } from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import { ServerTableQuery } from '../shared/ServerTable';
import {
  EMPTY_RUNS_FILTER,
  RunsFilterState,
  STARTED_RANGES,
  StartedRange,
} from './runsFilter';

/** Everything that shapes the runs list; kept in the query string so a view can be shared and survives reload and Back. */
export interface RunsUrlState {
  query: ServerTableQuery;
  filter: RunsFilterState;
  search: string;
}

export const INITIAL_RUNS_QUERY: ServerTableQuery = {
  page: 0,
  pageSize: 20,
  orderBy: 'start',
  orderDirection: 'DESC',
};

const FILTER_KEYS: Record<
  Exclude<keyof RunsFilterState, 'statuses' | 'startedRange'>,
  string
> = {
  workflowId: 'workflow',
  startedFrom: 'from',
  startedTo: 'to',
  entity: 'entity',
  runBy: 'runBy',
};

const count = (text: string | null, fallback: number) => {
  const n = Number(text);
  return text !== null && Number.isInteger(n) && n >= 0 ? n : fallback;
};

/** Unknown or malformed values fall back to the defaults: a hand-edited link still opens. */
export function parseRunsUrl(params: URLSearchParams): RunsUrlState {
  const filter: RunsFilterState = { ...EMPTY_RUNS_FILTER };
  for (const [field, key] of Object.entries(FILTER_KEYS)) {
    (filter as any)[field] = params.get(key) ?? '';
  }
  const started = params.get('started') ?? '';
  filter.startedRange = STARTED_RANGES.includes(started as StartedRange)
    ? (started as StartedRange)
    : '';
  // links written before the presets carry only from/to
  if (!filter.startedRange && (filter.startedFrom || filter.startedTo)) {
    filter.startedRange = 'custom';
  }
  filter.statuses = (params.get('status') ?? '')
    .split(',')
    .filter(Boolean) as ProcessInstanceStatusDTO[];
  const order = params.get('order');
  return {
    filter,
    search: params.get('q') ?? '',
    query: {
      page: count(params.get('page'), INITIAL_RUNS_QUERY.page),
      pageSize: count(params.get('size'), INITIAL_RUNS_QUERY.pageSize) || 20,
      orderBy: params.get('orderBy') ?? INITIAL_RUNS_QUERY.orderBy,
      orderDirection:
        order === 'ASC' || order === 'DESC'
          ? order
          : INITIAL_RUNS_QUERY.orderDirection,
    },
  };
}

/** Writes only what differs from the defaults, leaving other parameters alone. */
export function writeRunsUrl(
  previous: URLSearchParams,
  state: RunsUrlState,
): URLSearchParams {
  const next = new URLSearchParams(previous);
  const set = (key: string, value: string, fallback = '') => {
    if (value && value !== fallback) next.set(key, value);
    else next.delete(key);
  };
  for (const [field, key] of Object.entries(FILTER_KEYS)) {
    set(key, (state.filter as any)[field]);
  }
  set('started', state.filter.startedRange);
  if (state.filter.startedRange !== 'custom') {
    next.delete('from');
    next.delete('to');
  }
  set('status', state.filter.statuses.join(','));
  set('q', state.search);
  const { query } = state;
  set('page', String(query.page), '0');
  set('size', String(query.pageSize), String(INITIAL_RUNS_QUERY.pageSize));
  set('orderBy', query.orderBy ?? '', INITIAL_RUNS_QUERY.orderBy);
  set('order', query.orderDirection, INITIAL_RUNS_QUERY.orderDirection);
  return next;
}
