import { DateTime } from 'luxon';
import {
  buildRunsFilter,
  EMPTY_RUNS_FILTER,
  normalizeEntityRef,
  StartedRange,
} from './runsFilter';

describe('buildRunsFilter', () => {
  it('sends no filter when nothing is picked', () => {
    expect(buildRunsFilter(EMPTY_RUNS_FILTER)).toBeUndefined();
  });

  it('uses EQ for one status and IN for several', () => {
    expect(
      buildRunsFilter({ ...EMPTY_RUNS_FILTER, statuses: ['ERROR'] }),
    ).toEqual({
      field: 'state',
      operator: 'EQ',
      value: 'ERROR',
    });
    expect(
      buildRunsFilter({ ...EMPTY_RUNS_FILTER, statuses: ['ACTIVE', 'ERROR'] }),
    ).toEqual({ field: 'state', operator: 'IN', value: ['ACTIVE', 'ERROR'] });
  });

  it('combines workflow, started range and entity refs with AND', () => {
    const filter = buildRunsFilter({
      ...EMPTY_RUNS_FILTER,
      workflowId: 'greeting',
      startedRange: 'custom',
      startedFrom: '2024-11-01',
      startedTo: '2024-11-30',
      entity: 'my-service',
      runBy: 'guest',
    }) as any;
    expect(filter.operator).toBe('AND');
    expect(filter.filters[0]).toEqual({
      field: 'processId',
      operator: 'EQ',
      value: 'greeting',
    });
    expect(filter.filters[1].operator).toBe('BETWEEN');
    const [from, to] = filter.filters[1].value;
    expect(new Date(from).getTime()).toBeLessThan(new Date(to).getTime());
    expect(filter.filters[2]).toEqual({
      field: 'variables',
      nested: {
        field: 'targetEntity',
        operator: 'EQ',
        value: 'component:default/my-service',
      },
    });
    expect(filter.filters[3].nested).toEqual({
      field: 'initiatorEntity',
      operator: 'EQ',
      value: 'user:default/guest',
    });
  });

  it('uses GTE or LTE when only one end of the range is set', () => {
    expect(
      (
        buildRunsFilter({
          ...EMPTY_RUNS_FILTER,
          startedRange: 'custom',
          startedFrom: '2024-11-01',
        }) as any
      ).operator,
    ).toBe('GTE');
    expect(
      (
        buildRunsFilter({
          ...EMPTY_RUNS_FILTER,
          startedRange: 'custom',
          startedTo: '2024-11-01',
        }) as any
      ).operator,
    ).toBe('LTE');
  });
});

describe('started presets', () => {
  // a fixed "now" in a zone with an offset, so local day starts are visible
  const now = DateTime.fromISO('2026-03-15T10:30:00', {
    zone: 'Europe/Berlin',
  });
  const fromOf = (startedRange: StartedRange) =>
    (buildRunsFilter({ ...EMPTY_RUNS_FILTER, startedRange }, now) as any)
      ?.value;

  it('counts today, 7 and 30 days in whole local days, with no upper bound', () => {
    expect(fromOf('today')).toBe('2026-03-14T23:00:00.000Z');
    expect(fromOf('7d')).toBe('2026-03-08T23:00:00.000Z');
    expect(fromOf('30d')).toBe('2026-02-13T23:00:00.000Z');
    expect(
      (
        buildRunsFilter(
          { ...EMPTY_RUNS_FILTER, startedRange: '7d' },
          now,
        ) as any
      ).operator,
    ).toBe('GTE');
  });

  it('ignores leftover custom dates unless the range is custom', () => {
    expect(
      buildRunsFilter(
        { ...EMPTY_RUNS_FILTER, startedFrom: '2024-11-01', startedTo: '' },
        now,
      ),
    ).toBeUndefined();
    expect(fromOf('')).toBeUndefined();
  });
});

describe('normalizeEntityRef', () => {
  it('keeps full refs and completes short ones', () => {
    expect(normalizeEntityRef('system:team-a/shop', 'component')).toBe(
      'system:team-a/shop',
    );
    expect(normalizeEntityRef(' shop ', 'component')).toBe(
      'component:default/shop',
    );
  });
});
