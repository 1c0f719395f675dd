import type { Period } from '@advocacy/sdk/contract';

/** Start date (UTC, `YYYY-MM-DD`) of the period of `kind` that contains `at`. Weeks start on Monday (ISO 8601). */
export function periodStart(kind: Period, at: Date): string {
  const year = at.getUTCFullYear();
  const month = at.getUTCMonth();
  switch (kind) {
    case 'all':
      return '1970-01-01';
    case 'quarter':
      return isoDate(new Date(Date.UTC(year, month - (month % 3), 1)));
    case 'month':
      return isoDate(new Date(Date.UTC(year, month, 1)));
    case 'week': {
      const mondayOffset = (at.getUTCDay() + 6) % 7;
      return isoDate(new Date(Date.UTC(year, month, at.getUTCDate() - mondayOffset)));
    }
  }
}

/** `[start, end)` instants of the period containing `at`; `all` starts at the epoch. */
export function periodRange(kind: Period, at: Date): { start: Date; end: Date } {
  const start = new Date(`${periodStart(kind, at)}T00:00:00Z`);
  const end = new Date(start);
  if (kind === 'week') end.setUTCDate(end.getUTCDate() + 7);
  else if (kind === 'month') end.setUTCMonth(end.getUTCMonth() + 1);
  else if (kind === 'quarter') end.setUTCMonth(end.getUTCMonth() + 3);
  else end.setTime(Date.UTC(9999, 0, 1));
  return { start, end };
}

/** `[start, end)` of the period just before the one containing `at`; none before all time. */
export function previousPeriodRange(kind: Period, at: Date): { start: Date; end: Date } | undefined {
  if (kind === 'all') return undefined;
  const current = periodRange(kind, at);
  return periodRange(kind, new Date(current.start.getTime() - 1));
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
