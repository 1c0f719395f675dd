import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { createContentStore, type AdvClient, type Content, type ContentListQuery, type ContentPage, type ResourceStore } from '@advocacy/sdk';
import { AdvDataElement } from '../base/adv-data-element.js';
import { errorDetail } from '../base/error-message.js';
import { KeysetPagingController } from '../base/keyset-paging-controller.js';
import { OtherLocalesController, resolveContentLocale } from '../base/other-locales-controller.js';
import { ProgressiveListController, progressiveUpdateComplete } from '../base/progressive-list-controller.js';
import { AdvErrorEvent } from '../events.js';
import { DEFAULT_NETWORKS, type AdvShareCard } from '../share-card/adv-share-card.js';
import { styles } from './adv-share-feed.styles.js';

/**
 * The share feed: published content for the employee, newest first, one
 * `<adv-share-card>` each, with a "Load more" button that appends the next
 * page and moves focus to the first new card.
 *
 * It lists content in the reader's language first (`content-locale`, by
 * default the primary subtag of the widget's language: `fr` on a `fr-CA`
 * page). Content in other languages is looked up in the background and shown
 * only on request, with a "Show posts in other languages (N)" button below
 * the list. A "Skip the feed" button, visible when focused, starts the feed
 * and moves focus past it. The "make it yours" nudge shows on the first card only.
 * A long list renders a screenful of cards first and the rest in later tasks
 * (`updateComplete` waits for the last); each item says its place in the whole list.
 * @tagname adv-share-feed
 * @summary Content to share, as a list of share cards.
 * @slot empty - Shown when there is nothing to share.
 * @slot error - Shown when the feed could not be loaded.
 * @csspart base - The outer box.
 * @csspart list - The list of cards.
 * @csspart more - The "Load more" button.
 * @csspart others - The "Show posts in other languages" button.
 * @csspart others-list - The list of cards in other languages, once shown.
 * @csspart skip - The "Skip the feed" button (visually hidden until focused).
 * @cssproperty --adv-share-feed-column - Narrowest width of a column of cards (default 22rem; one column below it).
 * @cssproperty --adv-share-feed-gap - Space between cards.
 * @event adv-load - The first page arrived (detail.empty when there is nothing to share).
 * @event adv-share - A card created a share: detail { contentId, network, share }.
 * @event adv-error - Loading (or loading more) failed, or a card's share failed: detail { error }.
 */
export class AdvShareFeed extends AdvDataElement<ContentPage> {
  static override styles = [AdvDataElement.styles, styles];

  /** Only content with this tag, e.g. `careers`. */
  @property({ reflect: true }) tag: string | undefined;

  /** Cards per page (1 to 100). */
  @property({ type: Number, reflect: true }) limit = 10;

  /**
   * Content in this language first (`fr` also matches `fr-CA`), the rest on
   * request; `*` lists every language together. By default the primary
   * subtag of the widget's language (`locale`, else the page's `lang`): a
   * data filter kept apart from the language of the widget's own words.
   */
  @property({ attribute: 'content-locale', reflect: true }) contentLocale: string | undefined;

  /** Networks each card offers, as on `<adv-share-card>`. */
  @property() networks = DEFAULT_NETWORKS;

  @state() private _othersNotice = '';

  readonly #paging = new KeysetPagingController<Content, ContentPage>(this, this.resource, {
    load: (cursor) => this.client?.content.list({ ...this.#query(), cursor }),
    // Keyboard and screen reader users land on the first new card, not back at the top.
    loaded: (_items, index) => this.#focusCard(index),
    failed: (error) => this.emit(new AdvErrorEvent({ error })),
  });
  readonly #others = new OtherLocalesController<Content>(this);
  /** A screenful of cards first, then a few per task: no long task for a long list. */
  readonly #progressive = new ProgressiveListController(this, { first: 4, batch: 4 });

  protected override emptyMessage = 'shareFeedEmpty' as const;

  /** The language listed first; undefined for every language (`*`). */
  get #wanted(): string | undefined {
    return resolveContentLocale(this.contentLocale, this.l.locale);
  }

  #query(): ContentListQuery {
    const locale = this.#wanted;
    return { limit: this.limit, ...(this.tag ? { tag: this.tag } : {}), ...(locale ? { locale } : {}) };
  }

  /** Employee data: waits for `getToken`. */
  protected override needsToken(): boolean {
    return true;
  }

  protected createStore(client: AdvClient): ResourceStore<ContentPage> {
    return createContentStore(client, this.#query());
  }

  protected storeKey(): unknown {
    return this.#query();
  }

  protected override isEmpty(page: ContentPage): boolean {
    return page.items.length === 0;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A new tag, limit or language starts again from the first page.
    if (this.#paging.sync()) this._othersNotice = '';
    // The other languages are looked up once the feed itself has loaded, with the same tag.
    const client = this.client;
    const ready = this.resource.state.data !== undefined;
    const tag = this.tag;
    this.#others.set(
      JSON.stringify(this.#query()),
      this.#wanted,
      client && ready ? (cursor, signal) => client.content.list({ limit: 100, ...(tag ? { tag } : {}), ...(cursor ? { cursor } : {}) }, { signal }) : undefined,
    );
  }

  /** Nothing in the reader's language: say so by its name when other languages have something. */
  protected override renderEmptyMessage(): unknown {
    const wanted = this.#wanted;
    if (!wanted || !this.#others.items.length) return super.renderEmptyMessage(undefined);
    return html`<p>${this.l.t('shareFeedEmptyIn', { language: this.#languageName(wanted) })}</p>`;
  }

  /** The empty state, then the other languages (their button, or their cards once shown). */
  protected override renderEmpty(page?: ContentPage): unknown {
    return html`${this.#others.shown ? this.#renderSkip() : nothing}${super.renderEmpty(page)}${this.#renderOthers(true)}`;
  }

  #languageName(locale: string): string {
    try {
      return new Intl.DisplayNames([this.l.locale], { type: 'language' }).of(locale) ?? locale;
    } catch {
      return locale;
    }
  }

  #card(content: Content, nudge: boolean, place?: { index: number; size: number }): unknown {
    return html`<li aria-posinset=${place ? place.index + 1 : nothing} aria-setsize=${place ? place.size : nothing}><adv-share-card .content=${content} .networks=${this.networks} .withoutNudge=${!nudge}></adv-share-card></li>`;
  }

  #renderSkip(): unknown {
    return html`<button part="skip" class="button skip" type="button" @click=${this.#skip}>${this.l.t('shareFeedSkip')}</button>`;
  }

  /** The "Show posts in other languages (N)" button, or those posts once asked for. */
  #renderOthers(nudgeFirst: boolean): unknown {
    const others = this.#others;
    const count = others.items.length;
    return html`${!others.shown && count
        ? html`<button part="others" class="button others" type="button" @click=${this.#showOthers}>
            ${this.l.t(others.incomplete ? 'shareFeedOthersAtLeast' : 'shareFeedOthers', { count })}
          </button>`
        : nothing}
      ${others.shown
        ? html`<ul part="others-list" class="list others-list" role="list" aria-label=${this.l.t('shareFeedOthersLabel')} @adv-load=${this.#quiet}>
              ${others.items.map((content, index) => this.#card(content, nudgeFirst && index === 0))}
            </ul>
            ${others.cursor
              ? html`<button part="more" class="button more" type="button" aria-disabled=${others.loading ? 'true' : 'false'} @click=${this.#moreOthers}>
                  ${this.l.t(others.loading ? 'loading' : others.error ? 'retry' : 'shareFeedMore')}
                </button>`
              : nothing}`
        : nothing}
      <p class="visually-hidden" role="status">${this._othersNotice}</p>
      ${others.shown || !nudgeFirst ? html`<span class="visually-hidden feed-end" tabindex="-1">${this.l.t('shareFeedEnd')}</span>` : nothing}`;
  }

  protected renderReady(page: ContentPage): unknown {
    const { more, error, loading, cursor } = this.#paging;
    const items = [...page.items, ...more];
    const size = items.length;
    const shown = this.#progressive.take(items, this.resource.store);
    return html`${this.#renderSkip()}
      <ul part="list" class="list" role="list" aria-label=${this.l.t('shareFeedLabel')} aria-busy=${this.#progressive.partial ? 'true' : nothing} @adv-load=${this.#quiet}>
        ${shown.map((content, index) => this.#card(content, index === 0, { index, size }))}
      </ul>
      ${error
        ? html`<p class="state error" role="alert"><span class="error-title">${this.l.t('shareFeedMoreFailed')}</span>${errorDetail(error)}</p>`
        : nothing}
      ${cursor
        ? html`<button part="more" class="button more" type="button" aria-disabled=${loading ? 'true' : 'false'} @click=${this.#paging.load}>
            ${this.l.t(loading ? 'loading' : error ? 'retry' : 'shareFeedMore')}
          </button>`
        : nothing}
      ${this.#renderOthers(false)}`;
  }

  /** Resolves once every card of the list is rendered, not only the first screenful. */
  protected override getUpdateComplete(): Promise<boolean> {
    return progressiveUpdateComplete(() => super.getUpdateComplete(), this.#progressive);
  }

  /** Each card's own adv-load stays inside: the page hears the feed's. */
  #quiet = (event: Event): void => {
    event.stopPropagation();
  };

  /** Focus past the feed: on its end marker, so the next Tab goes to what follows the widget. */
  #skip = (): void => {
    const end = this.renderRoot.querySelector<HTMLElement>('.feed-end');
    if (!end) return;
    // In the tab order while it has focus: Chrome's next Tab from a tabindex="-1" element in a shadow root
    // goes back to the root's first stop instead of on past the widget.
    end.tabIndex = 0;
    end.addEventListener('blur', () => (end.tabIndex = -1), { once: true });
    end.focus();
  };

  #showOthers = async (): Promise<void> => {
    // Counted once the whole feed is rendered, so focus lands on the first card in another language.
    await this.updateComplete;
    const first = this.renderRoot.querySelectorAll('adv-share-card').length;
    this.#others.show();
    this._othersNotice = this.l.plural(this.#others.items.length, 'shareFeedOthersShown');
    await this.#focusCard(first);
  };

  #moreOthers = async (): Promise<void> => {
    await this.updateComplete;
    const first = this.renderRoot.querySelectorAll('adv-share-card').length;
    const added = await this.#others.loadMore();
    if (added) await this.#focusCard(first);
  };

  /** Moves focus to the card at `index` once it is rendered. */
  async #focusCard(index: number): Promise<void> {
    await this.updateComplete;
    const card = this.renderRoot.querySelectorAll<AdvShareCard>('adv-share-card')[index];
    await card?.updateComplete;
    card?.focus();
  }
}
