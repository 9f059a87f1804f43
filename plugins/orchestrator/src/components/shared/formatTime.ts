import { DateTime, Duration } from 'luxon';

/** "1h 2m", "3m 4s", "850 ms"; the two largest units are enough to compare runs. */
export function formatDuration(ms: number | undefined): string {
  if (ms === undefined || ms === null || Number.isNaN(ms) || ms < 0) {
    return '—';
  }
  if (ms < 1000) {
    return `${Math.round(ms)} ms`;
  }
  const d = Duration.fromMillis(ms).shiftTo(
    'days',
    'hours',
    'minutes',
    'seconds',
  );
  const parts: string[] = [];
  if (d.days) parts.push(`${d.days}d`);
  if (d.hours) parts.push(`${d.hours}h`);
  if (d.minutes) parts.push(`${d.minutes}m`);
  if (d.seconds >= 1) parts.push(`${Math.floor(d.seconds)}s`);
  return parts.slice(0, 2).join(' ') || '0s';
}

/** Absolute local date-time for an ISO string or epoch milliseconds. */
export function formatDateTime(value: string | number | undefined): string {
  const dt = toDateTime(value);
  return dt ? dt.toLocaleString(DateTime.DATETIME_MED_WITH_SECONDS) : '—';
}

/** "5 minutes ago"; the absolute time goes in a title attribute beside it. */
export function formatRelative(value: string | number | undefined): string {
  const dt = toDateTime(value);
  return dt ? dt.toRelative() ?? '—' : '—';
}

function toDateTime(value: string | number | undefined): DateTime | undefined {
  if (value === undefined || value === null || value === '') {
    return undefined;
  }
  const dt =
    typeof value === 'number'
      ? DateTime.fromMillis(value)
      : DateTime.fromISO(value);
  return dt.isValid ? dt : undefined;
}

/** 0.8 → "80%"; undefined when there were no finished runs to compare. */
export function formatRatio(ratio: number | undefined, total?: number): string {
  if (ratio === undefined || total === 0) {
    return '—';
  }
  return `${Math.round(ratio * 100)}%`;
}
