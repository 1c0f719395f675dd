/** The ranges `<adv-people>` counts shares and readers over. */
export const PEOPLE_RANGES = ['last-30-days', 'this-month', 'this-quarter'] as const;
export type PeopleRange = (typeof PEOPLE_RANGES)[number];

const DAY_MS = 24 * 60 * 60 * 1000;

const isoDay = (time: number): string => new Date(time).toISOString().slice(0, 10);

/**
 * The first and last day (`YYYY-MM-DD`, both counted) of a range ending
 * today. Days are UTC, as the API counts them, so the admin's time zone
 * never moves a day's figures into another.
 */
export function rangeDays(range: PeopleRange, now: Date): { from: string; to: string } {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const to = isoDay(today);
  if (range === 'this-month') return { from: isoDay(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)), to };
  if (range === 'this-quarter') return { from: isoDay(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (now.getUTCMonth() % 3), 1)), to };
  return { from: isoDay(today - 29 * DAY_MS), to };
}

export const validRange = (value: string): PeopleRange => ((PEOPLE_RANGES as readonly string[]).includes(value) ? (value as PeopleRange) : 'last-30-days');
