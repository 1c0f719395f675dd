import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { createContentStore, toAdvError, type AdvClient, type AdvError, type Content, type ContentListQuery, type ContentPage, type ResourceStore } from '@advocacy/sdk';
import { AdvDataElement } from '../base/adv-data-element.js';
import { errorDetail } from '../base/error-message.js';
import { AdvErrorEvent } from '../events.js';
import { DEFAULT_NETWORKS, type AdvShareCard } from '../share-card/adv-share-card.js';
import { styles } from './adv-share-feed.styles.js';

/**
 * The share feed: published content for the employee, newest first, one
 * `<adv-share-card>` each, with a "Load more" button that appends the next
 * page and moves focus to the first new card.
 * @tagname adv-share-feed
 * @summary Content to share, as a list of share cards.
 * @slot empty - Shown when there is nothing to share.
 * @slot error - Shown when the feed could not be loaded.
 * @csspart base - The outer box.
 * @csspart list - The list of cards.
 * @csspart more - The "Load more" button.
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

  /** Only content in this language (`fr` also matches `fr-CA`); every language by default. */
  @property({ attribute: 'content-locale' }) contentLocale: string | undefined;

  /** Networks each card offers, as on `<adv-share-card>`. */
  @property() networks = DEFAULT_NETWORKS;

  @state() private _more: Content[] = [];
  @state() private _cursor: string | null | undefined;
  @state() private _loadingMore = false;
  @state() private _moreError: AdvError | undefined;

  #pagedStore: ResourceStore<ContentPage> | undefined;

  protected override emptyMessage = 'shareFeedEmpty' as const;

  #query(): ContentListQuery {
    return { limit: this.limit, ...(this.tag ? { tag: this.tag } : {}), ...(this.contentLocale ? { locale: this.contentLocale } : {}) };
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
    if (this.resource.store !== this.#pagedStore) {
      this.#pagedStore = this.resource.store;
      this._more = [];
      this._cursor = this._moreError = undefined;
    }
  }

  protected renderReady(page: ContentPage): unknown {
    const cursor = this._cursor === undefined ? page.nextCursor : this._cursor;
    return html`<ul part="list" class="list" role="list" aria-label=${this.l.t('shareFeedLabel')} @adv-load=${this.#quiet}>
        ${[...page.items, ...this._more].map((content) => html`<li><adv-share-card .content=${content} .networks=${this.networks}></adv-share-card></li>`)}
      </ul>
      ${this._moreError
        ? html`<p class="state error" role="alert"><span class="error-title">${this.l.t('shareFeedMoreFailed')}</span>${errorDetail(this._moreError)}</p>`
        : nothing}
      ${cursor
        ? html`<button part="more" class="button more" type="button" aria-disabled=${this._loadingMore ? 'true' : 'false'} @click=${this.#loadMore}>
            ${this.l.t(this._loadingMore ? 'loading' : this._moreError ? 'retry' : 'shareFeedMore')}
          </button>`
        : nothing}`;
  }

  /** Each card's own adv-load stays inside: the page hears the feed's. */
  #quiet = (event: Event): void => {
    event.stopPropagation();
  };

  #loadMore = async (): Promise<void> => {
    const store = this.resource.store;
    const page = this.resource.state.data;
    const cursor = this._cursor === undefined ? page?.nextCursor : this._cursor;
    if (this._loadingMore || !this.client || !page || !cursor) return;
    this._loadingMore = true;
    this._moreError = undefined;
    try {
      const next = await this.client.content.list({ ...this.#query(), cursor });
      if (store !== this.resource.store) return;
      const first = page.items.length + this._more.length;
      this._more = [...this._more, ...next.items];
      this._cursor = next.nextCursor;
      await this.updateComplete;
      // Keyboard and screen reader users land on the first new card, not back at the top.
      const card = this.renderRoot.querySelectorAll<AdvShareCard>('adv-share-card')[first];
      await card?.updateComplete;
      card?.focus();
    } catch (error) {
      this._moreError = toAdvError(error);
      this.emit(new AdvErrorEvent({ error: this._moreError }));
    } finally {
      this._loadingMore = false;
    }
  };
}
