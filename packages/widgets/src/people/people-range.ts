import { presetRange, type DayRange, type RangePreset } from '../program-dashboard/date-range.js';

/** The ranges `<adv-people>` counts shares and readers over: the dashboard's presets that end today. */
export const PEOPLE_RANGES = ['last-30-days', 'this-month', 'this-quarter'] as const satisfies readonly RangePreset[];
export type PeopleRange = (typeof PEOPLE_RANGES)[number];

/** The first and last UTC day (both counted) of a range as of `now`: the dashboard's one definition of each preset. */
export const rangeDays = (range: PeopleRange, now: Date): DayRange => presetRange(range, now);

export const validRange = (value: string): PeopleRange => ((PEOPLE_RANGES as readonly string[]).includes(value) ? (value as PeopleRange) : 'last-30-days');
