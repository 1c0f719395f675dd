import { css } from 'lit';
import { PERIODS, type Period } from '@advocacy/sdk';
import type { LocalizeController } from '../base/localize.js';
import type { MessageKey } from '../translations/en.js';

/** "this month", to end a sentence. */
export const PERIOD_PHRASE: Record<Period, MessageKey> = { week: 'impactWeek', month: 'impactMonth', quarter: 'impactQuarter', all: 'impactAll' };

/** "This month has just started. Last month: {previous}": a period on its first day, with nothing in it yet. `all` has no period before it. */
const JUST_STARTED: Partial<Record<Period, MessageKey>> = { week: 'impactJustStartedWeek', month: 'impactJustStartedMonth', quarter: 'impactJustStartedQuarter' };

/** "Nothing shared yet this month. Last month: {previous}": later in a period with nothing in it yet. */
const NOTHING_YET: Partial<Record<Period, MessageKey>> = { week: 'impactNothingYetWeek', month: 'impactNothingYetMonth', quarter: 'impactNothingYetQuarter' };

/**
 * The empty state's sentence for a period with nothing in it whose period
 * before had something (`previous`, already worded: "20 readers"). On the
 * period's first day (`periodStart === periodEnd`, today in UTC) it says the
 * period has just started; later, that nothing is shared yet. Undefined for
 * `all`, which has no period before it.
 */
export function besidePrevious(
  l: LocalizeController,
  { period, periodStart, periodEnd }: { period: Period; periodStart?: string | undefined; periodEnd?: string | undefined },
  previous: string,
): string | undefined {
  const justStarted = periodEnd !== undefined && periodStart === periodEnd;
  const key = (justStarted ? JUST_STARTED : NOTHING_YET)[period];
  return key && l.t(key, { previous });
}

/** A period attribute as the API knows it; anything else is the default month. */
export const validPeriod = (period: string): Period => (PERIODS.includes(period as Period) ? (period as Period) : 'month');

/** Exact up to 99,999, then "12.3M", so a figure fits its column or tile. */
export const figure = (l: LocalizeController, value: number): string => (value < 1e5 ? l.number(value) : l.compact(value));

/** Figure tiles (`dl.tiles > div > dt + dd`) and the sentence above them, shared by `<adv-my-impact>` and `<adv-program-stats>`. */
export const tileStyles = css`
  .line {
    margin: 0 0 var(--_space-4);
    font-size: var(--_large);
    font-weight: var(--_strong);
    text-wrap: balance;
  }
  .tiles {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(var(--adv-tile-min-width, 8.5rem), 1fr));
    gap: var(--_space-3);
    margin: 0;
  }
  .tiles > div {
    display: flex;
    flex-direction: column-reverse;
    justify-content: flex-end;
    padding: var(--_space-3);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
    box-shadow: inset 0 0 0 var(--_border-width) var(--_skeleton);
  }
  dt {
    color: var(--_text-muted);
    font-size: var(--_small);
  }
  dd {
    margin: 0;
    font-size: var(--_display);
    font-weight: var(--_strong);
    line-height: 1.2;
    font-variant-numeric: tabular-nums;
    overflow-wrap: normal;
  }
  .help {
    margin: var(--_space-3) 0 0;
    font-size: var(--_small);
  }
  .estimate dt::after {
    content: '\\a0*' / '';
  }
`;
