import { ADMIN_STATS_MAX_DAYS } from '@advocacy/sdk';

/** Ranges the dashboard offers in one click, each ending today (UTC) except last month. */
export const RANGE_PRESETS = ['last-7-days', 'last-30-days', 'this-month', 'last-month', 'this-quarter', 'this-year'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

/** Inclusive UTC days, `YYYY-MM-DD`. */
export interface DayRange {
  readonly from: string;
  readonly to: string;
}

const DAY_MS = 86_400_000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

const isoDay = (time: number): string => new Date(time).toISOString().slice(0, 10);
const utcDay = (year: number, month: number, day: number): number => Date.UTC(year, month, day);

export const isPreset = (value: string | undefined): value is RangePreset => (RANGE_PRESETS as readonly string[]).includes(value ?? '');

/** A real calendar day in `YYYY-MM-DD` (2027-02-30 is not one). */
export function isDay(value: string | undefined): value is string {
  return !!value && ISO_DAY.test(value) && isoDay(Date.parse(`${value}T00:00:00Z`) || 0) === value;
}

/** Days in an inclusive range. */
export const daysIn = ({ from, to }: DayRange): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;

/** Why a range cannot be asked for, or undefined when it can: the API takes `from` ≤ `to`, at most 366 days. */
export function rangeProblem(range: Partial<DayRange>): 'from' | 'to' | 'order' | 'length' | undefined {
  if (!isDay(range.from)) return 'from';
  if (!isDay(range.to)) return 'to';
  const days = daysIn(range as DayRange);
  if (days < 1) return 'order';
  return days > ADMIN_STATS_MAX_DAYS ? 'length' : undefined;
}

/** The preset's days as of `now`, in UTC: the organisation's figures are kept by UTC day. */
export function presetRange(preset: RangePreset, now: Date): DayRange {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  const today = utcDay(year, month, now.getUTCDate());
  const to = isoDay(today);
  switch (preset) {
    case 'last-7-days':
      return { from: isoDay(today - 6 * DAY_MS), to };
    case 'last-30-days':
      return { from: isoDay(today - 29 * DAY_MS), to };
    case 'this-month':
      return { from: isoDay(utcDay(year, month, 1)), to };
    case 'last-month':
      // Day 0 of this month is the last day of the one before; Date.UTC carries January back into December.
      return { from: isoDay(utcDay(year, month - 1, 1)), to: isoDay(utcDay(year, month, 0)) };
    case 'this-quarter':
      return { from: isoDay(utcDay(year, month - (month % 3), 1)), to };
    case 'this-year':
      return { from: isoDay(utcDay(year, 0, 1)), to };
  }
}
