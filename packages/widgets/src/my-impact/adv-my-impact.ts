import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { createResourceStore, type AdvClient, type DeclaredAudience, type Leaderboard, type Network, type Period, type ResourceStore } from '@advocacy/sdk';
import { AdvDataElement } from '../base/adv-data-element.js';
import type { MessageKey } from '../translations/en.js';
import { approximately, besidePrevious, figure, PERIOD_PHRASE, reachMethod, tileStyles, validPeriod } from './impact-shared.js';

/** What `<adv-my-impact>` shows: the caller's figures for a period, and their estimated reach (null: no audience declared). */
export interface MyImpact {
  readonly period: Period;
  /** First day (UTC) of the period. */
  readonly periodStart?: string | undefined;
  /** Last day counted so far (today, UTC): equal to `periodStart` on the period's first day. */
  readonly periodEnd?: string | undefined;
  readonly me: Leaderboard['me'];
  readonly reach: number | null;
}

/** The networks the caller declares an audience for. */
const declaredNetworks = (audience: DeclaredAudience): Network[] => (Object.keys(audience) as Network[]).filter((network) => audience[network]);

/**
 * Estimated reach, counted the way the programme's stats count it
 * (`StatsSchema.estimatedReach`): each network the caller shared to in the
 * period counts once, with the audience they declare for it (`GET /v1/me`).
 * Summing every declared audience would count networks they never used, and
 * the leaderboard only has totals, so the caller's own shares
 * (`GET /v1/shares`, newest first) are read back to the period's start: at
 * most 5 pages, and no further once every declared network has been seen.
 * A link created before the period and posted again in it is not counted.
 */
async function estimateReach(client: AdvClient, audience: DeclaredAudience, since: string, signal: AbortSignal): Promise<number | null> {
  const declared = declaredNetworks(audience);
  if (declared.length === 0) return null;
  const start = Date.parse(since);
  const seen = new Set<Network>();
  let cursor: string | null = null;
  for (let page = 0; page < 5 && seen.size < declared.length; page++) {
    const list = await client.shares.listMine({ limit: 100, ...(cursor ? { cursor } : {}) }, { signal });
    const inPeriod = list.items.filter((item) => Date.parse(item.createdAt) >= start);
    for (const item of inPeriod) seen.add(item.network);
    cursor = inPeriod.length < list.items.length ? null : list.nextCursor;
    if (!cursor) break;
  }
  return declared.reduce((sum, network) => sum + (seen.has(network) ? audience[network]! : 0), 0);
}

/**
 * The caller's own figures for a period: shares, readers (credited clicks),
 * points, rank and estimated reach, with a friendly sentence.
 * @tagname adv-my-impact
 * @summary The employee's personal advocacy figures.
 * @slot empty - Shown when the caller has neither shares nor readers in the period. Its default message says
 * when the period has just begun and shows the caller's period before beside it.
 * @slot error - Replaces the default error message.
 * @csspart base - The outer box.
 * @csspart line - The sentence above the figures.
 * @csspart figures - The figure tiles (a description list).
 * @csspart help - How reach is estimated: a "How we estimate" disclosure (`<details>`), or, with no audience
 * declared, the sentence asking for one.
 * @csspart method-summary - The disclosure's "How we estimate" summary.
 * @csspart method-link - "Read the method", when `method-href` is set.
 * @csspart retry - The retry button of the error state.
 * @cssproperty --adv-tile-min-width - Narrowest a figure tile gets before wrapping (default 8.5rem).
 * @event adv-load - The figures arrived (detail.empty when the caller has neither shares nor readers in the period).
 * @event adv-error - Loading failed.
 */
export class AdvMyImpact extends AdvDataElement<MyImpact> {
  static override styles = [AdvDataElement.styles, tileStyles];

  /** `week`, `month` (default), `quarter` or `all`. */
  @property({ reflect: true }) period: Period = 'month';

  /**
   * Where the estimated reach's method is written up in full (for example the
   * kit's `docs/estimated-reach.md`, published): adds a "Read the method" link
   * to the "How we estimate" disclosure. Only an `https:` URL (or `http:` on
   * loopback) is used (`safeUrl()`); anything else shows no link.
   */
  @property({ attribute: 'method-href' }) methodHref: string | undefined;

  protected override emptyMessage: MessageKey = 'impactEmpty';

  /** Employee data: waits for `getToken`. */
  protected override needsToken(): boolean {
    return true;
  }

  protected createStore(client: AdvClient): ResourceStore<MyImpact> {
    const period = validPeriod(this.period);
    return createResourceStore(async (signal) => {
      const [board, profile] = await Promise.all([client.leaderboard.get({ period, limit: 1 }, { signal }), client.me.get({ signal })]);
      const { me, periodStart, periodEnd } = board;
      // No share in the period: nothing reached, unless no audience is declared (then unknown).
      const reach = me.shares ? await estimateReach(client, profile.audience, periodStart, signal) : declaredNetworks(profile.audience).length ? 0 : null;
      return { period, periodStart, periodEnd, me, reach };
    });
  }

  protected storeKey(): unknown {
    return validPeriod(this.period);
  }

  /** Readers of earlier shares count: a period with readers and no new share is not empty. */
  protected override isEmpty(data: MyImpact): boolean {
    return data.me.shares === 0 && data.me.clicks === 0;
  }

  /** With the caller's period before active: "This month has just started. Last month: 20 readers, 3 shares". */
  protected override renderEmptyMessage(data: MyImpact | undefined): unknown {
    const previous = data?.me.previous;
    if (!data || !previous || (previous.shares === 0 && previous.clicks === 0)) return super.renderEmptyMessage(data);
    const l = this.l;
    const readers = l.plural(previous.clicks, 'impactReaderCount');
    const shares = l.plural(previous.shares, 'impactShareCount');
    // A zero is left out: "20 readers" (of older shares), "3 shares" (no reader yet).
    const figures = previous.clicks && previous.shares ? l.t('impactPreviousMine', { readers, shares }) : previous.clicks ? readers : shares;
    const sentence = besidePrevious(l, data, figures);
    return sentence === undefined ? super.renderEmptyMessage(data) : html`<p>${sentence}</p>`;
  }

  protected renderReady({ period, me, reach }: MyImpact): unknown {
    const l = this.l;
    const when = l.t(PERIOD_PHRASE[period]);
    const readers = l.plural(me.clicks, 'impactReaderCount');
    const tile = (label: MessageKey, value: string) => html`<div><dt>${l.t(label)}</dt><dd>${value}</dd></div>`;
    return html`<p class="line" part="line">
        ${!me.shares
          ? l.t('impactLineEarlier', { readers, period: when })
          : me.clicks
            ? l.plural(me.shares, 'impactLine', { readers, period: when })
            : l.t('impactNoReadersYet', { period: when })}
      </p>
      <dl class="tiles" part="figures">
        ${tile('impactReaders', l.compact(me.clicks))}${tile('impactShares', l.compact(me.shares))}${tile('impactPoints', l.compact(me.points))}
        ${tile('impactRank', me.rank === null ? l.t('impactNotRanked') : figure(l, me.rank))}
        <div class="estimate"><dt>${l.t('impactReach')}</dt><dd aria-describedby="help">${reach === null ? '—' : approximately(l, reach)}</dd></div>
      </dl>
      ${reach === null
        ? html`<p class="help muted" part="help" id="help">${l.t('impactReachUnknown')}</p>`
        : reachMethod(l, l.t('impactReachHelp', { period: when }), this.methodHref)}`;
  }
}
