import { html, nothing, svg } from 'lit';
import { property } from 'lit/decorators.js';
import { createResourceStore, createStatsStore, type AdvClient, type Network, type Period, type PublicStats, type ResourceStore, type Stats } from '@advocacy/sdk';
import { AdvDataElement } from '../base/adv-data-element.js';
import { approximately, besidePrevious, figure, PERIOD_PHRASE, reachMethod, tileStyles, validPeriod } from '../my-impact/impact-shared.js';
import type { MessageKey } from '../translations/en.js';
import { styles } from './adv-program-stats.styles.js';

/** Brand names stay as they are in every language; email is translated. */
const NETWORK_NAMES: Partial<Record<Network, string>> = { linkedin: 'LinkedIn', x: 'X', whatsapp: 'WhatsApp' };

/**
 * The organisation's figures for a period: estimated reach, shares, readers
 * and active ambassadors, readers by network and by day.
 * @tagname adv-program-stats
 * @summary What the programme achieved together.
 * @slot empty - Shown when the period has neither shares nor readers. Its default message says when the
 * period has just begun and shows the period before beside it.
 * @slot error - Replaces the default error message.
 * @csspart base - The outer box.
 * @csspart line - The headline.
 * @csspart figures - The figure tiles (a description list).
 * @csspart help - How reach is estimated: a "How we estimate" disclosure (`<details>`).
 * @csspart method-summary - The disclosure's "How we estimate" summary.
 * @csspart method-link - "Read the method", when `method-href` is set.
 * @csspart networks - The by-network table with its bars.
 * @csspart bar - One network's bar (SVG).
 * @csspart trend - Readers per day (a sparkline and its text).
 * @csspart retry - The retry button of the error state.
 * @cssproperty --adv-program-stats-bar - Colour of the bars and the sparkline.
 * @cssproperty --adv-tile-min-width - Narrowest a figure tile gets before wrapping (default 8.5rem).
 * @event adv-load - The figures arrived (detail.empty when the period has neither shares nor readers).
 * @event adv-error - Loading failed.
 */
export class AdvProgramStats extends AdvDataElement<Stats | PublicStats> {
  static override styles = [AdvDataElement.styles, tileStyles, styles];

  /** `week`, `month` (default), `quarter` or `all`. */
  @property({ reflect: true }) period: Period = 'month';

  /** Public totals only (`GET /v1/stats/public`): a publishable key is enough, for a career site. No per-network or per-day detail. */
  @property({ type: Boolean, reflect: true }) public = false;

  /**
   * Where the estimated reach's method is written up in full (for example the
   * kit's `docs/estimated-reach.md`, published): adds a "Read the method" link
   * to the "How we estimate" disclosure. Only an `https:` URL (or `http:` on
   * loopback) is used (`safeUrl()`); anything else shows no link.
   */
  @property({ attribute: 'method-href' }) methodHref: string | undefined;

  protected override emptyMessage: MessageKey = 'statsEmpty';

  /** The programme's full figures are for employees; `public` totals need only a publishable key. */
  protected override needsToken(): boolean {
    return !this.public;
  }

  protected createStore(client: AdvClient): ResourceStore<Stats | PublicStats> {
    const period = validPeriod(this.period);
    return this.public ? createResourceStore((signal) => client.stats.getPublic({ period }, { signal })) : createStatsStore(client, period);
  }

  protected storeKey(): unknown {
    return [validPeriod(this.period), this.public];
  }

  /** Readers of earlier shares count: a period with readers and no new share is not empty. */
  protected override isEmpty(data: Stats | PublicStats): boolean {
    return data.shares === 0 && data.creditedClicks === 0;
  }

  /** With the period before active: "This month has just started. Last month: 2,684 people reached". */
  protected override renderEmptyMessage(data: Stats | PublicStats | undefined): unknown {
    const previous = data?.previous;
    if (!data || !previous || (previous.shares === 0 && previous.creditedClicks === 0)) return super.renderEmptyMessage(data);
    const l = this.l;
    const figures = previous.estimatedReach
      ? l.plural(previous.estimatedReach, 'impactPeopleReached')
      : previous.creditedClicks
        ? l.plural(previous.creditedClicks, 'impactReaderCount')
        : l.plural(previous.shares, 'impactShareCount');
    const sentence = besidePrevious(l, data, figures);
    return sentence === undefined ? super.renderEmptyMessage(data) : html`<p>${sentence}</p>`;
  }

  protected renderReady(data: Stats | PublicStats): unknown {
    const l = this.l;
    const tile = (label: MessageKey, value: number, estimate?: boolean) =>
      html`<div class=${estimate ? 'estimate' : ''}><dt>${l.t(label)}</dt><dd aria-describedby=${estimate ? 'help' : nothing}>${estimate ? approximately(l, value) : l.compact(value)}</dd></div>`;
    const period = l.t(PERIOD_PHRASE[data.period]);
    // No reach without a share in the period: readers of earlier shares lead instead of "0 people".
    const headline =
      data.estimatedReach === 0 && data.creditedClicks > 0
        ? l.plural(data.creditedClicks, 'statsReadersHeadline', { period })
        : l.t('statsHeadline', { reach: data.estimatedReach, period });
    return html`<p class="line" part="line">${headline}</p>
      <dl class="tiles" part="figures">
        ${tile('impactReach', data.estimatedReach, true)}${tile('impactReaders', data.creditedClicks)}${tile('impactShares', data.shares)}${tile('statsAmbassadors', data.activeAmbassadors)}
      </dl>
      ${reachMethod(l, l.t('statsReachHelp'), this.methodHref)}
      ${'byNetwork' in data ? [this.renderNetworks(data), this.renderTrend(data)] : nothing}`;
  }

  /** Readers by network: a table (the figures, for everyone) whose bars are decorative SVG. */
  protected renderNetworks({ byNetwork }: Stats): unknown {
    if (byNetwork.length === 0) return nothing;
    const rows = [...byNetwork].sort((a, b) => b.creditedClicks - a.creditedClicks);
    const most = Math.max(1, rows[0]!.creditedClicks);
    const l = this.l;
    return html`<table class="networks" part="networks">
      <caption>${l.t('statsByNetwork')}</caption>
      <thead><tr><th scope="col">${l.t('statsNetwork')}</th><th scope="col">${l.t('impactReaders')}</th><th scope="col" class="num">${l.t('impactShares')}</th></tr></thead>
      <tbody>
        ${rows.map(
          (row) =>
            html`<tr>
              <th scope="row">${row.network === 'email' ? l.t('statsEmail') : (NETWORK_NAMES[row.network] ?? row.network[0]!.toUpperCase() + row.network.slice(1))}</th>
              <td>
                <span class="bar-cell">
                  <svg part="bar" class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
                    ${svg`<rect width=${(100 * row.creditedClicks) / most} height="10" rx="1.5"></rect>`}
                  </svg>
                  <span class="num">${figure(l, row.creditedClicks)}</span>
                </span>
              </td>
              <td class="num">${figure(l, row.shares)}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  }

  /** Readers per day: a sparkline (decorative) beside a sentence saying the busiest day. */
  protected renderTrend({ byDay }: Stats): unknown {
    const most = Math.max(...byDay.map((day) => day.creditedClicks));
    const peak = byDay.find((day) => day.creditedClicks === most);
    if (byDay.length < 2 || !peak || most === 0) return nothing;
    const points = byDay.map((day, index) => `${index},${(20 * (1 - day.creditedClicks / most)).toFixed(2)}`).join(' ');
    return html`<p class="trend muted" part="trend">
      <svg class="spark" viewBox="0 -1 ${byDay.length - 1} 22" preserveAspectRatio="none" aria-hidden="true">
        ${svg`<polyline points=${points} vector-effect="non-scaling-stroke"></polyline>`}
      </svg>
      <span>${this.l.t('statsByDay', { day: this.l.date(peak.day, { day: 'numeric', month: 'long', timeZone: 'UTC' }), count: peak.creditedClicks })}</span>
    </p>`;
  }
}
