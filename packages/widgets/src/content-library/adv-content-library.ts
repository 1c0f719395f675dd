import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  AdvHttpError,
  CONTENT_STATES,
  checkPost,
  createResourceStore,
  NETWORKS,
  toAdvError,
  type AdvClient,
  type AdvError,
  type Content,
  type ContentListQuery,
  type ContentPage,
  type ContentState,
  type Network,
  type ResourceState,
  type ResourceStore,
} from '@advocacy/sdk';
import { AdvAdminElement, fieldErrors } from '../base/adv-admin-element.js';
import { adminStyles } from '../base/admin.styles.js';
import { hideBrokenImage } from '../base/avatar.js';
import { errorText } from '../base/error-message.js';
import { KeysetPagingController } from '../base/keyset-paging-controller.js';
import { safeUrl } from '../base/safe-url.js';
import { DEFAULT_NETWORKS, estimatedTrackedUrl } from '../share-card/adv-share-card.js';
import { networkName, postCountMessage, postLevel, renderPostCount } from '../share-card/post-count.js';
import type { AdminMessageKey } from '../translations/admin.js';
import {
  checkDraft,
  contentPatch,
  draftOf,
  emptyDraft,
  LOCALE_PATTERN,
  newContentBody,
  parseTags,
  TAG_PATTERN,
  textsOf,
  type ContentDraft,
  type DraftField,
  type TextEntry,
} from './content-draft.js';
import { styles } from './adv-content-library.styles.js';

interface Filters {
  readonly q?: string;
  readonly tag?: string;
  readonly campaign?: string;
  readonly locale?: string;
}

interface Editing {
  /** The content being edited; undefined for new content. */
  readonly original: Content | undefined;
  readonly draft: ContentDraft;
}

/** Field errors: a message key of the form's own checks, or the API's words. */
type Errors = Readonly<Record<string, { key: AdminMessageKey } | { text: string }>>;

/** The id a preview of new content carries (never sent anywhere). */
const PREVIEW_ID = '00000000-0000-4000-8000-000000000000';

const textKey = (entry: Pick<TextEntry, 'network' | 'locale'>): string => `text-${entry.network}-${entry.locale}`;

/**
 * The programme's content library, for programme admins: content by state
 * (drafts, scheduled, live, expired, archived), searched by title and
 * filtered by tag, campaign and language, a page at a time. A form creates
 * and edits content: destination, image, summary, tags, campaign, language,
 * publish time and expiry (in the admin's time zone, sent in UTC), and
 * suggested texts per network and language with the share card's live
 * length rules and disclosure. A preview shows a real `<adv-share-card>` as
 * employees will see it. Content can be duplicated, archived (asked twice)
 * and restored. Edits send only what changed (suggested texts as a merge patch).
 *
 * For an employee without the programme admin role it shows one clear state
 * and asks nothing of the admin API (see `AdvAdminElement`).
 * @tagname adv-content-library
 * @summary Create, schedule, edit, archive and restore the content employees share.
 * @slot empty - Shown when a state has no content.
 * @slot error - Replaces the default error message.
 * @slot admin-required - Replaces the message shown to employees without the admin role.
 * @csspart base - The outer box.
 * @csspart toolbar - The "New content" button, the state choice and the filters.
 * @csspart new - The "New content" button.
 * @csspart statuses - The state choice.
 * @csspart filters - The search and filters form.
 * @csspart list - The list of content.
 * @csspart item - One piece of content in the list.
 * @csspart more - The "Load more" button.
 * @csspart form - The create / edit form.
 * @csspart save - The form's save button.
 * @csspart form-error - Why the last save failed.
 * @csspart texts - The suggested texts.
 * @csspart count - The live character count of a text.
 * @csspart preview - The preview (an `<adv-share-card preview>`).
 * @csspart notice - What just happened (saved, archived…), announced politely.
 * @cssproperty --adv-content-library-gap - Space between the library's blocks.
 * @cssproperty --adv-content-library-field-width - Widest a form field grows (default 60ch).
 * @event adv-load - A page of the library arrived (detail.empty when the state has no content).
 * @event adv-error - Loading, saving, duplicating, archiving or restoring failed (detail.error).
 */
export class AdvContentLibrary extends AdvAdminElement<ContentPage> {
  static override styles = [AdvAdminElement.styles, adminStyles, styles];

  /** The state listed: `draft`, `scheduled`, `live`, `expired` or `archived`. */
  @property({ reflect: true }) status: ContentState = 'live';

  /** Items per page (1 to 100). */
  @property({ type: Number, reflect: true }) limit = 20;

  /** Networks a suggested text can be written for, separated by spaces or commas, in order. */
  @property() networks = DEFAULT_NETWORKS;

  /** Level of the library's heading, to fit the page's outline (items and form sections go one below). */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  @state() private _filters: Filters = {};
  @state() private _filterErrors: Errors = {};
  @state() private _editing: Editing | undefined;
  @state() private _errors: Errors = {};
  @state() private _formFailure: AdvError | undefined;
  @state() private _saving = false;
  @state() private _confirming: string | undefined;
  @state() private _busy = false;
  @state() private _actionFailure: AdvError | undefined;
  @state() private _notice = '';
  @state() private _live = '';
  @state() private _addNetwork: Network | undefined;
  @state() private _addLocale = '';
  @state() private _addError = '';

  readonly #paging = new KeysetPagingController<Content, ContentPage>(this, this.resource, {
    load: (cursor) => this.client?.content.list({ ...this.#query(), cursor }),
    // Keyboard and screen reader users land on the first new item, not back at the top.
    loaded: async ([first]) => {
      if (first) await this.#focus(`[data-id="${first.id}"] [data-action]`);
    },
    failed: (error) => this.actionFailed(error),
  });
  /** Where focus goes back to when the form closes without saving. */
  #opener: string | undefined;

  protected override emptyMessage = 'empty' as const;

  #query(): ContentListQuery {
    const { q, tag, campaign, locale } = this._filters;
    return {
      status: this.#status,
      limit: this.limit,
      ...(q ? { q } : {}),
      ...(tag ? { tag } : {}),
      ...(campaign ? { campaign } : {}),
      ...(locale ? { locale } : {}),
    };
  }

  get #status(): ContentState {
    return (CONTENT_STATES as readonly string[]).includes(this.status) ? this.status : 'live';
  }

  /** Opens the form for new content, as the "New content" button does (for a page's own create button). */
  create(): void {
    this.#openNew();
  }

  protected createAdminStore(client: AdvClient): ResourceStore<ContentPage> {
    const query = this.#query();
    return createResourceStore((signal) => client.content.list(query, { signal }));
  }

  protected adminStoreKey(): unknown {
    return this.#query();
  }

  protected override isEmpty(page: ContentPage): boolean {
    return page.items.length === 0;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Another state or filter starts again from the first page.
    if (this.#paging.sync()) this._confirming = undefined;
  }

  get #networks(): Network[] {
    const all = NETWORKS as readonly string[];
    const list = this.networks.split(/[\s,]+/).filter((name): name is Network => all.includes(name));
    return list.length ? [...new Set(list)] : (DEFAULT_NETWORKS.split(' ') as Network[]);
  }

  get #items(): Content[] {
    return [...(this.resource.state.data?.items ?? []), ...this.#paging.more];
  }

  #languageName(code: string): string {
    try {
      const name = new Intl.DisplayNames([this.l.locale], { type: 'language' }).of(code);
      return name ? name.charAt(0).toLocaleUpperCase(this.l.locale) + name.slice(1) : code;
    } catch {
      return code;
    }
  }

  // ---- regions

  /** The form when open; else the toolbar, then the list's state. */
  protected override renderState(current: ResourceState<ContentPage>): unknown {
    if (this._editing) return [this.renderForm(this._editing), this.#renderNotice()];
    return html`${this.renderToolbar()} ${super.renderState(current)} ${this.#renderNotice()}`;
  }

  #heading(level: number, id: string, text: string, focusable = false): unknown {
    return html`<div class="heading" id=${id} role="heading" aria-level=${Math.min(level, 6)} tabindex=${focusable ? '-1' : nothing}>${text}</div>`;
  }

  #renderNotice(): unknown {
    return html`<p part="notice" class="notice" role="status">${this._notice}</p>
      <span class="visually-hidden" aria-live="polite">${this._live}</span>`;
  }

  /** "New content", the state choice and the filters. */
  protected renderToolbar(): unknown {
    const filters = this._filters;
    const current = this.#status;
    return html`<div part="toolbar" class="toolbar">
      <div class="title-row">
        ${this.#heading(this.headingLevel, 'library-title', this.a('libraryTitle'), true)}
        <button part="new" class="button primary" id="new" type="button" @click=${this.#openNew}>${this.a('libraryNew')}</button>
      </div>
      <fieldset part="statuses" class="statuses">
        <legend>${this.a('libraryStatus')}</legend>
        ${CONTENT_STATES.map(
          (option) =>
            html`<label class="chip"
              ><input type="radio" name="status" .value=${option} .checked=${option === current} @change=${this.#chooseStatus} />${this.a(`libraryStatus_${option}`)}</label
            >`,
        )}
      </fieldset>
      <form part="filters" class="filters" role="search" aria-label=${this.a('libraryFilters')} novalidate @submit=${this.#applyFilters}>
        ${this.#filterField('q', 'librarySearch', filters.q, 'search')} ${this.#filterField('tag', 'libraryFilterTag', filters.tag)}
        ${this.#filterField('campaign', 'libraryFilterCampaign', filters.campaign)}
        ${this.#filterField('locale', 'libraryFilterLocale', filters.locale, 'text', 'libraryFilterLocaleHint')}
        <div class="filter-actions">
          <button class="button" type="submit">${this.a('libraryApply')}</button>
          ${Object.keys(filters).length ? html`<button class="button" type="button" @click=${this.#clearFilters}>${this.a('libraryClear')}</button>` : nothing}
        </div>
      </form>
    </div>`;
  }

  #filterField(name: keyof Filters, label: AdminMessageKey, value: string | undefined, type = 'text', hint?: AdminMessageKey): unknown {
    const id = `filter-${name}`;
    const error = this._filterErrors[name];
    const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
    return html`<div class="field">
      <label for=${id}>${this.a(label)}</label>
      ${hint ? html`<p class="muted hint" id="${id}-hint">${this.a(hint)}</p>` : nothing}
      ${error ? html`<p class="field-error" id="${id}-error">${this.#errorMessage(error)}</p>` : nothing}
      <input id=${id} name=${name} type=${type} .value=${value ?? ''} maxlength="200" aria-invalid=${error ? 'true' : 'false'} aria-describedby=${described || nothing} />
    </div>`;
  }

  protected override renderEmptyMessage(): unknown {
    return html`<p>${this.a(Object.keys(this._filters).length ? 'libraryNoMatch' : 'libraryEmpty')}</p>`;
  }

  protected renderReady(_page: ContentPage): unknown {
    const { error, loading, cursor } = this.#paging;
    return html`<ul part="list" class="list" role="list" aria-label=${this.a('libraryListLabel')}>
        ${this.#items.map((item) => this.renderItem(item))}
      </ul>
      ${this._actionFailure ? this.#renderFailure('adminActionFailed', this._actionFailure) : nothing}
      ${error
        ? html`<div class="state error" role="alert"><p class="error-title">${this.a('libraryMoreFailed')}</p>${errorText(this.l, error, this.client)}</div>`
        : nothing}
      ${cursor
        ? html`<button part="more" class="button more" type="button" aria-disabled=${loading ? 'true' : 'false'} @click=${this.#paging.load}>
            ${loading ? this.l.t('loading') : error ? this.l.t('retry') : this.a('libraryMore')}
          </button>`
        : nothing}`;
  }

  /** One piece of content: its title, state, dates, tags and campaign, and what can be done with it. */
  protected renderItem(item: Content): unknown {
    // The server derives the state; older servers send the status only (the state asked for is the item's).
    const itemState: ContentState = item.state ?? (item.status === 'published' ? this.#status : item.status);
    const date = (iso: string) => this.l.date(iso, { dateStyle: 'medium', timeStyle: 'short' });
    const asking = this._confirming === item.id;
    const archived = item.status === 'archived';
    return html`<li part="item" class="item" data-id=${item.id}>
      ${this.#heading(this.headingLevel + 1, `t-${item.id}`, item.title)}
      <p class="meta">
        <span class="badge ${itemState}">${this.a(`libraryState_${itemState}`)}</span>
        <span>${this.a(itemState === 'scheduled' || itemState === 'draft' ? 'libraryPublishes' : 'libraryPublished', { date: date(item.publishAt) })}</span>
        ${item.expiresAt ? html`<span>${this.a(itemState === 'expired' ? 'libraryExpired' : 'libraryExpires', { date: date(item.expiresAt) })}</span>` : nothing}
        <span lang=${item.locale}>${this.#languageName(item.locale)}</span>
        ${item.tags.length ? html`<span>${this.a('libraryTags', { tags: item.tags.join(', ') })}</span>` : nothing}
        ${item.campaign ? html`<span>${this.a('libraryCampaignIs', { campaign: item.campaign })}</span>` : nothing}
      </p>
      ${asking
        ? html`<div class="confirm" role="group" aria-labelledby="ask-${item.id}">
            <p id="ask-${item.id}">${this.a('libraryArchiveAsk', { title: item.title })}</p>
            <button class="button danger" part="confirm-archive" type="button" aria-disabled=${this._busy ? 'true' : 'false'} @click=${() => void this.#archive(item)}>
              ${this.a('libraryArchiveConfirm')}
            </button>
            <button class="button" type="button" @click=${() => void this.#ask(undefined, item.id)}>${this.a('adminCancel')}</button>
          </div>`
        : html`<div class="actions">
            ${archived
              ? nothing
              : html`<button class="button" type="button" data-action="edit" aria-describedby="t-${item.id}" @click=${() => this.#openEdit(item)}>${this.a('libraryEdit')}</button>`}
            <button class="button" type="button" data-action="duplicate" aria-describedby="t-${item.id}" aria-disabled=${this._busy ? 'true' : 'false'} @click=${() => void this.#duplicate(item)}>
              ${this.a('libraryDuplicate')}
            </button>
            ${archived
              ? html`<button class="button" type="button" data-action="restore" aria-describedby="t-${item.id}" aria-disabled=${this._busy ? 'true' : 'false'} @click=${() => void this.#restore(item)}>
                  ${this.a('libraryRestore')}
                </button>`
              : html`<button class="button" type="button" data-action="archive" aria-describedby="t-${item.id}" @click=${() => void this.#ask(item.id, item.id)}>${this.a('libraryArchive')}</button>`}
          </div>`}
    </li>`;
  }

  #renderFailure(title: AdminMessageKey, error: AdvError): unknown {
    return html`<div class="state error" part="form-error" role="alert" tabindex="-1">
      <p class="error-title">${this.a(title)}</p>
      ${errorText(this.l, error, this.client)}
      <p>${this.a('libraryActionFailedHelp')}</p>
    </div>`;
  }

  #errorMessage(error: Errors[string] | undefined): string {
    if (!error) return '';
    return 'key' in error ? this.a(error.key) : error.text;
  }

  // ---- the form

  /** The create / edit form, with the suggested texts and the preview. */
  protected renderForm({ original, draft }: Editing): unknown {
    const level = this.headingLevel;
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const image = safeUrl(draft.imageUrl.trim());
    return html`<form part="form" class="form" novalidate @submit=${this.#save} @input=${this.#input} @change=${this.#input}>
      <div class="title-row">
        ${this.#heading(level, 'form-title', original ? this.a('libraryFormEdit', { title: original.title }) : this.a('libraryFormNew'), true)}
        <button class="button" type="button" @click=${this.#cancel}>${this.a('libraryBack')}</button>
      </div>
      ${this._formFailure ? this.#renderFailure('libraryFormFailed', this._formFailure) : nothing}
      ${this.#field('title', 'libraryFieldTitle', draft.title, { required: true, maxlength: 200 })}
      ${this.#field('url', 'libraryFieldUrl', draft.url, { required: true, type: 'url', hint: 'libraryFieldUrlHint', maxlength: 2048 })}
      ${this.#field('imageUrl', 'libraryFieldImage', draft.imageUrl, { type: 'url', hint: 'libraryFieldImageHint', maxlength: 2048 })}
      ${image ? html`<img class="image-preview" src=${image} alt=${this.a('libraryImagePreview')} referrerpolicy="no-referrer" width="240" height="126" @error=${hideBrokenImage} />` : nothing}
      <div class="field">
        <label for="summary">${this.a('libraryFieldSummary')}</label>
        ${this.#fieldError('summary')}
        <textarea id="summary" name="summary" rows="3" maxlength="1000" .value=${draft.summary} aria-invalid=${this.#invalid('summary')} aria-describedby=${this.#described('summary')}></textarea>
      </div>
      ${this.#field('tags', 'libraryFieldTags', draft.tags, { hint: 'libraryFieldTagsHint', maxlength: 900 })}
      ${this.#field('campaign', 'libraryFieldCampaign', draft.campaign, { maxlength: 100 })}
      ${this.#field('locale', 'libraryFieldLocale', draft.locale, { required: true, hint: 'libraryFilterLocaleHint', maxlength: 35 })}
      <fieldset class="times">
        <legend>${this.a('libraryFieldStatus')}</legend>
        <p class="muted hint" id="zone">${this.a('libraryTimeZone', { zone })}</p>
        <div class="choices">
          <label class="chip"><input type="radio" name="publish" value="draft" .checked=${!draft.publish} />${this.a('libraryStatusDraft')}</label>
          <label class="chip"><input type="radio" name="publish" value="publish" .checked=${draft.publish} />${this.a('libraryStatusPublish')}</label>
        </div>
        ${this.#field('publishAt', 'libraryFieldPublishAt', draft.publishAt, { type: 'datetime-local', hint: original ? undefined : 'libraryFieldPublishAtHint', required: !!original, zone: true })}
        ${this.#field('expiresAt', 'libraryFieldExpiresAt', draft.expiresAt, { type: 'datetime-local', hint: 'libraryFieldExpiresAtHint', zone: true })}
      </fieldset>
      ${this.renderTexts(draft, original)}
      <div class="form-actions">
        <button part="save" class="button primary" type="submit" aria-disabled=${this._saving ? 'true' : 'false'}>${this.a(this._saving ? 'adminSaving' : 'adminSave')}</button>
        <button class="button" type="button" @click=${this.#cancel}>${this.a('adminCancel')}</button>
      </div>
      ${this.renderPreview(draft, original)}
    </form>`;
  }

  #field(
    name: DraftField,
    label: AdminMessageKey,
    value: string,
    options: { required?: boolean; type?: string; hint?: AdminMessageKey | undefined; maxlength?: number; zone?: boolean },
  ): unknown {
    const { required = false, type = 'text', hint, maxlength, zone = false } = options;
    return html`<div class="field">
      <label for=${name}>${this.a(label)}${required ? html`<span class="required" aria-hidden="true"> *</span>` : nothing}</label>
      ${hint ? html`<p class="muted hint" id="${name}-hint">${this.a(hint)}</p>` : nothing}
      ${this.#fieldError(name)}
      <input
        id=${name}
        name=${name}
        type=${type}
        .value=${value}
        maxlength=${maxlength ?? nothing}
        ?required=${required}
        autocomplete="off"
        aria-invalid=${this.#invalid(name)}
        aria-describedby=${this.#described(name, hint ? `${name}-hint` : '', zone ? 'zone' : '') || nothing}
      />
    </div>`;
  }

  #fieldError(name: string): unknown {
    const error = this._errors[name];
    return error ? html`<p class="field-error" id="${name}-error">${this.#errorMessage(error)}</p>` : nothing;
  }

  #invalid(name: string): 'true' | 'false' {
    return this._errors[name] ? 'true' : 'false';
  }

  #described(name: string, ...more: string[]): string {
    return [...more, this._errors[name] ? `${name}-error` : ''].filter(Boolean).join(' ');
  }

  /** The disclosure employees will get for content in `locale`: from the content itself, else another in that language. */
  #disclosure(locale: string, original: Content | undefined): string | undefined {
    if (original && original.locale === locale) return original.disclosure;
    return this.#items.find((item) => item.locale === locale)?.disclosure;
  }

  /** Suggested texts per network and language, each with its live count and the disclosure; then "Add a text". */
  protected renderTexts(draft: ContentDraft, original: Content | undefined): unknown {
    const client = this.client;
    const networks = this.#networks;
    const addNetwork = this._addNetwork && networks.includes(this._addNetwork) ? this._addNetwork : networks[0]!;
    return html`<fieldset part="texts" class="texts" aria-describedby="texts-hint">
      <legend>${this.a('libraryTexts')}</legend>
      <p class="muted hint" id="texts-hint">${this.a('libraryTextsHint')}</p>
      ${draft.texts.length ? nothing : html`<p class="muted">${this.a('libraryNoTexts')}</p>`}
      ${draft.texts.map((entry) => {
        const key = textKey(entry);
        const disclosure = this.#disclosure(entry.locale, original);
        const check = checkPost(entry.network, { text: entry.text, disclosure: disclosure ?? '', url: client ? estimatedTrackedUrl(client) : draft.url });
        const params = { network: networkName(this.l, entry.network), language: this.#languageName(entry.locale) };
        return html`<div class="text-entry">
          <label for=${key}>${this.a('libraryTextLabel', params)}</label>
          ${this.#fieldError(key)}
          <div class="composer">
            <textarea
              id=${key}
              name=${key}
              data-network=${entry.network}
              data-locale=${entry.locale}
              lang=${entry.locale}
              dir="auto"
              rows="4"
              maxlength="3000"
              .value=${entry.text}
              class=${postLevel(check)}
              aria-invalid=${check.over || this._errors[key] ? 'true' : 'false'}
              aria-describedby=${this.#described(key, `count-${key}`, `disclosure-${key}`)}
            ></textarea>
            <p id="disclosure-${key}" class="disclosure">
              <span class="muted">${this.l.t('shareCardDisclosure')}</span>
              ${disclosure === undefined ? html`<span class="muted">${this.a('libraryDisclosureUnknown')}</span>` : html`<span lang=${entry.locale} dir="auto">${disclosure}</span>`}
            </p>
          </div>
          ${renderPostCount(this.l, check, entry.network, `count-${key}`)}
          <button class="button" type="button" data-remove=${key} @click=${() => void this.#removeText(entry)}>${this.a('libraryRemoveText', params)}</button>
        </div>`;
      })}
      <div class="add-text" role="group" aria-labelledby="add-title">
        <span id="add-title" class="label">${this.a('libraryAddText')}</span>
        <div class="field">
          <label for="add-network">${this.a('libraryAddNetwork')}</label>
          <select id="add-network" @change=${this.#chooseAddNetwork}>
            ${networks.map((network) => html`<option value=${network} ?selected=${network === addNetwork}>${networkName(this.l, network)}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="add-locale">${this.a('libraryAddLocale')}</label>
          <input id="add-locale" type="text" maxlength="35" .value=${this._addLocale || draft.locale} aria-describedby=${this._addError ? 'add-error' : nothing} @input=${this.#addLocaleInput} />
        </div>
        <button class="button" id="add-text" type="button" @click=${this.#addText}>${this.a('libraryAddText')}</button>
        ${this._addError ? html`<p class="field-error" id="add-error">${this._addError}</p>` : nothing}
      </div>
    </fieldset>`;
  }

  /** The draft as employees will see it: a real share card, in preview mode (nothing is shared). */
  protected renderPreview(draft: ContentDraft, original: Content | undefined): unknown {
    const locale = LOCALE_PATTERN.test(draft.locale.trim()) ? draft.locale.trim() : this.l.locale;
    const now = new Date(0).toISOString(); // the preview's own dates are never shown
    const content: Content = {
      id: original?.id ?? PREVIEW_ID,
      title: draft.title.trim() || this.a('libraryUntitled'),
      url: draft.url.trim(),
      imageUrl: safeUrl(draft.imageUrl.trim()) ?? null,
      summary: draft.summary.trim(),
      locale,
      tags: parseTags(draft.tags),
      campaign: draft.campaign.trim() || null,
      suggestedTexts: textsOf(draft),
      disclosure: this.#disclosure(locale, original) ?? this.a('libraryDisclosureUnknown'),
      status: 'published',
      publishAt: original?.publishAt ?? now,
      expiresAt: null,
      createdAt: original?.createdAt ?? now,
      updatedAt: original?.updatedAt ?? now,
    };
    const networks = [...new Set(draft.texts.map((entry) => entry.network))];
    return html`<section part="preview" class="preview" aria-labelledby="preview-title">
      ${this.#heading(this.headingLevel + 1, 'preview-title', this.a('libraryPreview'))}
      <p class="muted hint">${this.a('libraryPreviewHint')}</p>
      <adv-share-card preview locale=${locale} .content=${content} .networks=${(networks.length ? networks : this.#networks).join(' ')} @adv-load=${this.#quiet}></adv-share-card>
    </section>`;
  }

  // ---- handlers

  /** The preview card's own adv-load stays inside: the page hears the library's. */
  #quiet = (event: Event): void => {
    event.stopPropagation();
  };

  #chooseStatus = (event: Event): void => {
    this.status = (event.target as HTMLInputElement).value as ContentState;
    this._notice = '';
  };

  #applyFilters = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const value = (name: keyof Filters) => String(form.get(name) ?? '').trim();
    const tag = value('tag').toLowerCase();
    const locale = value('locale');
    const errors: Record<string, { key: AdminMessageKey }> = {};
    if (tag && !TAG_PATTERN.test(tag)) errors.tag = { key: 'libraryTagInvalid' };
    if (locale && !LOCALE_PATTERN.test(locale)) errors.locale = { key: 'libraryLocaleInvalid' };
    this._filterErrors = errors;
    if (Object.keys(errors).length) {
      void this.#focus('.filters [aria-invalid="true"]');
      return;
    }
    const filters: Record<string, string> = {};
    for (const [name, found] of [['q', value('q')], ['tag', tag], ['campaign', value('campaign')], ['locale', locale]] as const) if (found) filters[name] = found;
    this._filters = filters;
  };

  #clearFilters = (): void => {
    this._filters = {};
    this._filterErrors = {};
    void this.#focus('#filter-q');
  };

  #open(editing: Editing, opener: string): void {
    this._editing = editing;
    this._errors = {};
    this._formFailure = this._actionFailure = undefined;
    this._addNetwork = undefined;
    this._addLocale = this._addError = this._notice = '';
    this._confirming = undefined;
    this.#opener = opener;
    void this.#focus('#form-title');
  }

  #openNew = (): void => {
    const locale = this._filters.locale ?? this.l.locale.split('-')[0]!;
    this.#open({ original: undefined, draft: emptyDraft(locale) }, '#new');
  };

  #openEdit(item: Content): void {
    this.#open({ original: item, draft: draftOf(item) }, `[data-id="${item.id}"] [data-action="edit"]`);
  }

  #cancel = (): void => {
    this._editing = undefined;
    const opener = this.#opener;
    void this.#focus(opener ?? '#new', '#new');
  };

  #update(change: Partial<ContentDraft>): void {
    if (this._editing) this._editing = { ...this._editing, draft: { ...this._editing.draft, ...change } };
  }

  /** Every field of the form writes into the draft as it is typed. */
  #input = (event: Event): void => {
    const target = event.target as HTMLInputElement | HTMLTextAreaElement;
    const editing = this._editing;
    if (!editing || !target.name) return;
    const name = target.name;
    if (this._errors[name]) {
      const { [name]: _, ...rest } = this._errors;
      this._errors = rest;
    }
    if (name === 'publish') return this.#update({ publish: target.value === 'publish' });
    const network = target.dataset.network as Network | undefined;
    const locale = target.dataset.locale;
    if (network && locale !== undefined) return this.#editText(editing, network, locale, target.value);
    this.#update({ [name]: target.value } as Partial<ContentDraft>);
  };

  #editText(editing: Editing, network: Network, locale: string, text: string): void {
    const disclosure = this.#disclosure(locale, editing.original) ?? '';
    const url = this.client ? estimatedTrackedUrl(this.client) : editing.draft.url;
    const before = editing.draft.texts.find((entry) => entry.network === network && entry.locale === locale);
    const was = postLevel(checkPost(network, { text: before?.text ?? '', disclosure, url }));
    const after = checkPost(network, { text, disclosure, url });
    this.#update({ texts: editing.draft.texts.map((entry) => (entry.network === network && entry.locale === locale ? { ...entry, text } : entry)) });
    // Announced only when the count crosses a threshold, not on every keystroke (as the share card does).
    if (postLevel(after) !== was) {
      this._live = postLevel(after) === 'ok' ? this.l.t('shareCardFits', { network: networkName(this.l, network) }) : postCountMessage(this.l, after, network);
    }
  }

  #chooseAddNetwork = (event: Event): void => {
    this._addNetwork = (event.target as HTMLSelectElement).value as Network;
    this._addError = '';
  };

  #addLocaleInput = (event: Event): void => {
    this._addLocale = (event.target as HTMLInputElement).value;
    this._addError = '';
  };

  #addText = (): void => {
    const editing = this._editing;
    if (!editing) return;
    const networks = this.#networks;
    const network = this._addNetwork && networks.includes(this._addNetwork) ? this._addNetwork : networks[0]!;
    const locale = (this._addLocale || editing.draft.locale).trim();
    const params = { network: networkName(this.l, network), language: this.#languageName(locale) };
    if (!LOCALE_PATTERN.test(locale)) this._addError = this.a('libraryLocaleInvalid');
    else if (editing.draft.texts.some((entry) => entry.network === network && entry.locale === locale)) this._addError = this.a('libraryTextExists', params);
    if (this._addError) {
      void this.#focus('#add-locale');
      return;
    }
    this.#update({ texts: [...editing.draft.texts, { network, locale, text: '' }] });
    void this.#focus(`#${CSS.escape(textKey({ network, locale }))}`);
  };

  async #removeText(entry: TextEntry): Promise<void> {
    const editing = this._editing;
    if (!editing) return;
    this.#update({ texts: editing.draft.texts.filter((other) => other !== entry) });
    this._live = this.a('libraryTextRemoved', { network: networkName(this.l, entry.network), language: this.#languageName(entry.locale) });
    await this.#focus('#add-text');
  }

  #save = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const editing = this._editing;
    const client = this.client;
    if (!editing || !client || this._saving) return;
    const { original, draft } = editing;
    const problems = checkDraft(draft, original !== undefined, textKey);
    this._errors = Object.fromEntries(Object.entries(problems).map(([name, key]) => [name, { key }]));
    this._formFailure = undefined;
    if (Object.keys(problems).length) {
      this._notice = this.a('libraryFormInvalid');
      await this.#focus('form [aria-invalid="true"]');
      return;
    }
    let saved: Content;
    this._saving = true;
    try {
      if (original) {
        const patch = contentPatch(original, draft);
        if (!Object.keys(patch).length) {
          this._notice = this.a('libraryNothingChanged');
          this._editing = undefined;
          await this.#focus(this.#opener ?? '#new', '#new');
          return;
        }
        saved = await client.admin.content.update(original.id, patch);
      } else {
        saved = await client.admin.content.create(newContentBody(draft));
      }
    } catch (error) {
      this.#saveFailed(error);
      return;
    } finally {
      this._saving = false;
    }
    this._editing = undefined;
    this._notice = this.a(original ? 'librarySavedItem' : 'libraryCreated', { title: saved.title });
    await this.refresh();
    await this.#focusItem(saved.id);
  };

  #saveFailed(error: unknown): void {
    const failure = toAdvError(error);
    const byField = fieldErrors(failure);
    const errors: Record<string, { text: string }> = {};
    for (const [field, message] of Object.entries(byField)) errors[field.startsWith('suggestedTexts.') ? textKey({ network: field.split('.')[1] as Network, locale: field.split('.')[2] ?? '' }) : field] = { text: message };
    // The refused destination: the API's detail names the organisation's allowed domains.
    if (failure instanceof AdvHttpError && failure.problem.type.endsWith('destination-not-allowed')) errors.url = { text: failure.problem.detail ?? errors.url?.text ?? '' };
    this._errors = errors;
    this._formFailure = failure;
    this.actionFailed(failure);
    const first = Object.keys(errors).find((name) => this.renderRoot.querySelector(`[name="${CSS.escape(name)}"]`));
    void this.#focus(first ? `[name="${CSS.escape(first)}"]` : '[part="form-error"]');
  }

  async #ask(id: string | undefined, item: string): Promise<void> {
    this._confirming = id;
    this._notice = '';
    await this.#focus(id ? '[part="confirm-archive"]' : `[data-id="${item}"] [data-action="archive"]`);
  }

  /** Runs an action on one item; failures show above the list and as adv-error. */
  async #act(action: (client: AdvClient) => Promise<Content>, done: (content: Content) => Promise<void>): Promise<void> {
    const client = this.client;
    if (this._busy || !client) return;
    this._busy = true;
    this._actionFailure = undefined;
    try {
      const content = await action(client);
      this._confirming = undefined;
      await done(content);
    } catch (error) {
      this._actionFailure = toAdvError(error);
      this.actionFailed(this._actionFailure);
      await this.#focus('[part="form-error"]');
    } finally {
      this._busy = false;
    }
  }

  #archive(item: Content): Promise<void> {
    return this.#act(
      (client) => client.admin.content.archive(item.id),
      async () => {
        this._notice = this.a('libraryArchived', { title: item.title });
        await this.refresh();
        await this.#focus('#library-title');
      },
    );
  }

  #restore(item: Content): Promise<void> {
    return this.#act(
      (client) => client.admin.content.restore(item.id),
      async (restored) => {
        // Back to the status it had when archived.
        const state: ContentState = restored.state ?? (restored.status === 'published' ? 'live' : restored.status);
        this._notice = this.a('libraryRestored', { title: item.title, state: this.a(`libraryState_${state}`) });
        await this.refresh();
        await this.#focus('#library-title');
      },
    );
  }

  /** A copy is made as a draft and opened in the form, to be changed before it goes out. */
  #duplicate(item: Content): Promise<void> {
    return this.#act(
      (client) => client.admin.content.duplicate(item.id),
      async (copy) => {
        this.#open({ original: copy, draft: draftOf(copy) }, '#new');
        this._notice = this.a('libraryDuplicated', { title: item.title });
        void this.refresh();
      },
    );
  }

  /** After a save: the saved item's first action when it is in the list shown, else the library's heading. */
  async #focusItem(id: string): Promise<void> {
    await this.#focus(`[data-id="${id}"] [data-action]`, '#library-title');
  }

  async #focus(selector: string, fallback?: string): Promise<void> {
    await this.updateComplete;
    const found = this.renderRoot.querySelector<HTMLElement>(selector) ?? (fallback ? this.renderRoot.querySelector<HTMLElement>(fallback) : null);
    found?.focus();
  }
}
