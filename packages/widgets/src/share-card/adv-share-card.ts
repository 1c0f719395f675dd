import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  checkPost,
  composeTextOnly,
  createResourceStore,
  isInstanceHost,
  NETWORKS,
  prefilledTextSurvives,
  share,
  toAdvError,
  type AdvClient,
  type AdvError,
  type Content,
  type Network,
  type ResourceState,
  type ResourceStore,
  type Share,
  type TextCheck,
} from '@advocacy/sdk';
import { AdvDataElement } from '../base/adv-data-element.js';
import { errorText } from '../base/error-message.js';
import { hideBrokenImage } from '../base/avatar.js';
import { safeUrl } from '../base/safe-url.js';
import { AdvErrorEvent, AdvShareEvent } from '../events.js';
import { styles } from './adv-share-card.styles.js';
import { networkName, postCountMessage, postLevel as levelOf, renderPostCount } from './post-count.js';

export const DEFAULT_NETWORKS = 'linkedin x facebook bluesky mastodon whatsapp email';

/** Where the card remembers the employee's Mastodon server. */
export const MASTODON_INSTANCE_KEY = 'adv-share-card:mastodon-instance';

/**
 * The tracked link the post will carry, before the share exists: the API's
 * `/r/{code}` link (10-character codes), so networks that count the link in
 * full (Bluesky, Threads) count about what they will get.
 */
export function estimatedTrackedUrl(client: AdvClient): string {
  return new URL('/r/0123456789', client.options.baseUrl).href;
}

/** `https://mastodon.social/`, `@me@mastodon.social` or ` Mastodon.Social ` → `mastodon.social`. */
function instanceHost(value: string): string {
  return value.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/.*$/, '').replace(/^.*@/, '');
}

/** The intent URL as a link target: https (mailto for email only), else nothing. */
function intentHref(network: Network, url: string | null): string | undefined {
  if (network === 'email') return url?.startsWith('mailto:') ? url : undefined;
  return safeUrl(url);
}

/**
 * One piece of content to share: a preview, the suggested text for the chosen
 * network in an editable box with that network's live character count, the
 * organisation's disclosure (always added, never editable), and a share button
 * that creates the employee's tracked link and opens the network's share dialog.
 * @tagname adv-share-card
 * @summary Preview, editable post and share buttons for one piece of content.
 * @slot empty - Shown when the content can no longer be shared.
 * @slot error - Shown when the content could not be loaded.
 * @csspart base - The outer box.
 * @csspart card - The card itself (an article).
 * @csspart image - The preview image.
 * @csspart networks - The network choice.
 * @csspart text - The editable post.
 * @csspart count - The character count.
 * @csspart disclosure - The organisation's disclosure.
 * @csspart share - The primary share button.
 * @csspart notice - What just happened (copied, opened).
 * @csspart own-clicks - After sharing: the sharer's own clicks do not count.
 * @cssproperty --adv-share-card-image-ratio - Aspect ratio of the preview image (default 1.91 / 1).
 * @cssproperty --adv-share-card-padding - Space inside the card.
 * @cssproperty --adv-share-card-summary-lines - Lines of summary shown before it is cut (default 4; the whole summary is still read out).
 * @event adv-load - The content is shown.
 * @event adv-share - A share was created: detail { contentId, network, share }.
 * @event adv-error - Loading or sharing failed: detail { error }.
 */
export class AdvShareCard extends AdvDataElement<Content> {
  static override styles = [AdvDataElement.styles, styles];

  /** Id of the content to fetch. Not used when `content` is set. */
  @property({ attribute: 'content-id', reflect: true }) contentId: string | undefined;

  /** The content itself (as the share feed passes it): nothing is fetched. */
  @property({ attribute: false }) content: Content | undefined;

  /** Networks offered, separated by spaces or commas, in order. */
  @property() networks = DEFAULT_NETWORKS;

  /** The chosen network; the first of `networks` by default. */
  @property() network: Network | undefined;

  /**
   * Shows `content` as employees will see it, whatever its status or window
   * (a draft, a scheduled post), with sharing off: the content library's preview.
   */
  @property({ type: Boolean, reflect: true }) preview = false;

  /** Leaves out the "make it yours" nudge (the share feed shows it on its first card only). */
  @property({ attribute: 'without-nudge', type: Boolean }) withoutNudge = false;

  @state() private _drafts: Partial<Record<Network, string>> = {};
  @state() private _busy = false;
  @state() private _error: AdvError | undefined;
  @state() private _notice = '';
  @state() private _live = '';
  @state() private _manual: string | undefined;
  @state() private _opened: { network: Network; href: string } | undefined;
  @state() private _instance = '';
  @state() private _instanceInvalid = false;

  #shares = new Map<Network, Share>();
  #inFlight = false;
  #shownId: string | undefined;

  protected override emptyMessage = 'shareCardGone' as const;

  /** Employee data: waits for `getToken`. */
  protected override needsToken(): boolean {
    return true;
  }

  protected createStore(client: AdvClient): ResourceStore<Content> {
    const { content, contentId = '' } = this;
    return createResourceStore((signal) => (content ? Promise.resolve(content) : client.content.get(contentId, { signal })));
  }

  protected storeKey(): unknown {
    const { content } = this;
    return content ? [content.id, content.updatedAt] : this.contentId;
  }

  /** Content that is archived, a draft or expired (an admin may still read it) cannot be shared. */
  protected override isEmpty(content: Content): boolean {
    if (this.preview) return false;
    return content.status !== 'published' || (content.expiresAt !== null && Date.parse(content.expiresAt) <= Date.now());
  }

  /** The content on show: the property as soon as it is set, else what was fetched. */
  get #content(): Content | undefined {
    return this.content ?? this.resource.state.data;
  }

  /** Content given as a property shows at once (no skeleton flash in the feed, and focus can move to it). */
  protected override renderState(current: ResourceState<Content>): unknown {
    const { content } = this;
    return content && !this.isEmpty(content) ? this.renderReady(content) : super.renderState(current);
  }

  /** The card's own shape, so nothing jumps when the content arrives. */
  protected override renderLoading(): unknown {
    return html`<div class="card" part="skeleton">
      <span class="visually-hidden">${this.l.t('loading')}</span>
      <div class="image"></div>
      <div class="body skeleton">${[1, 2, 3, 4, 5].map(() => html`<div class="skeleton-line"></div>`)}</div>
    </div>`;
  }

  /** Moves focus to the card (the share feed does this after "Load more"). */
  override focus(options?: FocusOptions): void {
    const card = this.renderRoot?.querySelector<HTMLElement>('article');
    if (card) card.focus(options);
    else super.focus(options);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    try {
      this._instance ||= localStorage.getItem(MASTODON_INSTANCE_KEY) ?? '';
    } catch {
      // Storage can be off (privacy settings); the employee types the server each time.
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const id = this.#content?.id;
    if (id !== this.#shownId) {
      this.#shownId = id;
      this.#shares.clear();
      this._drafts = {};
      this._error = this._manual = this._opened = undefined;
      this._notice = this._live = '';
    }
  }

  /** Networks offered, valid and without repeats. */
  get #networks(): Network[] {
    const all = NETWORKS as readonly string[];
    const list = this.networks.split(/[\s,]+/).filter((name): name is Network => all.includes(name));
    return list.length ? [...new Set(list)] : (DEFAULT_NETWORKS.split(' ') as Network[]);
  }

  get #network(): Network {
    const list = this.#networks;
    return this.network && list.includes(this.network) ? this.network : list[0]!;
  }

  #name(network: Network): string {
    return networkName(this.l, network);
  }

  /** The suggestion for `network` in the widget's language, else the content's, else any, else the title (as the API does). */
  #suggestion(content: Content, network: Network): string {
    const texts = content.suggestedTexts[network] ?? {};
    const { locale } = this.l;
    return texts[locale] ?? texts[locale.split('-')[0]!] ?? texts[content.locale] ?? Object.values(texts)[0] ?? content.title;
  }

  #text(content: Content, network: Network): string {
    return this._drafts[network] ?? this.#suggestion(content, network);
  }

  #check(content: Content, network: Network, text: string): TextCheck {
    const url = this.#shares.get(network)?.trackedUrl ?? (this.client ? estimatedTrackedUrl(this.client) : content.url);
    return checkPost(network, { text, disclosure: content.disclosure, url });
  }

  #countMessage(check: TextCheck, network: Network): string {
    return postCountMessage(this.l, check, network);
  }

  protected renderReady(content: Content): unknown {
    const network = this.#network;
    const name = this.#name(network);
    const text = this.#text(content, network);
    const check = this.#check(content, network, text);
    const level = levelOf(check);
    const edited = text !== this.#suggestion(content, network);
    const image = safeUrl(content.imageUrl);
    const link = safeUrl(content.url);
    const canWebShare = !!link && typeof navigator.canShare === 'function' && navigator.canShare({ url: link, text });
    const blocked = this._busy || check.over || this.preview;
    const nudge = !edited && !this.withoutNudge;
    const described = ['count', 'disclosure', nudge ? 'nudge' : ''].join(' ').trim();
    return html`<article part="card" class="card" tabindex="-1" aria-labelledby="title">
      ${image ? html`<img part="image" class="image" src=${image} alt="" loading="lazy" decoding="async" width="1200" height="628" referrerpolicy="no-referrer" @error=${hideBrokenImage} />` : nothing}
      <div class="body">
        <h3 id="title" class="title" lang=${content.locale} dir="auto">${link ? html`<a href=${link} target="_blank" rel="noopener noreferrer">${content.title}</a>` : content.title}</h3>
        ${content.summary ? html`<p class="summary muted" lang=${content.locale} dir="auto">${content.summary}</p>` : nothing}
        <fieldset part="networks" class="networks">
          <legend>${this.l.t('shareCardNetworks')}</legend>
          ${this.#networks.map(
            (option) =>
              html`<label class="chip"
                ><input type="radio" name="network" .value=${option} .checked=${option === network} @change=${this.#choose} />${this.#name(option)}</label
              >`,
          )}
        </fieldset>
        <label class="label" for="text">${this.l.t('shareCardText', { network: name })}</label>
        <div class="composer">
          <textarea
            id="text"
            part="text"
            class=${level}
            rows="5"
            maxlength="3000"
            dir="auto"
            .value=${text}
            aria-invalid=${check.over ? 'true' : 'false'}
            aria-describedby=${described}
            @input=${this.#edit}
          ></textarea>
          <p id="disclosure" part="disclosure" class="disclosure"><span class="muted">${this.l.t('shareCardDisclosure')}</span> <span lang=${content.locale} dir="auto">${content.disclosure}</span></p>
        </div>
        ${renderPostCount(this.l, check, network)}
        ${nudge ? html`<p id="nudge" class="nudge">${this.l.t('shareCardNudge')}</p>` : nothing}
        ${network === 'mastodon' ? this.#renderInstance() : nothing}
        <div class="actions">
          <button
            part="share"
            class="button primary"
            type="button"
            aria-disabled=${blocked ? 'true' : 'false'}
            aria-describedby=${check.over ? 'count' : nothing}
            @click=${this.#shareClicked}
          >
            ${this.l.t(this._busy ? 'shareCardSharing' : network === 'email' ? 'shareCardSendEmail' : 'shareCardShare', { network: name })}
          </button>
          <button class="button" type="button" @click=${this.#copyText}>${this.l.t('shareCardCopyText')}</button>
          <button class="button" type="button" aria-disabled=${this._busy || this.preview ? 'true' : 'false'} @click=${this.#copyLink}>${this.l.t('shareCardCopyLink')}</button>
          ${canWebShare
            ? html`<button class="button" type="button" aria-disabled=${this._busy ? 'true' : 'false'} @click=${this.#webShare}>${this.l.t('shareCardWebShare')}</button>`
            : nothing}
        </div>
        <p part="notice" class="notice" role="status">${this._notice}</p>
        ${this.#shares.has(network) ? html`<p part="own-clicks" class="own-clicks muted">${this.l.t('shareCardOwnClicks')}</p>` : nothing}
        ${this._opened
          ? html`<p class="opened muted">
              ${this.l.t('shareCardNoTab')}
              <a href=${this._opened.href} target="_blank" rel="noopener noreferrer">${this.l.t('shareCardOpen', { network: this.#name(this._opened.network) })}</a>
            </p>`
          : nothing}
        ${this._manual === undefined
          ? nothing
          : html`<p class="muted">${this.l.t('shareCardManual')}</p>
              <textarea class="manual" readonly aria-label=${this.l.t('shareCardManualLabel')} .value=${this._manual}></textarea>`}
        ${this._error ? this.#renderShareError(this._error) : nothing}
        <span class="visually-hidden" aria-live="polite">${this._live}</span>
      </div>
    </article>`;
  }

  #renderInstance(): unknown {
    return html`<div class="instance">
      <label class="label" for="instance">${this.l.t('shareCardInstance')}</label>
      <input
        id="instance"
        type="text"
        inputmode="url"
        autocomplete="url"
        spellcheck="false"
        .value=${this._instance}
        aria-invalid=${this._instanceInvalid ? 'true' : 'false'}
        aria-describedby="instance-hint"
        @input=${this.#instanceInput}
      />
      <p id="instance-hint" class=${this._instanceInvalid ? 'count over' : 'count'}>
        ${this.l.t(this._instanceInvalid ? 'shareCardInstanceInvalid' : 'shareCardInstanceHint')}
      </p>
    </div>`;
  }

  #renderShareError(error: AdvError): unknown {
    return html`<div class="state error" role="alert">
      <p class="error-title">${this.l.t('shareCardFailed')}</p>
      ${errorText(this.l, error, this.client)}
    </div>`;
  }

  #choose = (event: Event): void => {
    this.network = (event.target as HTMLInputElement).value as Network;
    this._notice = '';
    this._opened = this._manual = undefined;
  };

  #edit = (event: Event): void => {
    const content = this.#content;
    if (!content) return;
    const network = this.#network;
    const value = (event.target as HTMLTextAreaElement).value;
    const before = levelOf(this.#check(content, network, this.#text(content, network)));
    const after = this.#check(content, network, value);
    this._drafts = { ...this._drafts, [network]: value };
    // Announced only when the count crosses a threshold, not on every keystroke.
    if (levelOf(after) !== before) this._live = levelOf(after) === 'ok' ? this.l.t('shareCardFits', { network: this.#name(network) }) : this.#countMessage(after, network);
  };

  #instanceInput = (event: Event): void => {
    this._instance = (event.target as HTMLInputElement).value;
    this._instanceInvalid = false;
  };

  /** Runs one share action at a time (a double click makes one share); failures show inline and as adv-error. */
  async #run(action: (content: Content, network: Network, text: string) => Promise<void>): Promise<void> {
    const content = this.#content;
    if (this.#inFlight || !content || !this.client || this.preview) return;
    this.#inFlight = this._busy = true;
    this._error = this._manual = undefined;
    this._notice = '';
    const network = this.#network;
    try {
      await action(content, network, this.#text(content, network));
    } catch (error) {
      this._error = toAdvError(error);
      this.emit(new AdvErrorEvent({ error: this._error }));
    } finally {
      this.#inFlight = this._busy = false;
    }
  }

  async #create(content: Content, network: Network, text: string, mastodonInstance?: string): Promise<Share> {
    const created = await share(this.client!, {
      contentId: content.id,
      network,
      text: text.trim(),
      // The disclosure the card shows is the content's, so the API adds the one for the content's locale.
      locale: content.locale,
      ...(mastodonInstance ? { mastodonInstance } : {}),
    });
    this.#shares.set(network, created);
    this.emit(new AdvShareEvent({ contentId: content.id, network, share: created }));
    return created;
  }

  /** Copies `text`; when the browser refuses, shows it selected for a manual copy instead. */
  async #copy(text: string): Promise<boolean> {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      this._manual = text;
      await this.updateComplete;
      const box = this.renderRoot.querySelector<HTMLTextAreaElement>('.manual');
      box?.focus();
      box?.select();
      return false;
    }
  }

  #shareClicked = (): void => {
    const content = this.#content;
    if (!content || this.#inFlight || this.preview || this.#check(content, this.#network, this.#text(content, this.#network)).over) return;
    let instance: string | undefined;
    if (this.#network === 'mastodon') {
      instance = instanceHost(this._instance);
      this._instanceInvalid = !isInstanceHost(instance);
      if (this._instanceInvalid) {
        this.renderRoot.querySelector<HTMLInputElement>('#instance')?.focus();
        return;
      }
      this._instance = instance;
      try {
        localStorage.setItem(MASTODON_INSTANCE_KEY, instance);
      } catch {
        // Not remembered; nothing else changes.
      }
    }
    void this.#run(async (content, network, text) => {
      // LinkedIn and Facebook drop prefilled text: copy it first, while the click still counts as a user gesture.
      const copying = prefilledTextSurvives(network) ? undefined : this.#copy(composeTextOnly({ text, disclosure: content.disclosure }));
      void copying?.then((copied) => {
        if (copied) this._notice = this.l.t('shareCardPasteInto', { network: this.#name(network) });
      });
      const created = await this.#create(content, network, text, instance);
      await copying;
      const href = intentHref(network, created.intentUrl);
      if (!href) return;
      // With noopener, window.open returns null even when the tab opened, so the link below is always offered.
      window.open(href, '_blank', 'noopener,noreferrer');
      this._opened = { network, href };
      if (!copying && network !== 'email') this._notice = this.l.t('shareCardOpened', { network: this.#name(network) });
    });
  };

  #copyText = (): void => {
    const content = this.#content;
    if (!content) return;
    this._manual = undefined;
    void this.#copy(composeTextOnly({ text: this.#text(content, this.#network), disclosure: content.disclosure })).then((copied) => {
      this._notice = copied ? this.l.t('shareCardTextCopied') : '';
    });
  };

  /**
   * Copies text that is not known yet (a tracked link still being created).
   * The clipboard write starts within the click: Safari refuses one made after
   * an await, but takes a ClipboardItem whose data comes later. Elsewhere, or
   * when that is refused, the text is copied once known.
   */
  async #copyWhenKnown(text: Promise<string>): Promise<boolean> {
    if (typeof ClipboardItem === 'function' && typeof navigator.clipboard?.write === 'function') {
      try {
        const blob = text.then((value) => new Blob([value], { type: 'text/plain' }));
        // A browser that refuses promise data never reads this one; its failure is handled below, through `text`.
        blob.catch(() => {});
        await navigator.clipboard.write([new ClipboardItem({ 'text/plain': blob })]);
        return true;
      } catch {
        // Refused, or no deferred data in this browser: the plain copy below, or the manual one, once the text is known.
      }
    }
    return this.#copy(await text);
  }

  #copyLink = (): void => {
    void this.#run(async (content, network, text) => {
      const known = this.#shares.get(network);
      const link = known ? Promise.resolve(known.trackedUrl) : this.#create(content, network, text).then((created) => created.trackedUrl);
      if (await this.#copyWhenKnown(link)) this._notice = this.l.t('shareCardLinkCopied');
    });
  };

  #webShare = (): void => {
    void this.#run(async (content, network, text) => {
      const link = this.#shares.get(network) ?? (await this.#create(content, network, text));
      const post = composeTextOnly({ text, disclosure: content.disclosure });
      try {
        await navigator.share({ title: content.title, text: post, url: link.trackedUrl });
      } catch (error) {
        if ((error as Error).name !== 'AbortError') await this.#copy(`${post}\n\n${link.trackedUrl}`);
      }
    });
  };
}
