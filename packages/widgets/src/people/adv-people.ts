import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  createResourceStore,
  toAdvError,
  type AdvClient,
  type AdvError,
  type PeoplePage,
  type PeopleQuery,
  type Person,
  type ResourceState,
  type ResourceStore,
} from '@advocacy/sdk';
import { AdvAdminElement, fieldErrors } from '../base/adv-admin-element.js';
import { adminStyles } from '../base/admin.styles.js';
import { errorText } from '../base/error-message.js';
import { KeysetPagingController } from '../base/keyset-paging-controller.js';
import { saveFile } from '../program-dashboard/save-file.js';
import { ModalDialogController } from './modal-dialog-controller.js';
import { PEOPLE_RANGES, rangeDays, validRange, type PeopleRange } from './people-range.js';
import { styles } from './adv-people.styles.js';

export const PEOPLE_STATUS_FILTERS = ['all', 'active', 'deactivated'] as const;
export type PeopleStatusFilter = (typeof PEOPLE_STATUS_FILTERS)[number];

const validStatus = (value: string): PeopleStatusFilter => ((PEOPLE_STATUS_FILTERS as readonly string[]).includes(value) ? (value as PeopleStatusFilter) : 'all');

/** How long typing in the search field waits before asking the API. */
const SEARCH_DELAY_MS = 300;

type Dialog = { readonly kind: 'deactivate' | 'erase'; readonly person: Person };

const same = (a: string, b: string): boolean => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/**
 * The people in the programme, for programme admins: employees as the
 * organisation's identity provider introduced them (on their first sign-in),
 * with their team, whether they opted in to leaderboards, when they were
 * last active, and their shares and credited readers over the last 30 days,
 * this month or this quarter (UTC days). Searched by name as one types,
 * filtered by team and status, a page at a time.
 *
 * A leaver is deactivated after a dialog says what happens (gone from the
 * leaderboards at once; their testimonials stay under their consent until
 * withdrawn), and can be reactivated. One person's data is exported as a
 * JSON file (GDPR Art. 15) or erased (Art. 17) after a dialog that says what
 * is removed and what is kept, and asks for their name to be typed.
 *
 * For an employee without the programme admin role it shows one clear state
 * and asks nothing of the admin API (see `AdvAdminElement`).
 * @tagname adv-people
 * @summary Who takes part; deactivate a leaver; export or erase one person's data.
 * @slot empty - Shown when nobody matches (or nobody has signed in yet).
 * @slot error - Replaces the default error message.
 * @slot admin-required - Replaces the message shown to employees without the admin role.
 * @csspart base - The outer box.
 * @csspart toolbar - The heading, search and filters.
 * @csspart filters - The search and filters form.
 * @csspart table - The table of people.
 * @csspart row - One person.
 * @csspart more - The "Load more" button.
 * @csspart action-error - Why the last export or reactivation failed.
 * @csspart dialog - The deactivation or erasure dialog.
 * @csspart notice - What just happened, announced politely.
 * @csspart admin-required - The "needs the programme admin role" state.
 * @csspart retry - The retry button of the error state.
 * @cssproperty --adv-people-gap - Space between the widget's blocks.
 * @event adv-load - A page of people arrived (detail.empty when nobody matches).
 * @event adv-error - Loading, deactivating, reactivating, exporting or erasing failed (detail.error).
 */
export class AdvPeople extends AdvAdminElement<PeoplePage> {
  static override styles = [AdvAdminElement.styles, adminStyles, styles];

  /** Whose figures: `all` (default), `active` or `deactivated`. */
  @property({ reflect: true }) status: PeopleStatusFilter = 'all';

  /** Only this team (its exact name); empty for every team. */
  @property({ reflect: true }) team = '';

  /** The range shares and readers are counted over: `last-30-days` (default), `this-month` or `this-quarter`. */
  @property({ reflect: true }) range: PeopleRange = 'last-30-days';

  /** People per page (1 to 100). */
  @property({ type: Number, reflect: true }) limit = 20;

  /** Level of the widget's heading, to fit the page's outline. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /** The clock the ranges are counted from (for tests and stories); the real time by default. */
  @property({ attribute: false }) now: () => Date = () => new Date();

  @state() private _searchText = '';
  @state() private _q = '';
  /** People changed by an action here, shown as the API answered (the list is not loaded again). */
  @state() private _changed: ReadonlyMap<string, Person> = new Map();
  @state() private _busy = false;
  @state() private _actionFailure: AdvError | undefined;
  @state() private _notice = '';
  @state() private _dialog: Dialog | undefined;
  @state() private _confirmText = '';
  @state() private _confirmError = '';
  @state() private _dialogFailure: AdvError | undefined;

  readonly #modal = new ModalDialogController(this);
  readonly #paging = new KeysetPagingController<Person, PeoplePage>(this, this.resource, {
    // The same query as the first page (its range included), from the cursor on.
    load: (cursor, page) => this.client?.admin.people.list({ ...this.#query(), from: page.from, to: page.to, cursor }),
    // Keyboard and screen reader users land on the first new person, not back at the top.
    loaded: async ([first]) => {
      if (first) await this.#focus(`[part~="row"][data-id="${CSS.escape(first.id)}"] th`);
    },
    failed: (error) => this.actionFailed(error),
  });
  #searchTimer: ReturnType<typeof setTimeout> | undefined;

  #query(): PeopleQuery {
    const { from, to } = rangeDays(validRange(this.range), this.now());
    const team = this.team.trim();
    return {
      status: validStatus(this.status),
      from,
      to,
      limit: this.limit,
      ...(this._q ? { q: this._q } : {}),
      ...(team ? { team } : {}),
    };
  }

  protected createAdminStore(client: AdvClient): ResourceStore<PeoplePage> {
    const query = this.#query();
    return createResourceStore((signal) => client.admin.people.list(query, { signal }));
  }

  protected adminStoreKey(): unknown {
    return this.#query();
  }

  protected override isEmpty(page: PeoplePage): boolean {
    return page.items.length === 0;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Another search, filter or range starts again from the first page.
    if (this.#paging.sync()) this._changed = new Map();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#searchTimer);
  }

  get #filtered(): boolean {
    return this._q !== '' || this.team.trim() !== '' || validStatus(this.status) !== 'all';
  }

  #people(page: PeoplePage): Person[] {
    return [...page.items, ...this.#paging.more].map((person) => this._changed.get(person.id) ?? person);
  }

  #nameOf(person: Person): string {
    return person.name || person.displayName || this.a('peopleErasedName');
  }

  #day(iso: string): string {
    return this.l.date(iso, { dateStyle: 'medium', timeZone: 'UTC' });
  }

  // ---- regions

  /** The toolbar, then the list's state, the notice and the dialog. */
  protected override renderState(current: ResourceState<PeoplePage>): unknown {
    return html`${this.renderToolbar()} ${super.renderState(current)}
      <p part="notice" class="notice" role="status">${this._notice}</p>
      ${this.#renderDialog()}`;
  }

  /** The heading, the search field and the filters. */
  protected renderToolbar(): unknown {
    const status = validStatus(this.status);
    const range = validRange(this.range);
    return html`<div part="toolbar" class="toolbar">
      <div class="heading" id="people-title" role="heading" aria-level=${Math.min(this.headingLevel, 6)} tabindex="-1">${this.a('peopleTitle')}</div>
      <form part="filters" class="filters" role="search" aria-label=${this.a('peopleFilters')} novalidate @submit=${this.#applyNow}>
        <div class="field">
          <label for="search">${this.a('peopleSearch')}</label>
          <input id="search" name="q" type="search" maxlength="200" autocomplete="off" .value=${this._searchText} @input=${this.#searchInput} />
        </div>
        <div class="field">
          <label for="team">${this.a('peopleTeam')}</label>
          <input id="team" name="team" type="text" maxlength="120" autocomplete="off" list="teams" .value=${this.team} @change=${this.#teamChange} />
          <datalist id="teams">${this.#teams().map((team) => html`<option value=${team}></option>`)}</datalist>
        </div>
        <div class="field">
          <label for="status">${this.a('peopleStatus')}</label>
          <select id="status" @change=${this.#statusChange}>
            ${PEOPLE_STATUS_FILTERS.map((option) => html`<option value=${option} ?selected=${option === status}>${this.a(`peopleStatus_${option}`)}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="range">${this.a('peopleRange')}</label>
          <select id="range" @change=${this.#rangeChange}>
            ${PEOPLE_RANGES.map((option) => html`<option value=${option} ?selected=${option === range}>${this.a(`peopleRange_${option}`)}</option>`)}
          </select>
        </div>
        ${this.#filtered ? html`<button class="button" type="button" @click=${this.#clearFilters}>${this.a('peopleClear')}</button>` : nothing}
      </form>
    </div>`;
  }

  /** Teams of the people listed so far, for the team field's suggestions. */
  #teams(): string[] {
    const data = this.resource.state.data;
    const teams = data ? this.#people(data).map((person) => person.team) : [];
    return [...new Set(teams.filter((team): team is string => !!team))].sort((a, b) => a.localeCompare(b, this.l.locale));
  }

  protected override renderEmptyMessage(): unknown {
    return html`<p>${this.a(this.#filtered ? 'peopleNoMatch' : 'peopleEmpty')}</p>`;
  }

  protected renderReady(page: PeoplePage): unknown {
    const { error, loading, cursor } = this.#paging;
    return html`${this._actionFailure
        ? html`<div class="state error" part="action-error" role="alert" tabindex="-1">
            <p class="error-title">${this.a('adminActionFailed')}</p>
            ${errorText(this.l, this._actionFailure, this.client)}
          </div>`
        : nothing}
      <div class="table-wrap" role="region" aria-labelledby="people-caption" tabindex="0">
        <table part="table">
          <caption id="people-caption">${this.a('peopleCaption', { from: this.#day(page.from), to: this.#day(page.to) })}</caption>
          <thead>
            <tr>
              <th scope="col">${this.a('peopleName')}</th>
              <th scope="col">${this.a('peopleTeamColumn')}</th>
              <th scope="col">${this.a('peopleOptedIn')}</th>
              <th scope="col">${this.a('peopleLastActive')}</th>
              <th scope="col" class="number">${this.a('peopleShares')}</th>
              <th scope="col" class="number">${this.a('peopleReaders')}</th>
              <th scope="col">${this.a('peopleState')}</th>
              <th scope="col">${this.a('peopleActions')}</th>
            </tr>
          </thead>
          <tbody>
            ${this.#people(page).map((person) => this.renderRow(person))}
          </tbody>
        </table>
      </div>
      ${error
        ? html`<div class="state error" role="alert"><p class="error-title">${this.a('peopleMoreFailed')}</p>${errorText(this.l, error, this.client)}</div>`
        : nothing}
      ${cursor
        ? html`<button part="more" class="button more" type="button" aria-disabled=${loading ? 'true' : 'false'} @click=${this.#paging.load}>
            ${loading ? this.l.t('loading') : error ? this.l.t('retry') : this.a('peopleMore')}
          </button>`
        : nothing}`;
  }

  /** One person: who, their team, opt-in, last activity, figures, status and actions. */
  protected renderRow(person: Person): unknown {
    const erased = person.status === 'erased';
    const name = this.#nameOf(person);
    const shownAs = person.displayName && person.displayName !== person.name ? person.displayName : undefined;
    const when = (iso: string) => this.l.date(iso, { dateStyle: 'medium' });
    let status: string = this.a('peopleActive');
    if (person.status === 'deactivated') status = this.a('peopleDeactivatedOn', { date: when(person.deactivatedAt ?? person.lastActiveAt) });
    if (erased) status = this.a('peopleErasedOn', { date: when(person.erasedAt ?? person.lastActiveAt) });
    return html`<tr part="row" class=${person.status} data-id=${person.id}>
      <th scope="row" id="name-${person.id}" tabindex="-1">
        <span class=${erased ? 'muted' : ''}>${name}</span>
        ${shownAs ? html`<span class="muted shown-as">${this.a('peopleShownAs', { name: shownAs })}</span>` : nothing}
      </th>
      <td>${person.team ?? html`<span class="muted">${this.a('peopleNoTeam')}</span>`}</td>
      <td>${this.a(person.optedIn ? 'peopleYes' : 'peopleNo')}</td>
      <td><time datetime=${person.lastActiveAt}>${when(person.lastActiveAt)}</time></td>
      <td class="number">${this.l.number(person.shares)}</td>
      <td class="number">${this.l.number(person.readers)}</td>
      <td><span class="badge ${person.status}">${status}</span></td>
      <td>${erased ? html`<span class="muted">${this.a('peopleNoAction')}</span>` : this.#renderActions(person)}</td>
    </tr>`;
  }

  #renderActions(person: Person): unknown {
    const busy = this._busy ? 'true' : 'false';
    const described = `name-${person.id}`;
    return html`<div class="actions">
      ${person.status === 'deactivated'
        ? html`<button class="button" type="button" data-action="reactivate" aria-describedby=${described} aria-disabled=${busy} @click=${() => void this.#reactivate(person)}>
            ${this.a('peopleReactivate')}
          </button>`
        : html`<button class="button" type="button" data-action="deactivate" aria-describedby=${described} @click=${() => this.#open('deactivate', person)}>
            ${this.a('peopleDeactivate')}
          </button>`}
      <button class="button" type="button" data-action="export" aria-describedby=${described} aria-disabled=${busy} @click=${() => void this.#export(person)}>
        ${this.a('peopleExport')}
      </button>
      <button class="button danger" type="button" data-action="erase" aria-describedby=${described} @click=${() => this.#open('erase', person)}>${this.a('peopleErase')}</button>
    </div>`;
  }

  /** The deactivation or erasure dialog (a modal `<dialog>`: it keeps focus inside until closed). */
  #renderDialog(): unknown {
    const open = this._dialog;
    return html`<dialog
      part="dialog"
      class="dialog"
      aria-labelledby="dialog-title"
      aria-describedby="dialog-body"
      @cancel=${this.#dialogCancel}
      @close=${this.#dialogClosed}
    >
      ${open ? (open.kind === 'erase' ? this.#renderErase(open.person) : this.#renderDeactivate(open.person)) : nothing}
    </dialog>`;
  }

  #renderDeactivate(person: Person): unknown {
    const name = this.#nameOf(person);
    return html`<form class="dialog-form" novalidate @submit=${this.#confirm}>
      <div class="heading" id="dialog-title" role="heading" aria-level=${Math.min(this.headingLevel + 1, 6)}>${this.a('peopleDeactivateTitle', { name })}</div>
      <div id="dialog-body" class="dialog-body">
        <p>${this.a('peopleDeactivateLeaderboards')}</p>
        <p>${this.a('peopleDeactivateTestimonials')}</p>
        <p>${this.a('peopleDeactivateUndo')}</p>
      </div>
      ${this.#renderDialogFailure()}
      <div class="dialog-actions">
        <button class="button danger" type="submit" data-dialog="confirm" aria-disabled=${this._busy ? 'true' : 'false'}>
          ${this._busy ? this.a('peopleBusy') : this.a('peopleDeactivateConfirm', { name })}
        </button>
        <button class="button" type="button" data-dialog="cancel" @click=${this.#cancel}>${this.a('adminCancel')}</button>
      </div>
    </form>`;
  }

  #renderErase(person: Person): unknown {
    const name = this.#nameOf(person);
    const error = this._confirmError;
    return html`<form class="dialog-form" novalidate @submit=${this.#confirm}>
      <div class="heading" id="dialog-title" role="heading" aria-level=${Math.min(this.headingLevel + 1, 6)}>${this.a('peopleEraseTitle', { name })}</div>
      <div id="dialog-body" class="dialog-body">
        <p>${this.a('peopleEraseIntro')}</p>
        <p>${this.a('peopleEraseRemoved')}</p>
        <p>${this.a('peopleEraseKept')}</p>
      </div>
      <div class="field">
        <label for="confirm-name">${this.a('peopleEraseType', { name })}</label>
        ${error ? html`<p class="field-error" id="confirm-error">${error}</p>` : nothing}
        <input
          id="confirm-name"
          name="confirm"
          type="text"
          autocomplete="off"
          spellcheck="false"
          maxlength="200"
          required
          .value=${this._confirmText}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? 'confirm-error' : nothing}
          @input=${this.#confirmInput}
        />
      </div>
      ${this.#renderDialogFailure()}
      <div class="dialog-actions">
        <button class="button danger" type="submit" data-dialog="confirm" aria-disabled=${this._busy ? 'true' : 'false'}>
          ${this._busy ? this.a('peopleBusy') : this.a('peopleEraseConfirm')}
        </button>
        <button class="button" type="button" data-dialog="cancel" @click=${this.#cancel}>${this.a('adminCancel')}</button>
      </div>
    </form>`;
  }

  #renderDialogFailure(): unknown {
    const failure = this._dialogFailure;
    return failure
      ? html`<div class="state error" id="dialog-error" role="alert" tabindex="-1">
          <p class="error-title">${this.a('peopleDialogFailed')}</p>
          ${errorText(this.l, failure, this.client)}
        </div>`
      : nothing;
  }

  // ---- handlers

  #searchInput = (event: Event): void => {
    this._searchText = (event.target as HTMLInputElement).value;
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => this.#applySearch(), SEARCH_DELAY_MS);
  };

  #applySearch(): void {
    clearTimeout(this.#searchTimer);
    this._q = this._searchText.trim();
  }

  /** Enter in a field applies the search and the team at once. */
  #applyNow = (event: SubmitEvent): void => {
    event.preventDefault();
    this.#applySearch();
    const team = (event.currentTarget as HTMLFormElement).querySelector<HTMLInputElement>('#team');
    if (team) this.team = team.value.trim();
  };

  #teamChange = (event: Event): void => {
    this.team = (event.target as HTMLInputElement).value.trim();
  };

  #statusChange = (event: Event): void => {
    this.status = validStatus((event.target as HTMLSelectElement).value);
  };

  #rangeChange = (event: Event): void => {
    this.range = validRange((event.target as HTMLSelectElement).value);
  };

  #clearFilters = async (): Promise<void> => {
    this._searchText = this._q = '';
    this.team = '';
    this.status = 'all';
    await this.#focus('#search');
  };

  #open(kind: Dialog['kind'], person: Person): void {
    this._dialog = { kind, person };
    this._confirmText = this._confirmError = this._notice = '';
    this._dialogFailure = this._actionFailure = undefined;
    const row = `[part~="row"][data-id="${CSS.escape(person.id)}"]`;
    // Focus on the least harmful control first: Cancel when deactivating, the name to type when erasing. Back on
    // the same action when it is still there; else the row's first action (Reactivate after Deactivate); else its name.
    this.#modal.open(kind === 'erase' ? '#confirm-name' : '[data-dialog="cancel"]', [
      `${row} [data-action="${kind}"]`,
      `${row} [data-action]`,
      `${row} th`,
      '#people-title',
    ]);
  }

  #cancel = (): void => {
    this.#modal.close();
  };

  /** Escape closes the dialog, except while its action is on its way. */
  #dialogCancel = (event: Event): void => {
    if (this._busy) event.preventDefault();
  };

  /** However the dialog closed (Cancel, Escape, done), focus goes back to the row it was opened from. */
  #dialogClosed = async (): Promise<void> => {
    this._dialog = undefined;
    await this.#modal.closed();
  };

  #confirmInput = (event: Event): void => {
    this._confirmText = (event.target as HTMLInputElement).value;
    this._confirmError = '';
  };

  #confirm = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const dialog = this._dialog;
    const client = this.client;
    if (!dialog || !client || this._busy) return;
    const { kind, person } = dialog;
    const name = this.#nameOf(person);
    if (kind === 'erase') {
      const typed = this._confirmText;
      // The name as the list shows it (the API takes the display name or the id too).
      if (![person.name, person.displayName ?? ''].some((candidate) => candidate && same(candidate, typed))) {
        this._confirmError = this.a('peopleEraseMismatch', { name });
        await this.#focus('#confirm-name');
        return;
      }
    }
    this._busy = true;
    this._dialogFailure = undefined;
    try {
      const changed = kind === 'erase' ? await client.admin.people.erase(person.id, this._confirmText.trim()) : await client.admin.people.deactivate(person.id);
      this.#replace(changed);
      this._notice = this.a(kind === 'erase' ? 'peopleErased' : 'peopleDeactivated', { name });
    } catch (error) {
      const failure = toAdvError(error);
      this.actionFailed(failure);
      const refused = fieldErrors(failure)['confirm'];
      if (kind === 'erase' && refused) {
        this._confirmError = this.a('peopleEraseMismatch', { name });
        await this.#focus('#confirm-name');
      } else {
        this._dialogFailure = failure;
        await this.#focus('#dialog-error');
      }
      return;
    } finally {
      this._busy = false;
    }
    this.#modal.close();
  };

  async #reactivate(person: Person): Promise<void> {
    await this.#act(async (client) => {
      this.#replace(await client.admin.people.reactivate(person.id));
      this._notice = this.a('peopleReactivated', { name: this.#nameOf(person) });
      const row = `[part~="row"][data-id="${CSS.escape(person.id)}"]`;
      await this.#focus(`${row} [data-action]`, `${row} th`);
    });
  }

  /** Downloads everything held about one person (GDPR Art. 15) as a JSON file. */
  async #export(person: Person): Promise<void> {
    await this.#act(async (client) => {
      const data = await client.admin.people.export(person.id);
      const file = `advocacy-person-${person.id}.json`;
      saveFile(this.renderRoot, file, `${JSON.stringify(data, null, 2)}\n`, 'application/json');
      this._notice = this.a('peopleExported', { name: this.#nameOf(person), file });
    });
  }

  /** Runs a row action that needs no dialog; a failure shows above the table and as adv-error. */
  async #act(run: (client: AdvClient) => Promise<void>): Promise<void> {
    const client = this.client;
    if (!client || this._busy) return;
    this._busy = true;
    this._actionFailure = undefined;
    this._notice = '';
    try {
      await run(client);
    } catch (error) {
      this._actionFailure = toAdvError(error);
      this.actionFailed(this._actionFailure);
      await this.#focus('[part~="action-error"]');
    } finally {
      this._busy = false;
    }
  }

  #replace(person: Person): void {
    this._changed = new Map(this._changed).set(person.id, person);
  }

  async #focus(...selectors: string[]): Promise<void> {
    await this.updateComplete;
    for (const selector of selectors) {
      const found = this.renderRoot.querySelector<HTMLElement>(selector);
      if (found) {
        found.focus();
        return;
      }
    }
  }
}
