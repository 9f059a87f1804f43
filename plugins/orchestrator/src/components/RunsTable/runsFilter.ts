import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  Filter,
  ProcessInstanceStatusDTO,
} from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import { DateTime } from 'luxon';

/**
 * When runs started: a preset relative to today (a shared link keeps meaning
 * "the last 7 days"), or `custom` with the from/to dates.
 */
export type StartedRange = '' | 'today' | '7d' | '30d' | 'custom';
export const STARTED_RANGES: StartedRange[] = [
  '',
  'today',
  '7d',
  '30d',
  'custom',
];

/** What the user picked above the runs table. Empty values mean "any". */
export interface RunsFilterState {
  statuses: ProcessInstanceStatusDTO[];
  workflowId: string;
  startedRange: StartedRange;
  /** `yyyy-MM-dd` from a date input, in the user's time zone; used when the range is custom. */
  startedFrom: string;
  startedTo: string;
  entity: string;
  runBy: string;
}

export const EMPTY_RUNS_FILTER: RunsFilterState = {
  statuses: [],
  workflowId: '',
  startedRange: '',
  startedFrom: '',
  startedTo: '',
  entity: '',
  runBy: '',
};

/**
 * Lets users type `my-service` or `Component:default/my-service`: refs are
 * stored in their canonical form, so compare in that form.
 */
export function normalizeEntityRef(text: string, defaultKind: string): string {
  const trimmed = text.trim();
  try {
    return stringifyEntityRef(
      parseEntityRef(trimmed, { defaultKind, defaultNamespace: 'default' }),
    );
  } catch {
    return trimmed;
  }
}

function dayBoundary(date: string, edge: 'start' | 'end'): string | undefined {
  const dt = DateTime.fromISO(date);
  if (!dt.isValid) return undefined;
  return (
    (edge === 'start' ? dt.startOf('day') : dt.endOf('day')).toUTC().toISO() ??
    undefined
  );
}

const PRESET_DAYS: Partial<Record<StartedRange, number>> = {
  today: 0,
  '7d': 6,
  '30d': 29,
};

/** The from/to instants of the range, today's presets counted in whole local days. */
function startedBounds(
  state: RunsFilterState,
  now: DateTime,
): { from?: string; to?: string } {
  const days = PRESET_DAYS[state.startedRange];
  if (days !== undefined) {
    return {
      from: now.minus({ days }).startOf('day').toUTC().toISO() ?? undefined,
    };
  }
  if (state.startedRange !== 'custom') return {};
  return {
    from: state.startedFrom
      ? dayBoundary(state.startedFrom, 'start')
      : undefined,
    to: state.startedTo ? dayBoundary(state.startedTo, 'end') : undefined,
  };
}

/** The server-side `Filter` of a SearchRequest, or undefined when nothing is picked. */
export function buildRunsFilter(
  state: RunsFilterState,
  now: DateTime = DateTime.now(),
): Filter | undefined {
  const filters: Filter[] = [];
  if (state.statuses.length === 1) {
    filters.push({ field: 'state', operator: 'EQ', value: state.statuses[0] });
  } else if (state.statuses.length > 1) {
    filters.push({ field: 'state', operator: 'IN', value: state.statuses });
  }
  if (state.workflowId) {
    filters.push({
      field: 'processId',
      operator: 'EQ',
      value: state.workflowId,
    });
  }
  const { from, to } = startedBounds(state, now);
  if (from && to) {
    filters.push({ field: 'start', operator: 'BETWEEN', value: [from, to] });
  } else if (from) {
    filters.push({ field: 'start', operator: 'GTE', value: from });
  } else if (to) {
    filters.push({ field: 'start', operator: 'LTE', value: to });
  }
  if (state.entity.trim()) {
    filters.push({
      field: 'variables',
      nested: {
        field: 'targetEntity',
        operator: 'EQ',
        value: normalizeEntityRef(state.entity, 'component'),
      },
    });
  }
  if (state.runBy.trim()) {
    filters.push({
      field: 'variables',
      nested: {
        field: 'initiatorEntity',
        operator: 'EQ',
        value: normalizeEntityRef(state.runBy, 'user'),
      },
    });
  }
  if (filters.length === 0) return undefined;
  return filters.length === 1 ? filters[0] : { operator: 'AND', filters };
}
