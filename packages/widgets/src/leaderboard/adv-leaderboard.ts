import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  createLeaderboardStore,
  PERIODS,
  toAdvError,
  updateMe,
  type AdvClient,
  type AdvError,
  type Leaderboard,
  type LeaderboardEntry,
  type Period,
  type ResourceState,
  type ResourceStore,
} from '@advocacy/sdk';
import { AdvDataElement } from '../base/adv-data-element.js';
import { errorDetail } from '../base/error-message.js';
import { avatar } from '../base/avatar.js';
import { NarrowController } from '../base/narrow-controller.js';
import { ProgressiveListController, progressiveUpdateComplete } from '../base/progressive-list-controller.js';
import { AdvErrorEvent, AdvOptInEvent } from '../events.js';
import type { MessageKey } from '../translations/en.js';
import { styles } from './adv-leaderboard.styles.js';

const PERIOD_LABELS: Record<Period, MessageKey> = {
  week: 'leaderboardWeek',
  month: 'leaderboardMonth',
  quarter: 'leaderboardQuarter',
  all: 'leaderboardAll',
};

/** "Not ranked yet this month": an opted-in caller with no points in the period. */
const NOT_RANKED: Record<Period, MessageKey> = {
  week: 'leaderboardNotRankedWeek',
  month: 'leaderboardNotRankedMonth',
  quarter: 'leaderboardNotRankedQuarter',
  all: 'leaderboardNotRankedAll',
};

const COLUMNS: [MessageKey, string][] = [
  ['leaderboardRank', 'rank'],
  ['leaderboardName', ''],
  ['leaderboardPoints', 'num'],
  ['leaderboardShares', 'num extra'],
  ['leaderboardClicks', 'num extra'],
];


/**
 * Ranks the organisation's opted-in ambassadors for a period, highlights the
 * caller, and invites an employee who is not on it to join in one click.
 * It fits the slot a page gives it, not the viewport: under 30rem of its own
 * width (a sidebar), the shares and readers columns make way. A long board
 * renders its first ten rows at once and the rest in later tasks.
 * @tagname adv-leaderboard
 * @summary Leaderboard of opted-in employees, with a period switcher and an opt-in.
 * @slot empty - Shown when nobody has points for the period.
 * @slot error - Replaces the default error message.
 * @csspart base - The outer box.
 * @csspart periods - The period switcher (a radio group).
 * @csspart period - One period button.
 * @csspart table - The ranking table.
 * @csspart row - One ranked employee.
 * @csspart me - The caller's own row under the table: their rank when outside the shown top, or, opted in
 * with no points in the period, "Not ranked yet this month — share something to get on the board".
 * @csspart not-ranked - The "not ranked yet" sentence in that row.
 * @csspart avatar - A photo or initials.
 * @csspart opt-in - The invitation card for an employee not on the leaderboard.
 * @csspart opt-in-button - Joins the leaderboard.
 * @csspart leave-button - Leaves the leaderboard.
 * @csspart retry - The retry button of the error state.
 * @cssproperty --adv-leaderboard-highlight - Background of the caller's row.
 * @cssproperty --adv-leaderboard-avatar-size - Size of photos and initials (default 2rem).
 * @event adv-load - The leaderboard arrived (detail.empty when nobody has points).
 * @event adv-error - Loading failed, or joining / leaving could not be saved.
 * @event adv-opt-in - The caller joined or left (detail.optedIn).
 */
export class AdvLeaderboard extends AdvDataElement<Leaderboard> {
  static override styles = [AdvDataElement.styles, styles];

  /** `week`, `month` (default), `quarter` or `all`. */
  @property({ reflect: true }) period: Period = 'month';

  /** Only this team (a team name as the identity provider sends it). */
  @property() team: string | undefined;

  /** How many ranked employees to show (1 to 100). */
  @property({ type: Number }) limit = 10;

  @state() private optInBusy = false;
  /** Why joining or leaving failed, until the next try. */
  @state() private optInError: AdvError | undefined;
  @state() private optInSaid = '';

  /** Under 30rem of its own width, the shares and readers columns make way. */
  readonly #narrow = new NarrowController(this, 30);
  /** Ten rows first, then twenty per task: a board of 100 holds no long task. */
  readonly #progressive = new ProgressiveListController(this, { first: 10, batch: 20 });

  /** The rows last shown, kept on screen while another period or team loads. */
  #shown: Leaderboard | undefined;

  protected override emptyMessage: MessageKey = 'leaderboardEmpty';

  get #period(): Period {
    return PERIODS.includes(this.period) ? this.period : 'month';
  }

  /** 1 to 100, as the API takes it; 10 for anything else. */
  get #limit(): number {
    return this.limit >= 1 && this.limit <= 100 ? Math.floor(this.limit) : 10;
  }

  /** Employee data: waits for `getToken`. */
  protected override needsToken(): boolean {
    return true;
  }

  protected createStore(client: AdvClient): ResourceStore<Leaderboard> {
    return createLeaderboardStore(client, { period: this.#period, limit: this.#limit, ...(this.team ? { team: this.team } : {}) });
  }

  protected storeKey(): unknown {
    return [this.#period, this.team, this.#limit];
  }

  protected override isEmpty(data: Leaderboard): boolean {
    return data.items.length === 0;
  }

  /** The period switcher stays put (keeping its focus) while the rows below change, and the last rows stay while another period loads. */
  protected override renderState(current: ResourceState<Leaderboard>): unknown {
    if (current.data) this.#shown = current.data;
    const shown = current.data ?? (current.status === 'error' ? undefined : this.#shown);
    return html`${this.#shown ? this.#periods() : nothing}${shown ? (this.isEmpty(shown) ? this.renderEmpty() : this.renderReady(shown)) : super.renderState(current)}`;
  }

  protected override renderEmpty(): unknown {
    return html`${super.renderEmpty()}${this.#shown ? this.renderOptIn(this.#shown) : nothing}`;
  }

  protected renderReady(data: Leaderboard): unknown {
    const { items, me } = data;
    const outside = me.rank !== null && !items.some((entry) => entry.isMe);
    // Opted in, nothing yet: their own row says so. (Points but no rank: outside a `team` they are not in; nothing to say.)
    const unranked = me.optedIn && me.rank === null && me.points === 0;
    const t = this.l.t.bind(this.l);
    // Another period or team starts again from ten rows; a refresh of the same board keeps those shown.
    const rows = this.#progressive.take(items, `${data.period} ${data.team ?? ''}`);
    return html`<table part="table" class=${this.#narrow.narrow ? 'narrow' : ''} aria-busy=${this.#progressive.partial ? 'true' : nothing}>
        <caption>
          ${t('leaderboardTitle')}
          <span class="muted">· ${data.team ? `${data.team} · ` : ''}<span class="nowrap">${t(PERIOD_LABELS[data.period])}</span></span>
        </caption>
        <thead>
          <tr>
            ${COLUMNS.map(([key, className]) => html`<th scope="col" class=${className}>${t(key)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${rows.map((entry, index) => this.renderRow(entry, items[index - 1]?.rank === entry.rank || items[index + 1]?.rank === entry.rank))}
        </tbody>
        ${outside
          ? html`<tfoot>
              <tr part="me" class="me" aria-current="true">
                <td class="rank"><span class="medal">${this.l.number(me.rank!)}</span></td>
                <th scope="row">${t('leaderboardYourRank')} <span class="you">${t('leaderboardYou')}</span></th>
                ${this.#figures(me)}
              </tr>
            </tfoot>`
          : unranked
            ? this.renderNotRanked(data)
            : nothing}
      </table>
      ${this.renderOptIn(data)}`;
  }

  /** Resolves once every row is rendered, not only the first ten. */
  protected override getUpdateComplete(): Promise<boolean> {
    return progressiveUpdateComplete(() => super.getUpdateComplete(), this.#progressive);
  }

  /** The caller's row when opted in with no points in the period: not ranked yet, and how to get on the board. */
  protected renderNotRanked({ period, me }: Leaderboard): unknown {
    const t = this.l.t.bind(this.l);
    // Shares without points: under the first-reader rule, points come with readers, not with pressing Share.
    const hint = t(me.shares ? 'leaderboardNotRankedWaiting' : 'leaderboardNotRankedHint');
    return html`<tfoot>
      <tr part="me" class="me" aria-current="true">
        <td class="rank"><span class="medal" aria-hidden="true">–</span></td>
        <th scope="row">
          <span class="name"
            >${t('leaderboardYourRank')} <span class="you">${t('leaderboardYou')}</span
            ><span class="note" part="not-ranked">${t(NOT_RANKED[period])} — ${hint}</span></span
          >
        </th>
        ${this.#figures(me)}
      </tr>
    </tfoot>`;
  }

  /**
   * One ranked employee; `tied` when a neighbour shares the rank. A long name
   * stops at two lines and a team at one, with an ellipsis: the whole text
   * stays in the cell for assistive technologies and in its `title`.
   */
  protected renderRow(entry: LeaderboardEntry, tied: boolean): unknown {
    return html`<tr part="row" class=${entry.isMe ? 'me' : ''} aria-current=${entry.isMe ? 'true' : nothing}>
      <td class="rank"><span class="medal r${entry.rank}">${this.l.number(entry.rank)}</span>${tied ? html` <span class="visually-hidden">${this.l.t('leaderboardTied')}</span>` : nothing}</td>
      <th scope="row">
        <span class="who">
          ${avatar(entry.displayName, entry.avatarUrl, 32)}
          <span class="name"
            ><span class="clamp display" title=${entry.displayName}
              >${entry.displayName}${entry.isMe ? html` <span class="you">${this.l.t('leaderboardYou')}</span>` : nothing}</span
            >${entry.team ? html`<span class="clamp team muted" title=${entry.team}>${entry.team}</span>` : nothing}</span
          >
        </span>
      </th>
      ${this.#figures(entry)}
    </tr>`;
  }

  /** The invitation to join (one click), or a small button to leave. */
  protected renderOptIn(data: Leaderboard): unknown {
    const t = this.l.t.bind(this.l);
    const button = (key: MessageKey, part: string, primary: boolean) =>
      html`<button type="button" class="button toggle ${primary ? 'primary' : 'quiet'}" part=${part} aria-disabled=${this.optInBusy ? 'true' : 'false'} @click=${this.#toggle}>
        ${t(key)}
      </button>`;
    return html`<div class="opt">
      <p role="status" class="visually-hidden">${this.optInSaid}</p>
      ${this.optInError ? html`<p role="alert" class="alert">${t('leaderboardOptInFailed')}${errorDetail(this.optInError)}</p>` : nothing}
      ${data.me.optedIn
        ? button('leaderboardLeave', 'leave-button', false)
        : html`<div class="invite" part="opt-in">
            <p class="invite-title">${t('leaderboardJoinTitle')}</p>
            <p>${t('leaderboardJoinText')}</p>
            ${button('leaderboardJoin', 'opt-in-button', true)}
          </div>`}
    </div>`;
  }

  /** Points, shares and readers: exact up to 99,999, then "12.3M" so the columns stay narrow. */
  #figures(row: { points: number; shares: number; clicks: number }): unknown {
    const n = (value: number) => (value < 1e5 ? this.l.number(value) : this.l.compact(value));
    return html`<td class="num points">${n(row.points)}</td><td class="num extra">${n(row.shares)}</td><td class="num extra">${n(row.clicks)}</td>`;
  }

  #periods(): unknown {
    const current = this.#period;
    return html`<div class="periods" part="periods" role="radiogroup" aria-label=${this.l.t('leaderboardPeriod')} @keydown=${this.#onKey}>
      ${PERIODS.map(
        (period) =>
          html`<button type="button" role="radio" part="period" data-period=${period} aria-checked=${period === current ? 'true' : 'false'} tabindex=${period === current ? 0 : -1} @click=${this.#onPick}>
            ${this.l.t(PERIOD_LABELS[period])}
          </button>`,
      )}
    </div>`;
  }

  #onPick = (event: Event): void => {
    void this.#select((event.currentTarget as HTMLElement).dataset['period'] as Period);
  };

  /** Radio group keys (WAI-ARIA APG): arrows move and select, wrapping; Home and End; left and right swap in RTL. */
  #onKey = (event: KeyboardEvent): void => {
    const step = { ArrowDown: 1, ArrowUp: -1, ArrowRight: 1, ArrowLeft: -1 }[event.key];
    const index = PERIODS.indexOf(this.#period);
    let next: number | undefined;
    if (step) next = index + (this.l.dir === 'rtl' && /Left|Right/.test(event.key) ? -step : step);
    if (event.key === 'Home') next = 0;
    if (event.key === 'End') next = PERIODS.length - 1;
    if (next === undefined) return;
    event.preventDefault();
    void this.#select(PERIODS[(next + PERIODS.length) % PERIODS.length]!);
  };

  async #select(period: Period): Promise<void> {
    this.period = period;
    this.optInError = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-period="${period}"]`)?.focus();
  }

  #toggle = async (): Promise<void> => {
    const data = this.resource.state.data;
    if (!this.client || !data || this.optInBusy) return;
    const optedIn = !data.me.optedIn;
    this.optInBusy = true;
    this.optInError = undefined;
    this.optInSaid = '';
    try {
      await updateMe(this.client, { leaderboardOptIn: optedIn });
      this.emit(new AdvOptInEvent({ optedIn }));
      await this.refresh();
      this.optInSaid = this.l.t(optedIn ? 'leaderboardJoined' : 'leaderboardLeft');
    } catch (error) {
      this.optInError = toAdvError(error);
      this.emit(new AdvErrorEvent({ error: this.optInError }));
    }
    this.optInBusy = false;
    await this.updateComplete;
    // The button pressed may have been replaced by its opposite: keep the focus there.
    this.renderRoot.querySelector<HTMLElement>('.toggle')?.focus();
  };
}

