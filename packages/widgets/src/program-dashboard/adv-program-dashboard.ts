import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  ADMIN_STATS_GROUPS,
  createResourceStore,
  TEAM_THRESHOLD,
  type AdminStats,
  type AdminStatsGroup,
  type AdminStatsQuery,
  type AdminStatsRange,
  type AdminStatsRow,
  type AdvClient,
  type Network,
  type ProgrammeKpis,
  type ResourceState,
  type ResourceStore,
} from '@advocacy/sdk';
import { AdvAdminElement } from '../base/adv-admin-element.js';
import { adminStyles } from '../base/admin.styles.js';
import { errorText } from '../base/error-message.js';
import { tileStyles } from '../my-impact/impact-shared.js';
import { networkName } from '../share-card/post-count.js';
import type { AdminMessageKey } from '../translations/admin.js';
import { styles } from './adv-program-dashboard.styles.js';
import { CsvDownloadController } from './csv-download-controller.js';
import { presetRange, isDay, isPreset, RANGE_PRESETS, rangeProblem, type DayRange, type RangePreset } from './date-range.js';
import { dayChart } from './day-chart.js';
import { kpiDelta, kpiList, kpiValue, type Kpi, type KpiWords } from './kpi-figures.js';

/** The range shown when the page sets neither a preset nor a valid `from`/`to`. */
const DEFAULT_PRESET: RangePreset = 'last-30-days';

const RANGE_PROBLEM: Record<NonNullable<ReturnType<typeof rangeProblem>>, AdminMessageKey> = {
  from: 'dashboardRangeFrom',
  to: 'dashboardRangeTo',
  order: 'dashboardRangeOrder',
  length: 'dashboardRangeLength',
};

/**
 * The programme dashboard, for programme admins: any range of UTC days
 * (`from`/`to`, or a preset: the last 7 or 30 days, this or last month, this
 * quarter, this year), compared with the previous range of the same length.
 * Figures: active ambassadors, participation (of opted-in employees and of
 * all), shares, credited readers, uncredited visits by reason (robots, link
 * previews, repeats, own clicks), estimated reach and, when the organisation
 * set its costs, an earned-media value (an estimate, with its formula); each
 * with its change on the previous range in words, and their definitions in a
 * "How we count" disclosure. Breakdowns by day (a bar chart with a table
 * view), network, team (teams under 5 people together), campaign and top
 * content, each a table that downloads as CSV from the API.
 *
 * For an employee without the programme admin role it shows one clear state
 * and asks nothing of the admin API (see `AdvAdminElement`).
 * @tagname adv-program-dashboard
 * @summary The programme's figures for any range, beside the range before, with CSV export.
 * @slot empty - Shown when the range has nothing in it. Its default message shows the previous range's figures.
 * @slot error - Replaces the default error message.
 * @slot admin-required - Replaces the message shown to employees without the admin role.
 * @csspart base - The outer box.
 * @csspart toolbar - The range (presets, from and to) and the breakdown choice.
 * @csspart presets - The quick ranges.
 * @csspart range - The from / to form.
 * @csspart groups - The breakdown choice.
 * @csspart showing - The sentence naming the range and the one it is compared with.
 * @csspart figures - The figure tiles (a description list).
 * @csspart delta - A figure's change on the previous range, in words.
 * @csspart reasons - The table of uncredited visits by reason.
 * @csspart earned-media - The earned-media estimate and its formula.
 * @csspart definitions - The "How we count" disclosure (`<details>`).
 * @csspart breakdown - The breakdown: its heading, chart or table, note and download.
 * @csspart chart - The by-day bar chart (a figure with an SVG `role="img"` and its summary).
 * @csspart view-toggle - "Show as table" / "Show as chart".
 * @csspart table - A breakdown table.
 * @csspart note - What a breakdown leaves out (small teams, content past the top 50).
 * @csspart download - A table's "Download CSV" button.
 * @csspart notice - What just happened (a file downloaded), announced politely.
 * @csspart retry - The retry button of the error state.
 * @cssproperty --adv-program-dashboard-bar - Colour of the chart's bars.
 * @cssproperty --adv-program-dashboard-chart-height - Height of the chart (default 10rem).
 * @cssproperty --adv-tile-min-width - Narrowest a figure tile gets before wrapping (default 8.5rem).
 * @event adv-load - The figures arrived (detail.empty when the range has nothing in it).
 * @event adv-error - Loading the figures or making a CSV file failed (detail.error).
 */
export class AdvProgramDashboard extends AdvAdminElement<AdminStats> {
  static override styles = [AdvAdminElement.styles, tileStyles, adminStyles, styles];

  /** First UTC day shown (`YYYY-MM-DD`), inclusive. Set by a preset too. */
  @property({ reflect: true }) from: string | undefined;

  /** Last UTC day shown (`YYYY-MM-DD`), inclusive: at most 366 days after `from`. Set by a preset too. */
  @property({ reflect: true }) to: string | undefined;

  /**
   * A quick range, worked out from the clock (`now`) in UTC: `last-7-days`,
   * `last-30-days`, `this-month`, `last-month`, `this-quarter` or
   * `this-year`. It wins over `from`/`to`, which it sets; choosing days
   * removes it. Without either, the last 30 days.
   */
  @property({ reflect: true }) preset: string | undefined;

  /** The breakdown: `day` (default), `network`, `team`, `campaign` or `content` (top content by readers). */
  @property({ attribute: 'group-by', reflect: true }) groupBy: AdminStatsGroup = 'day';

  /** The clock the presets are worked out from (tests and stories fix it). */
  @property({ attribute: false }) now: () => Date = () => new Date();

  /** Level of the dashboard's heading, to fit the page's outline (its sections go one below). */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  @state() private _view: 'chart' | 'table' = 'chart';
  @state() private _rangeError: AdminMessageKey | undefined;

  readonly #csv = new CsvDownloadController(this);
  readonly #words: KpiWords = {
    l: this.l,
    a: (key, params) => this.a(key, params),
    plural: (count, keys) => this.aPlural(count, keys),
  };
  #shownStore: ResourceStore<AdminStats> | undefined;

  // ---- the range and the data

  /** The range asked for: the preset's, else valid `from`/`to`, else the default preset's. */
  get #range(): DayRange {
    if (isPreset(this.preset)) return presetRange(this.preset, this.now());
    const range = { from: this.from, to: this.to };
    return rangeProblem(range) ? presetRange(DEFAULT_PRESET, this.now()) : (range as DayRange);
  }

  get #group(): AdminStatsGroup {
    return (ADMIN_STATS_GROUPS as readonly string[]).includes(this.groupBy) ? this.groupBy : 'day';
  }

  #query(): AdminStatsQuery {
    return { ...this.#range, groupBy: this.#group };
  }

  protected createAdminStore(client: AdvClient): ResourceStore<AdminStats> {
    const query = this.#query();
    return createResourceStore((signal) => client.admin.stats.get(query, { signal }));
  }

  protected adminStoreKey(): unknown {
    return this.#query();
  }

  protected override isEmpty({ kpis }: AdminStats): boolean {
    return isQuiet(kpis);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The attributes say what is shown: a preset (or nothing valid) writes its days to from/to.
    if (!isPreset(this.preset) && rangeProblem({ from: this.from, to: this.to })) this.preset = DEFAULT_PRESET;
    if (isPreset(this.preset)) {
      const { from, to } = presetRange(this.preset, this.now());
      if (this.from !== from) this.from = from;
      if (this.to !== to) this.to = to;
    }
    super.willUpdate(changed);
    // Other days or another breakdown: the last download's outcome no longer applies.
    if (this.resource.store !== this.#shownStore) {
      this.#shownStore = this.resource.store;
      this.#csv.reset();
    }
  }

  // ---- regions

  /** The range and breakdown choices stay above every state, so a range can always be changed. */
  protected override renderState(current: ResourceState<AdminStats>): unknown {
    return html`${this.renderToolbar()} ${super.renderState(current)}
      <p part="notice" class="notice" role="status">${this.#csv.saved ? this.a('dashboardDownloaded', { file: this.#csv.saved }) : ''}</p>`;
  }

  #heading(level: number, id: string, text: string): unknown {
    return html`<div class="heading" id=${id} role="heading" aria-level=${Math.min(level, 6)}>${text}</div>`;
  }

  /** The heading, the quick ranges, the from / to form and the breakdown choice. */
  protected renderToolbar(): unknown {
    const range = this.#range;
    const preset = isPreset(this.preset) ? this.preset : undefined;
    const group = this.#group;
    const error = this._rangeError;
    return html`<div part="toolbar" class="toolbar">
      ${this.#heading(this.headingLevel, 'dashboard-title', this.a('dashboardTitle'))}
      <fieldset part="presets" class="choices">
        <legend>${this.a('dashboardPresets')}</legend>
        ${RANGE_PRESETS.map(
          (option) =>
            html`<label class="chip"
              ><input type="radio" name="preset" .value=${option} .checked=${option === preset} @change=${this.#choosePreset} />${this.a(`dashboardPreset_${option}`)}</label
            >`,
        )}
      </fieldset>
      <form part="range" class="range" novalidate aria-label=${this.a('dashboardRange')} @submit=${this.#applyRange}>
        <p class="muted hint" id="range-hint">${this.a('dashboardDaysHint')}</p>
        ${error ? html`<p class="field-error" id="range-error">${this.a(error)}</p>` : nothing}
        <div class="range-fields">
          ${this.#dateField('from', 'dashboardFrom', range.from, error === 'dashboardRangeFrom' || error === 'dashboardRangeOrder' || error === 'dashboardRangeLength')}
          ${this.#dateField('to', 'dashboardTo', range.to, error === 'dashboardRangeTo' || error === 'dashboardRangeOrder' || error === 'dashboardRangeLength')}
          <button class="button" type="submit">${this.a('dashboardApply')}</button>
        </div>
      </form>
      <fieldset part="groups" class="choices">
        <legend>${this.a('dashboardBreakdown')}</legend>
        ${ADMIN_STATS_GROUPS.map(
          (option) =>
            html`<label class="chip"
              ><input type="radio" name="group" .value=${option} .checked=${option === group} @change=${this.#chooseGroup} />${this.a(`dashboardGroup_${option}`)}</label
            >`,
        )}
      </fieldset>
    </div>`;
  }

  #dateField(name: 'from' | 'to', label: AdminMessageKey, value: string, invalid: boolean): unknown {
    const id = `range-${name}`;
    return html`<div class="field">
      <label for=${id}>${this.a(label)}</label>
      <input
        id=${id}
        name=${name}
        type="date"
        .value=${value}
        min="2000-01-01"
        max="2999-12-31"
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${invalid ? 'range-hint range-error' : 'range-hint'}
      />
    </div>`;
  }

  /** A range with nothing in it says so, and shows the previous range's figures when it had any. */
  protected override renderEmptyMessage(data: AdminStats | undefined): unknown {
    if (!data) return html`<p>${this.a('dashboardEmpty', { range: this.#rangeText(this.#range) })}</p>`;
    return html`<p>${this.a('dashboardEmpty', { range: this.#rangeText(data.range) })}</p>
      ${isQuiet(data.previousKpis)
        ? nothing
        : html`<p>${this.a('dashboardEmptyPrevious', { range: this.#rangeText(data.previousRange) })}</p>
            ${this.#tiles(kpiList(this.#words, data.previousKpis, undefined), false)}`}`;
  }

  protected renderReady(data: AdminStats): unknown {
    const { kpis, previousKpis } = data;
    const level = this.headingLevel + 1;
    return html`<p part="showing" class="showing">
        ${this.a(data.range.days === 1 ? 'dashboardShowingOne' : 'dashboardShowing', {
          range: this.#rangeText(data.range),
          days: data.range.days,
          previous: this.#rangeText(data.previousRange),
        })}
      </p>
      <div class="section">
        ${this.#heading(level, 'kpis-title', this.a('dashboardKpis'))} ${this.#tiles(kpiList(this.#words, kpis, previousKpis), true)} ${this.renderReasons(kpis, previousKpis)}
        ${this.renderEarnedMedia(kpis)} ${this.renderDefinitions()}
      </div>
      ${this.renderBreakdown(data)}`;
  }

  /** The figure tiles; with `compare`, each says how it moved on the previous range. */
  #tiles(kpis: readonly Kpi[], compare: boolean): unknown {
    return html`<dl class="tiles" part="figures">
      ${kpis.map(
        (kpi) =>
          html`<div class=${kpi.kind === 'estimate' ? 'estimate' : ''}>
            <dt>${this.a(kpi.label)}${kpi.kind === 'estimate' ? html` <span class="muted">(${this.a('dashboardEstimate')})</span>` : nothing}</dt>
            <dd class="value">${kpiValue(this.#words, kpi.value, kpi.kind)}</dd>
            ${kpi.detail ? html`<dd class="detail muted">${kpi.detail}</dd>` : nothing} ${compare ? html`<dd class="delta" part="delta">${kpiDelta(this.#words, kpi)}</dd>` : nothing}
          </div>`,
      )}
    </dl>`;
  }

  /** Uncredited visits by reason, this range beside the previous one: shown, so the readers figure can be trusted. */
  protected renderReasons(kpis: ProgrammeKpis, previous: ProgrammeKpis): unknown {
    const reasons: [AdminMessageKey, keyof ProgrammeKpis['uncreditedVisits']][] = [
      ['dashboardReasonBots', 'bots'],
      ['dashboardReasonPreviews', 'linkPreviews'],
      ['dashboardReasonRepeats', 'repeats'],
      ['dashboardReasonOwn', 'ownClicks'],
      ['dashboardReasonTotal', 'total'],
    ];
    return html`<table part="reasons" class="table reasons">
      <caption>${this.a('dashboardReasons')}</caption>
      <thead>
        <tr><th scope="col">${this.a('dashboardReason')}</th><th scope="col" class="num">${this.a('dashboardThisRange')}</th><th scope="col" class="num">${this.a('dashboardPreviousRange')}</th></tr>
      </thead>
      <tbody>
        ${reasons.map(
          ([label, field]) =>
            html`<tr class=${field === 'total' ? 'total' : ''}>
              <th scope="row">${this.a(label)}</th>
              <td class="num">${this.l.number(kpis.uncreditedVisits[field])}</td>
              <td class="num">${this.l.number(previous.uncreditedVisits[field])}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  }

  /** The earned-media value when the organisation set its costs: always an estimate, with its formula in the widget's language. */
  protected renderEarnedMedia(kpis: ProgrammeKpis): unknown {
    const media = kpis.earnedMedia;
    if (!media) return nothing;
    const money = (value: number) => {
      try {
        return this.l.number(value, { style: 'currency', currency: media.currency });
      } catch {
        return `${this.l.number(value)} ${media.currency}`; // a currency code Intl does not know
      }
    };
    return html`<div part="earned-media" class="earned-media">
      <p class="label">${this.a('dashboardEarnedMedia')}</p>
      <p class="value">≈ ${money(media.value)}</p>
      <p class="muted">
        ${this.a('dashboardEarnedMediaFormula', { readers: kpis.creditedReaders, cpc: money(media.cpc), reach: kpis.estimatedReach, cpm: money(media.cpm) })}
      </p>
    </div>`;
  }

  /** "How we count": each figure's written definition (the words of docs/programme-figures.md). */
  protected renderDefinitions(): unknown {
    const definitions: AdminMessageKey[] = [
      'dashboardDefActive',
      'dashboardDefParticipation',
      'dashboardDefShares',
      'dashboardDefReaders',
      'dashboardDefUncredited',
      'dashboardDefReach',
      'dashboardDefEarnedMedia',
      'dashboardDefRange',
    ];
    return html`<details part="definitions" class="definitions">
      <summary>${this.a('dashboardHowWeCount')}</summary>
      <ul>
        ${definitions.map((key) => html`<li>${this.a(key)}</li>`)}
      </ul>
    </details>`;
  }

  /** The chosen breakdown: by day a chart or its table, else a table; a note on what it leaves out; the CSV download. */
  protected renderBreakdown(data: AdminStats): unknown {
    const group = data.groupBy;
    const title = this.a(`dashboardGroup_${group}`);
    const chart = group === 'day' && this._view === 'chart';
    const note = group === 'team' ? this.a('dashboardTeamNote', { threshold: TEAM_THRESHOLD }) : group === 'content' ? this.a('dashboardContentNote') : '';
    return html`<div part="breakdown" class="section breakdown">
      <div class="title-row">
        ${this.#heading(this.headingLevel + 1, 'breakdown-title', title)}
        ${group === 'day'
          ? html`<button part="view-toggle" class="button" type="button" @click=${this.#toggleView}>${this.a(chart ? 'dashboardShowTable' : 'dashboardShowChart')}</button>`
          : nothing}
      </div>
      ${note ? html`<p part="note" class="note muted">${note}</p>` : nothing}
      ${data.rows.length === 0 ? html`<p>${this.a('dashboardNoRows')}</p>` : chart ? this.#chart(data) : this.renderTable(data)}
      ${this.#csv.failure
        ? html`<div class="state error" role="alert"><p class="error-title">${this.a('dashboardDownloadFailed')}</p>${errorText(this.l, this.#csv.failure, this.client)}</div>`
        : nothing}
      <button
        part="download"
        class="button download"
        type="button"
        aria-describedby="breakdown-title"
        aria-disabled=${this.#csv.downloading ? 'true' : 'false'}
        @click=${this.#download}
      >
        ${this.a(this.#csv.downloading ? 'dashboardDownloading' : 'dashboardDownload')}
      </button>
    </div>`;
  }

  #chart({ rows, range }: AdminStats): unknown {
    const day = (iso: string) => this.l.date(iso, { day: 'numeric', month: 'short', timeZone: 'UTC' });
    const total = rows.reduce((sum, row) => sum + row.creditedReaders, 0);
    const peak = rows.reduce((best, row) => (row.creditedReaders > best.creditedReaders ? row : best), rows[0]!);
    const summary =
      total === 0
        ? this.a('dashboardChartSummaryNone', { range: this.#rangeText(range) })
        : this.a('dashboardChartSummary', { range: this.#rangeText(range), total, day: this.#dayText(peak.key), most: peak.creditedReaders });
    return dayChart(rows, { summary, first: day(rows[0]!.key), last: day(rows.at(-1)!.key) });
  }

  /** A breakdown's rows as a table in a scrolling region the keyboard can reach. */
  protected renderTable({ groupBy, rows }: AdminStats): unknown {
    const ambassadors = rows.some((row) => row.activeAmbassadors !== null);
    const employees = rows.some((row) => row.employees !== null);
    const count = (value: number | null) => (value === null ? '' : this.l.number(value));
    return html`<div class="scroll" role="region" tabindex="0" aria-labelledby="table-caption">
      <table part="table" class="table">
        <caption id="table-caption">${this.a(`dashboardGroup_${groupBy}`)}</caption>
        <thead>
          <tr>
            <th scope="col">${this.a(`dashboardColumn_${groupBy}`)}</th>
            <th scope="col" class="num">${this.a('dashboardShares')}</th>
            <th scope="col" class="num">${this.a('dashboardReaders')}</th>
            <th scope="col" class="num">${this.a('dashboardUncredited')}</th>
            <th scope="col" class="num">${this.a('dashboardReach')}</th>
            ${ambassadors ? html`<th scope="col" class="num">${this.a('dashboardColumnAmbassadors')}</th>` : nothing}
            ${employees ? html`<th scope="col" class="num">${this.a('dashboardColumnEmployees')}</th>` : nothing}
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (row) =>
              html`<tr>
                <th scope="row">${this.#rowLabel(groupBy, row)}</th>
                <td class="num">${this.l.number(row.shares)}</td>
                <td class="num">${this.l.number(row.creditedReaders)}</td>
                <td class="num">${this.l.number(row.uncreditedVisits.total)}</td>
                <td class="num">${this.l.number(row.estimatedReach)}</td>
                ${ambassadors ? html`<td class="num">${count(row.activeAmbassadors)}</td>` : nothing}
                ${employees ? html`<td class="num">${count(row.employees)}</td>` : nothing}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  #rowLabel(group: AdminStatsGroup, row: AdminStatsRow): string {
    if (group === 'day') return this.#dayText(row.key);
    if (group === 'network') return networkName(this.l, row.key as Network);
    if (row.key === 'no-team') return this.a('dashboardNoTeam');
    if (row.key === 'other-teams') return this.a('dashboardOtherTeams');
    if (row.key === 'no-campaign') return this.a('dashboardNoCampaign');
    return row.label;
  }

  #dayText(iso: string): string {
    return isDay(iso) ? this.l.date(iso, { dateStyle: 'medium', timeZone: 'UTC' }) : iso;
  }

  /** "Dec 3, 2026 – Jan 1, 2027", in the widget's language. */
  #rangeText({ from, to }: DayRange | AdminStatsRange): string {
    const format = new Intl.DateTimeFormat(this.l.locale, { dateStyle: 'medium', timeZone: 'UTC' });
    return from === to ? format.format(new Date(from)) : format.formatRange(new Date(from), new Date(to));
  }

  // ---- handlers

  #choosePreset = (event: Event): void => {
    const value = (event.target as HTMLInputElement).value;
    if (!isPreset(value)) return;
    this._rangeError = undefined;
    this.preset = value;
  };

  #chooseGroup = (event: Event): void => {
    const value = (event.target as HTMLInputElement).value as AdminStatsGroup;
    if ((ADMIN_STATS_GROUPS as readonly string[]).includes(value)) this.groupBy = value;
  };

  #applyRange = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const range = { from: form.elements.namedItem('from'), to: form.elements.namedItem('to') };
    const from = range.from instanceof HTMLInputElement ? range.from.value : '';
    const to = range.to instanceof HTMLInputElement ? range.to.value : '';
    const problem = rangeProblem({ from, to });
    this._rangeError = problem && RANGE_PROBLEM[problem];
    if (problem) {
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>(`#range-${problem === 'to' ? 'to' : 'from'}`)?.focus());
      return;
    }
    this.preset = undefined;
    this.from = from;
    this.to = to;
  };

  #toggleView = (): void => {
    this._view = this._view === 'chart' ? 'table' : 'chart';
  };

  /** The shown breakdown as the API's CSV (`Accept: text/csv`), saved under the API's file name. */
  #download = (): void => {
    if (this.client) this.#csv.download(this.client, this.#query()).catch((error: unknown) => this.actionFailed(error));
  };
}

/** Nothing happened in a range: no share, no reader, no visit. */
function isQuiet(kpis: ProgrammeKpis): boolean {
  return kpis.shares === 0 && kpis.creditedReaders === 0 && kpis.uncreditedVisits.total === 0 && kpis.activeAmbassadors === 0;
}
