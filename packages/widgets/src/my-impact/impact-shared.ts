import { css } from 'lit';
import { PERIODS, type Period } from '@advocacy/sdk';
import type { LocalizeController } from '../base/localize.js';
import type { MessageKey } from '../translations/en.js';

/** "this month", to end a sentence. */
export const PERIOD_PHRASE: Record<Period, MessageKey> = { week: 'impactWeek', month: 'impactMonth', quarter: 'impactQuarter', all: 'impactAll' };

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
