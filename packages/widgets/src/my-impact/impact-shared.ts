import { css, html, nothing, type TemplateResult } from 'lit';
import { PERIODS, type Period } from '@advocacy/sdk';
import type { LocalizeController } from '../base/localize.js';
import { safeUrl } from '../base/safe-url.js';
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

/** An estimated reach as a tile shows it: "≈ 2.7K", marked as an estimate (a zero is no estimate: "0"). */
export const approximately = (l: LocalizeController, value: number): string => (value > 0 ? `≈\u00a0${l.compact(value)}` : l.compact(value));

/**
 * "How we estimate": a disclosure under the figures saying in a sentence or
 * two how the estimated reach is counted (`explanation`, whose element has
 * `id="help"` for the figure's `aria-describedby`), with a "Read the method"
 * link when the page gives one (`method-href`, through `safeUrl()`).
 */
export function reachMethod(l: LocalizeController, explanation: string, href: string | undefined): TemplateResult {
  const link = safeUrl(href);
  return html`<details class="help method muted" part="help">
    <summary part="method-summary">${l.t('impactReachMethod')}</summary>
    <p id="help">${explanation}</p>
    ${link ? html`<a part="method-link" href=${link}>${l.t('impactReachMethodLink')}</a>` : nothing}
  </details>`;
}

/** Figure tiles (`dl.tiles > div > dt + dd`), the sentence above them and the reach method under them, shared by `<adv-my-impact>` and `<adv-program-stats>`. */
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
  .method summary {
    inline-size: fit-content;
    cursor: pointer;
  }
  .method p {
    margin: var(--_space-2) 0;
    max-inline-size: 65ch;
  }
  .method a {
    color: inherit;
  }
`;
