import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  createResourceStore,
  createTestimonialsStore,
  type AdvClient,
  type PublicTestimonial,
  type PublicTestimonialQuery,
  type ResourceStore,
} from '@advocacy/sdk';
import { AdvDataElement } from '../base/adv-data-element.js';
import { OtherLocalesController, resolveContentLocale } from '../base/other-locales-controller.js';
import { hideBrokenImage, initials } from '../base/avatar.js';
import { safeUrl } from '../base/safe-url.js';
import type { MessageKey } from '../translations/en.js';
import { styles } from './adv-testimonials.styles.js';

const TEXT_FIELDS = ['id', 'quote', 'authorName', 'role', 'team', 'location', 'locale', 'approvedAt'] as const;

function isPublicTestimonial(value: unknown): value is PublicTestimonial {
  if (typeof value !== 'object' || value === null) return false;
  const item = value as Record<string, unknown>;
  return (
    TEXT_FIELDS.every((field) => typeof item[field] === 'string') &&
    (item['photoUrl'] === null || typeof item['photoUrl'] === 'string') &&
    Array.isArray(item['tags']) &&
    item['tags'].every((tag) => typeof tag === 'string')
  );
}

export type TestimonialsPage = { items: PublicTestimonial[]; nextCursor: string | null };
type Page = TestimonialsPage;

const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

const chevron = html`<svg class="chevron" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true"><path d="M12.5 4 6.5 10l6 6" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" /></svg>`;

/**
 * Employee testimonials for a career page, as a grid, a list or a carousel
 * (the WAI-ARIA APG carousel pattern: it rotates only with `autoplay`, never
 * under reduced motion, and pauses on hover and focus). The carousel is a
 * horizontally scrolling track that snaps to each slide: a swipe moves it as
 * the buttons and the arrow keys do, and the "n / m" count follows. A publishable key is enough.
 *
 * Testimonials in the reader's language come first (`content-locale`, by
 * default the primary subtag of the widget's language); those in other
 * languages are shown on request, with a "Show testimonials in other
 * languages (N)" button.
 * Renders on the server too (`@advocacy/widgets/ssr`): the page then carries
 * the testimonials as JSON in a `<script type="application/json">` child, and
 * the widget hydrates from it without a request.
 * @tagname adv-testimonials
 * @summary Approved employee testimonials, filtered by team, location, language and tag.
 * @slot empty - Shown when no testimonial matches.
 * @slot error - Replaces the default error message.
 * @csspart base - The outer box.
 * @csspart list - The grid or list of testimonials.
 * @csspart testimonial - One testimonial (a figure).
 * @csspart quote - The quote.
 * @csspart author - The caption: photo, name, role, team and location.
 * @csspart photo - The author's photo, or their initials.
 * @csspart carousel - The carousel section.
 * @csspart controls - The carousel's buttons.
 * @csspart slide - One carousel slide.
 * @csspart slides - The carousel's scrolling track (a swipe moves it).
 * @csspart others - The "Show testimonials in other languages" button.
 * @cssproperty --adv-testimonials-min-width - Narrowest column of the grid (default 18rem).
 * @cssproperty --adv-testimonials-gap - Space between testimonials.
 * @cssproperty --adv-testimonials-photo-size - Size of the author's photo (default 3rem).
 * @cssproperty --adv-testimonials-accent - Colour of the quotation mark.
 * @event adv-load - Testimonials arrived (detail.empty when none match).
 * @event adv-error - Loading failed (detail.error).
 */
export class AdvTestimonials extends AdvDataElement<Page> {
  static override styles = [AdvDataElement.styles, styles];

  /** `grid` (responsive columns), `list` (one column) or `carousel` (one at a time). */
  @property({ reflect: true }) layout: 'grid' | 'list' | 'carousel' = 'grid';
  /** Only testimonials from this team. */
  @property() team: string | undefined;
  /** Only testimonials from this location. */
  @property() location: string | undefined;
  /** Only testimonials with this tag. */
  @property() tag: string | undefined;
  /**
   * Testimonials in this language first (`fr` also matches `fr-CA`), the
   * others on request; `*` shows every language together. By default the
   * primary subtag of the widget's language (`locale`, else the page's `lang`).
   */
  @property({ attribute: 'content-locale', reflect: true }) contentLocale: string | undefined;
  /** How many testimonials to show (1 to 100; 20 by default). */
  @property({ type: Number }) limit: number | undefined;
  /** Carousel only: rotate through the testimonials until paused (never under reduced motion). */
  @property({ type: Boolean }) autoplay = false;
  /** Carousel only: milliseconds each testimonial shows while rotating. */
  @property({ type: Number }) interval = 7000;

  @state() private current = 0;
  /** The person has not paused the rotation with the button. */
  @state() private playing = true;
  @state() private hovered = false;
  @state() private focused = false;
  @state() private reducedMotion = false;
  @state() private othersNotice = '';

  protected override emptyMessage: MessageKey = 'testimonialsEmpty';

  #motion: MediaQueryList | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #scrollTimer: ReturnType<typeof setTimeout> | undefined;
  /** A scroll the buttons or keys started: its slide and when, so its passing positions are not taken for a swipe. */
  #scrollingTo: { index: number; at: number } | undefined;
  readonly #others = new OtherLocalesController<PublicTestimonial>(this, { maxPages: 1 });

  protected createStore(client: AdvClient): ResourceStore<Page> {
    return createTestimonialsStore(client, this.storeKey());
  }

  /** Server-rendered testimonials: ready at once, loaded from the API only on refresh(). */
  protected override createSeededStore(client: AdvClient, data: Page): ResourceStore<Page> {
    const query = this.storeKey();
    return createResourceStore((signal) => client.testimonials.list(query, { signal }), data);
  }

  /**
   * The JSON the server rendered, checked field by field like an API response
   * (by hand: the contract's schemas would add 9 KB to this widget's file).
   */
  protected override parseInitialData(json: unknown): Page | undefined {
    const page = json as Partial<Page> | null;
    if (typeof page !== 'object' || page === null || !Array.isArray(page.items)) return undefined;
    if (page.nextCursor !== null && typeof page.nextCursor !== 'string') return undefined;
    return page.items.every(isPublicTestimonial) ? { items: page.items, nextCursor: page.nextCursor } : undefined;
  }

  /** The filters sent to the API; the language of the testimonials is `content-locale`'s, apart from the widget's own. */
  protected storeKey(): PublicTestimonialQuery {
    const locale = resolveContentLocale(this.contentLocale, this.l.locale);
    return { ...this.#filters(), ...(locale ? { locale } : {}) };
  }

  /** Every filter but the language. */
  #filters(): PublicTestimonialQuery {
    const limit = Math.floor(this.limit ?? 0);
    return {
      ...(this.team ? { team: this.team } : {}),
      ...(this.location ? { location: this.location } : {}),
      ...(this.tag ? { tag: this.tag } : {}),
      ...(limit >= 1 && limit <= 100 ? { limit } : {}),
    };
  }

  protected override isEmpty(data: Page): boolean {
    return data.items.length === 0;
  }

  override connectedCallback(): void {
    // Server-rendered: the first render must match the server's, which assumed motion; read the setting after it.
    const hydrating = !this.hasUpdated && this.shadowRoot !== null;
    super.connectedCallback();
    this.#motion = matchMedia(REDUCED_MOTION);
    this.#motion.addEventListener('change', this.#motionChanged);
    if (hydrating) void this.updateComplete.then(this.#motionChanged);
    else this.reducedMotion = this.#motion.matches;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#motion?.removeEventListener('change', this.#motionChanged);
    clearTimeout(this.#timer);
    clearTimeout(this.#scrollTimer);
  }

  /** Whether the carousel is rotating right now. */
  get rotating(): boolean {
    return this.#rotates && this.playing && !this.hovered && !this.focused;
  }

  get #rotates(): boolean {
    return this.autoplay && !this.reducedMotion && this.layout === 'carousel' && (this.resource.state.data?.items.length ?? 0) > 1;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Other filters, other testimonials: start again from the first.
    if ((['team', 'location', 'locale', 'contentLocale', 'tag', 'limit'] as const).some((key) => changed.has(key))) this.current = 0;
    // Other languages are looked up once the testimonials have come, with the same filters.
    const client = this.client;
    const filters = this.#filters();
    const { data, status } = this.resource.state;
    // Server-rendered testimonials stay without a request (the page chose them); a refresh or a new filter looks up.
    const ready = data !== undefined && status !== 'loading' && data !== this.initialData;
    this.#others.set(
      JSON.stringify([this.storeKey(), filters]),
      this.storeKey().locale,
      client && ready ? (_cursor, signal) => client.testimonials.list(filters, { signal }) : undefined,
    );
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    clearTimeout(this.#timer);
    if (this.rotating) this.#timer = setTimeout(() => this.#go(1), Math.max(this.interval || 7000, 100));
    this.#syncTrack((changed as PropertyValues).has('current'));
  }

  /** What is shown: the testimonials in the reader's language, then the others once asked for. */
  #items(data: Page): PublicTestimonial[] {
    return this.#others.shown ? [...data.items, ...this.#others.items] : data.items;
  }

  protected renderReady(data: Page): unknown {
    return [this.#renderItems(this.#items(data)), this.#renderOthers()];
  }

  #renderItems(items: PublicTestimonial[]): unknown {
    if (this.layout === 'carousel' && items.length > 1) return this.renderCarousel(items);
    return html`<ul class="list ${this.layout === 'list' ? 'one' : ''}" part="list" role="list">
      ${items.map((item) => html`<li>${this.renderTestimonial(item)}</li>`)}
    </ul>`;
  }

  /** None in the reader's language: said by its name when other languages have some, which show on request. */
  protected override renderEmpty(data?: Page): unknown {
    const others = this.#others;
    return [super.renderEmpty(data), others.shown ? this.#renderItems(others.items) : nothing, this.#renderOthers()];
  }

  protected override renderEmptyMessage(data: Page | undefined): unknown {
    const wanted = this.storeKey().locale;
    if (!wanted || !this.#others.items.length) return super.renderEmptyMessage(data);
    let language = wanted;
    try {
      language = new Intl.DisplayNames([this.l.locale], { type: 'language' }).of(wanted) ?? wanted;
    } catch {
      // An unknown tag is shown as it is.
    }
    return html`<p>${this.l.t('testimonialsEmptyIn', { language })}</p>`;
  }

  #renderOthers(): unknown {
    const others = this.#others;
    const count = others.items.length;
    return html`${!others.shown && count
        ? html`<p class="others"><button class="button" part="others" type="button" @click=${this.#showOthers}>${this.l.t('testimonialsOthers', { count })}</button></p>`
        : nothing}<span class="visually-hidden" role="status">${this.othersNotice}</span>`;
  }

  #showOthers = async (): Promise<void> => {
    const first = this.resource.state.data?.items.length ?? 0;
    this.#others.show();
    this.othersNotice = this.l.plural(this.#others.items.length, 'testimonialsOthersShown');
    if (this.layout === 'carousel') {
      this.current = first;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part~="next"]')?.focus();
      return;
    }
    await this.updateComplete;
    const figure = this.renderRoot.querySelectorAll<HTMLElement>('figure')[first];
    if (figure) {
      figure.tabIndex = -1;
      figure.focus();
    }
  };

  protected renderTestimonial(item: PublicTestimonial): unknown {
    const photo = safeUrl(item.photoUrl);
    const where = [item.team, item.location].filter(Boolean).join(' · ');
    return html`<figure class="card" part="testimonial" lang=${item.locale || nothing}>
      <blockquote part="quote">${item.quote}</blockquote>
      <figcaption part="author">
        <span part="photo" class="photo" aria-hidden="true"
          >${initials(item.authorName)}${photo ? html`<img src=${photo} alt="" width="48" height="48" loading="lazy" decoding="async" referrerpolicy="no-referrer" @error=${hideBrokenImage} />` : nothing}</span
        >
        <span class="who">
          <span class="name">${item.authorName}</span>
          ${item.role ? html`<span class="muted">${item.role}</span>` : nothing}
          ${where ? html`<span class="muted">${where}</span>` : nothing}
        </span>
      </figcaption>
    </figure>`;
  }

  protected renderCarousel(items: PublicTestimonial[]): unknown {
    const count = items.length;
    const current = this.current % count;
    return html`<section
      class="carousel"
      part="carousel"
      aria-roledescription="carousel"
      aria-label=${this.l.t('testimonialsCarousel')}
      @focusin=${this.#focusIn}
      @focusout=${this.#focusOut}
      @pointerenter=${this.#hover}
      @pointerleave=${this.#hover}
    >
      <div class="controls" part="controls" @keydown=${this.#arrowKeys}>
        ${this.#rotates
          ? html`<button class="button icon" part="rotation" type="button" @click=${this.#toggle}>
              <svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true">
                <path d=${this.playing ? 'M6 4h3v12H6zm5 0h3v12h-3z' : 'M6 4l10 6-10 6z'} fill="currentColor" />
              </svg>
              <span class="visually-hidden">${this.l.t(this.playing ? 'testimonialsPause' : 'testimonialsPlay')}</span>
            </button>`
          : nothing}
        <button class="button icon" part="previous" type="button" aria-controls="slides" @click=${() => this.#go(-1)}>
          ${chevron}<span class="visually-hidden">${this.l.t('testimonialsPrevious')}</span>
        </button>
        <span class="muted" aria-hidden="true">${this.l.number(current + 1)} / ${this.l.number(count)}</span>
        <button class="button icon next" part="next" type="button" aria-controls="slides" @click=${() => this.#go(1)}>
          ${chevron}<span class="visually-hidden">${this.l.t('testimonialsNext')}</span>
        </button>
      </div>
      <div
        id="slides"
        class="slides"
        part="slides"
        role="group"
        aria-label=${this.l.t('testimonialsCarousel')}
        tabindex="0"
        aria-live=${this.rotating ? 'off' : 'polite'}
        @keydown=${this.#arrowKeys}
        @scroll=${this.#scrolled}
        @scrollend=${this.#scrollEnded}
      >
        ${items.map(
          (item, index) => html`<div
            role="group"
            aria-roledescription="slide"
            aria-label=${this.l.t('testimonialsSlide', { index: index + 1, count })}
            part="slide"
            class="slide ${index === current ? 'current' : ''}"
          >
            ${this.renderTestimonial(item)}
          </div>`,
        )}
      </div>
    </section>`;
  }

  #go(step: number): void {
    const data = this.resource.state.data;
    const count = data ? this.#items(data).length : 0;
    if (count) this.current = (((this.current + step) % count) + count) % count;
  }

  get #track(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.slides');
  }

  /**
   * Keeps the track and the current slide together: the current slide is the
   * only one assistive technology reaches (the others are inert, set here
   * rather than in the template, so a server-rendered page read without
   * JavaScript keeps every slide), and a change from the buttons or keys
   * scrolls the track to it (at once under reduced motion).
   */
  #syncTrack(moved: boolean): void {
    const track = this.#track;
    if (!track) return;
    const slides = [...track.children] as HTMLElement[];
    const current = this.current % Math.max(slides.length, 1);
    slides.forEach((slide, index) => slide.toggleAttribute('inert', index !== current));
    const target = slides[current];
    if (!target || !slides[0]) return;
    const left = target.offsetLeft - slides[0].offsetLeft;
    if (moved && Math.abs(track.scrollLeft - left) > 1) {
      this.#scrollingTo = { index: current, at: Date.now() };
      track.scrollTo({ left, behavior: this.reducedMotion || !this.hasUpdated ? 'instant' : 'smooth' });
    }
  }

  /** The slide the track rests on, after a swipe (or a scroll by any other means). */
  #settle(): void {
    clearTimeout(this.#scrollTimer);
    const track = this.#track;
    const slides = track ? ([...track.children] as HTMLElement[]) : [];
    if (!track || slides.length < 2) return;
    const step = Math.abs(slides[1]!.offsetLeft - slides[0]!.offsetLeft) || track.clientWidth;
    const index = Math.min(slides.length - 1, Math.max(0, Math.round(Math.abs(track.scrollLeft) / step)));
    const going = this.#scrollingTo;
    if (going && index !== going.index && Date.now() - going.at < 1500) return; // an interrupted smooth scroll on its way
    this.#scrollingTo = undefined;
    if (index !== this.current % slides.length) this.current = index;
  }

  #scrolled = (): void => {
    // Browsers without scrollend: settle once scrolling has paused.
    clearTimeout(this.#scrollTimer);
    this.#scrollTimer = setTimeout(() => this.#settle(), 150);
  };

  #scrollEnded = (): void => {
    this.#settle();
  };

  #toggle = (): void => {
    this.playing = !this.playing;
  };

  #arrowKeys = (event: KeyboardEvent): void => {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (!step) return;
    event.preventDefault();
    this.#go(this.l.dir === 'rtl' ? -step : step);
  };

  #focusIn = (): void => {
    this.focused = true;
  };

  #focusOut = (event: FocusEvent): void => {
    this.focused = (event.currentTarget as Element).contains(event.relatedTarget as Node | null);
  };

  #hover = (event: PointerEvent): void => {
    this.hovered = event.type === 'pointerenter';
  };

  #motionChanged = (): void => {
    this.reducedMotion = Boolean(this.#motion?.matches);
  };
}
