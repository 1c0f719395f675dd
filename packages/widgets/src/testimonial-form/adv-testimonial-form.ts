import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  AdvHttpError,
  QUOTE_MAX_LENGTH,
  TESTIMONIAL_AUTHOR_NAME_MAX_LENGTH,
  createResourceStore,
  submitTestimonial,
  withdrawTestimonial,
  type AdvClient,
  type Consent,
  type Me,
  type ResourceState,
  type ResourceStore,
  type Testimonial,
} from '@advocacy/sdk';
import { AdvDataElement } from '../base/adv-data-element.js';
import { errorDetail, errorMessageKey, errorParams } from '../base/error-message.js';
import { ResourceController } from '../base/resource-controller.js';
import { safeUrl } from '../base/safe-url.js';
import { AdvErrorEvent, AdvSubmitEvent, AdvWithdrawEvent } from '../events.js';
import type { MessageKey } from '../translations/en.js';
import { styles } from './adv-testimonial-form.styles.js';

type Field = 'quote' | 'authorName' | 'role' | 'team' | 'location' | 'locale' | 'photoUrl' | 'consent';
type Errors = Partial<Record<Field, MessageKey>>;

/** A control character (a line break, a tab…): a published name is one line. */
const CONTROL = /\p{Cc}/u;

/** The contract's language tags ("fr", "en-GB"). */
const LOCALE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** Languages the language choice offers, beside the page's own (the API has no list of the organisation's). */
export const TESTIMONIAL_LOCALES = ['en', 'fr', 'de', 'es', 'it', 'nl', 'pt', 'pl', 'sv', 'da', 'fi', 'nb', 'cs', 'ro', 'tr', 'ar', 'he', 'hi', 'ja', 'ko', 'zh'] as const;

/**
 * Lets an employee tell their story for the career site: the quote with a
 * character counter, the name to show with it, role, team, location,
 * language and an optional photo, and the organisation's consent text in
 * full beside an unticked box. The name and the team come pre-filled from
 * the employee's profile (`GET /v1/me`), and can be changed (a changed name
 * is sent as `authorName`; moderators still see the profile's); the language is a choice of named languages, the page's by
 * default; required fields are marked. Below,
 * the author's own testimonials with their status and a Withdraw button
 * (asked twice). Needs an employee token (`getToken` on the provider).
 *
 * Its data is the consent text: loading and error states are the consent's,
 * and "empty" means the organisation has no consent text yet (nothing can be
 * submitted without one).
 * @tagname adv-testimonial-form
 * @summary Submit a testimonial with recorded consent, and withdraw your own.
 * @slot empty - Shown when the organisation has no consent text yet.
 * @slot error - Replaces the default error message.
 * @csspart base - The outer box.
 * @csspart form - The form.
 * @csspart submit - The submit button.
 * @csspart form-error - Why the last submission failed.
 * @csspart success - The thank-you message.
 * @csspart mine - The author's own testimonials.
 * @csspart mine-item - One of them.
 * @csspart status - Its moderation status.
 * @csspart withdraw - Its Withdraw button.
 * @csspart confirm-withdraw - The button that confirms a withdrawal.
 * @cssproperty --adv-testimonial-form-field-gap - Space between fields.
 * @cssproperty --adv-testimonial-form-field-width - Widest a field grows (default 50ch; the quote 60ch), for readable lines.
 * @event adv-load - The consent text arrived.
 * @event adv-error - Loading, submitting or withdrawing failed (detail.error).
 * @event adv-submit - A testimonial was sent for review (detail.testimonial).
 * @event adv-withdraw - A testimonial was withdrawn (detail.testimonial).
 */
export class AdvTestimonialForm extends AdvDataElement<Consent> {
  static override styles = [AdvDataElement.styles, styles];

  /** Level of the "Your testimonials" heading, to fit the page's outline. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  @state() private errors: Errors = {};
  @state() private formError: MessageKey | undefined;
  /** The last failure to submit, for the API's own word on it (a problem's `detail`). */
  @state() private formFailure: unknown;
  @state() private sending = false;
  @state() private sent = false;
  @state() private length = 0;
  /** The counter as last announced to screen readers (after a pause in typing). */
  @state() private announced = '';
  @state() private confirming: string | undefined;
  @state() private withdrawing = false;
  @state() private mineNotice: 'testimonialFormWithdrawn' | 'testimonialFormWithdrawFailed' | undefined;
  @state() private withdrawFailure: unknown;

  protected override emptyMessage: MessageKey = 'testimonialFormEmpty';

  readonly #mine = new ResourceController<{ items: Testimonial[] }>(this);
  /** The employee's profile, for what the token already says (their name, their team). */
  readonly #me = new ResourceController<Me>(this);
  #mineClient: AdvClient | undefined;
  #announceTimer: ReturnType<typeof setTimeout> | undefined;

  /** Employee data: waits for `getToken`. */
  protected override needsToken(): boolean {
    return true;
  }

  protected createStore(client: AdvClient): ResourceStore<Consent> {
    const locale = this.storeKey();
    return createResourceStore((signal) => client.testimonials.consent(locale ? { locale } : {}, { signal }));
  }

  /** The consent text comes in the widget's language. */
  protected storeKey(): string | undefined {
    return LOCALE.test(this.l.locale) ? this.l.locale : undefined;
  }

  protected override isEmpty(consent: Consent): boolean {
    return !consent.text.trim();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Like the consent, the author's own testimonials wait for getToken.
    const client = this.signingIn ? undefined : this.client;
    if (client === this.#mineClient) return;
    this.#mineClient = client;
    this.#mine.setStore(client ? createResourceStore((signal) => client.testimonials.listMine({ signal })) : undefined);
    this.#me.setStore(client ? createResourceStore((signal) => client.me.get({ signal })) : undefined);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#announceTimer);
  }

  /** The form's state, then the author's own testimonials (whatever the consent's state, so withdrawing always works). */
  protected override renderState(current: ResourceState<Consent>): unknown {
    return [super.renderState(current), this.renderMine()];
  }

  protected renderReady(consent: Consent): unknown {
    const t = this.l.t.bind(this.l);
    if (this.sent) {
      return html`<div class="state success" part="success" role="status" tabindex="-1">
        <p>${t('testimonialFormThanks')}</p>
        <button class="button" type="button" @click=${this.#again}>${t('testimonialFormAnother')}</button>
      </div>`;
    }
    const left = QUOTE_MAX_LENGTH - this.length;
    const me = this.#me.state.data;
    return html`<form part="form" novalidate @submit=${this.#submit} @input=${this.#input}>
      <p class="muted required-note">${t('testimonialFormRequiredNote')}</p>
      <div class="field">
        <label for="quote">${t('testimonialFormQuote')}${this.#star()}</label>
        <p class="muted" id="quote-hint">${t('testimonialFormQuoteHint')}</p>
        ${this.#error('quote')}
        <textarea id="quote" name="quote" rows="6" required aria-describedby=${this.#describedBy('quote', 'quote-count')} aria-invalid=${this.#invalid('quote')}></textarea>
        <p id="quote-count" class="muted count ${left < 0 ? 'over' : ''}">${this.#counter(left)}</p>
        <span class="visually-hidden" aria-live="polite">${this.announced}</span>
      </div>
      ${this.#input_('authorName', 'testimonialFormName', 'name', this.#profileName() ?? '')}
      ${this.#input_('role', 'testimonialFormRole', 'organization-title')} ${this.#input_('team', 'testimonialFormTeam', 'off', me?.team ?? '')}
      ${this.#input_('location', 'testimonialFormLocation')} ${this.#localeSelect()}
      ${this.#input_('photoUrl', 'testimonialFormPhoto', 'photo', '', 'url')}
      <div class="field consent">
        ${this.#error('consent')}
        <div class="check">
          <input type="checkbox" id="consent" name="consent" required aria-describedby=${this.#describedBy('consent')} aria-invalid=${this.#invalid('consent')} />
          <label for="consent"><span lang=${consent.locale || nothing}>${consent.text}</span>${this.#star()}</label>
        </div>
      </div>
      ${this.formError
        ? html`<p class="form-error" part="form-error" role="alert">
            ${t(this.formError, { max: QUOTE_MAX_LENGTH, ...errorParams(this.client) })}
            ${errorDetail(this.formFailure)}
          </p>`
        : nothing}
      <div>
        <button class="button primary" part="submit" type="submit" aria-disabled=${this.sending ? 'true' : 'false'}>
          ${t(this.sending ? 'testimonialFormSending' : 'testimonialFormSubmit')}
        </button>
      </div>
    </form>`;
  }

  /** The author's own testimonials, with their status and a Withdraw button. */
  protected renderMine(): unknown {
    const { data, error } = this.#mine.state;
    if (!data?.items.length && !error) return nothing;
    const t = this.l.t.bind(this.l);
    return html`<section class="mine" part="mine" aria-labelledby="mine-title">
      <div class="title" id="mine-title" role="heading" aria-level=${this.headingLevel} tabindex="-1">${t('testimonialFormMine')}</div>
      ${error && !data
        ? html`<div class="state error" role="alert">
            <p>${t('testimonialFormMineFailed')}${errorDetail(error)}</p>
            <button class="button" type="button" @click=${() => void this.#mine.refresh()}>${t('retry')}</button>
          </div>`
        : nothing}
      <ul role="list">
        ${data?.items.map((item) => this.renderMineItem(item))}
      </ul>
      ${this.mineNotice === 'testimonialFormWithdrawFailed' ? html`<p class="form-error" role="alert">${t(this.mineNotice)}${errorDetail(this.withdrawFailure)}</p>` : nothing}
      <p class="muted" role="status">${this.mineNotice === 'testimonialFormWithdrawn' ? t(this.mineNotice) : ''}</p>
    </section>`;
  }

  protected renderMineItem(item: Testimonial): unknown {
    const t = this.l.t.bind(this.l);
    const asking = this.confirming === item.id;
    return html`<li part="mine-item">
      <p class="excerpt" id="q-${item.id}" lang=${item.locale || nothing}>${item.quote}</p>
      <p class="meta">
        <span class="status ${item.status}" part="status">${t(`testimonialFormStatus_${item.status}`)}</span>
        <span class="muted">${t('testimonialFormSent', { date: this.l.date(item.createdAt) })}</span>
      </p>
      ${item.rejectionReason && item.status === 'rejected'
        ? html`<p class="muted">${t('testimonialFormReason', { reason: item.rejectionReason })}</p>`
        : nothing}
      ${item.status === 'withdrawn'
        ? nothing
        : asking
          ? html`<div class="confirm" role="group" aria-labelledby="ask-${item.id}">
              <p id="ask-${item.id}">${t('testimonialFormWithdrawAsk')}</p>
              <button
                class="button danger"
                part="confirm-withdraw"
                type="button"
                aria-disabled=${this.withdrawing ? 'true' : 'false'}
                @click=${() => void this.#withdraw(item)}
              >
                ${t('testimonialFormConfirmWithdraw')}
              </button>
              <button class="button" part="cancel-withdraw" type="button" @click=${() => void this.#ask(undefined, item.id)}>
                ${t('testimonialFormCancel')}
              </button>
            </div>`
          : html`<button class="button" part="withdraw" type="button" aria-describedby="q-${item.id}" @click=${() => void this.#ask(item.id, item.id)}>
              ${t('testimonialFormWithdraw')}
            </button>`}
    </li>`;
  }

  /** The name the employee's profile gives (what the token says), once it arrived. */
  #profileName(): string | undefined {
    const me = this.#me.state.data;
    return me ? me.displayName || me.name || undefined : undefined;
  }

  /** The visible mark of a required field (its control says `required` to assistive technology). */
  #star(): unknown {
    return html`<span class="required" aria-hidden="true"> *</span>`;
  }

  /** The page's language first, then the common ones, each by its name in the widget's language. */
  #localeSelect(): unknown {
    const page = this.l.locale;
    const codes = [...new Set([page, ...TESTIMONIAL_LOCALES])];
    let names: Intl.DisplayNames | undefined;
    try {
      names = new Intl.DisplayNames([page], { type: 'language' });
    } catch {
      names = undefined;
    }
    const name = (code: string) => {
      const found = names?.of(code);
      return found ? found.charAt(0).toLocaleUpperCase(page) + found.slice(1) : code;
    };
    const options = codes.map((code) => ({ code, label: name(code) }));
    const [first, ...rest] = options;
    rest.sort((a, b) => a.label.localeCompare(b.label, page));
    return html`<div class="field">
      <label for="locale">${this.l.t('testimonialFormLocale')}${this.#star()}</label>
      ${this.#error('locale')}
      <select id="locale" name="locale" required aria-describedby=${this.#describedBy('locale')} aria-invalid=${this.#invalid('locale')}>
        ${[first!, ...rest].map((option) => html`<option value=${option.code} ?selected=${option.code === page} lang=${option.code}>${option.label}</option>`)}
      </select>
    </div>`;
  }

  #input_(name: Field, label: MessageKey, autocomplete = 'off', value = '', type = 'text'): unknown {
    const hint = name === 'photoUrl' ? 'testimonialFormPhotoHint' : name === 'authorName' ? 'testimonialFormNameHint' : undefined;
    const required = name !== 'photoUrl';
    return html`<div class="field">
      <label for=${name}>${this.l.t(label)}${required ? this.#star() : nothing}</label>
      ${hint ? html`<p class="muted" id="${name}-hint">${this.l.t(hint)}</p>` : nothing}
      ${this.#error(name)}
      <input
        id=${name}
        name=${name}
        type=${type}
        value=${value}
        autocomplete=${autocomplete}
        maxlength=${type === 'url' ? 2048 : name === 'authorName' ? TESTIMONIAL_AUTHOR_NAME_MAX_LENGTH : 120}
        ?required=${required}
        aria-describedby=${this.#describedBy(name, hint ? `${name}-hint` : '')}
        aria-invalid=${this.#invalid(name)}
      />
    </div>`;
  }

  #error(name: Field): unknown {
    const key = this.errors[name];
    const max = name === 'authorName' ? TESTIMONIAL_AUTHOR_NAME_MAX_LENGTH : QUOTE_MAX_LENGTH;
    return key ? html`<p class="field-error" id="${name}-error">${this.l.t(key, { max })}</p>` : nothing;
  }

  #invalid(name: Field): 'true' | 'false' {
    return this.errors[name] ? 'true' : 'false';
  }

  #describedBy(name: Field, ...more: string[]): string {
    return [name === 'quote' ? 'quote-hint' : '', ...more, this.errors[name] ? `${name}-error` : ''].filter(Boolean).join(' ');
  }

  #counter(left: number): string {
    return left >= 0
      ? this.l.plural(left, 'testimonialFormLeft')
      : this.l.plural(-left, 'testimonialFormOver');
  }

  #input = (event: Event): void => {
    const target = event.target as HTMLInputElement;
    const name = target.name as Field;
    if (name === 'quote') {
      this.length = target.value.length;
      clearTimeout(this.#announceTimer);
      this.#announceTimer = setTimeout(() => (this.announced = this.#counter(QUOTE_MAX_LENGTH - this.length)), 800);
    }
    if (this.errors[name]) this.errors = { ...this.errors, [name]: undefined };
  };

  #submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const consent = this.resource.state.data;
    const client = this.client;
    // One testimonial per click, however fast the second one comes.
    if (this.sending || !consent || !client) return;
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const value = (name: Field) => String(form.get(name) ?? '').trim();
    const [quote, authorName, role, team, location, locale, photoUrl] = (['quote', 'authorName', 'role', 'team', 'location', 'locale', 'photoUrl'] as const).map(value) as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    const errors: Errors = {};
    if (!quote) errors.quote = 'testimonialFormQuoteRequired';
    else if (quote.length > QUOTE_MAX_LENGTH) errors.quote = 'testimonialFormQuoteTooLong';
    if (!authorName) errors.authorName = 'testimonialFormNameRequired';
    else if (authorName.length > TESTIMONIAL_AUTHOR_NAME_MAX_LENGTH || CONTROL.test(authorName)) errors.authorName = 'testimonialFormNameInvalid';
    if (!role) errors.role = 'testimonialFormRoleRequired';
    if (!team) errors.team = 'testimonialFormTeamRequired';
    if (!location) errors.location = 'testimonialFormLocationRequired';
    if (!LOCALE.test(locale)) errors.locale = 'testimonialFormLocaleInvalid';
    if (photoUrl && !(photoUrl.startsWith('https:') && safeUrl(photoUrl))) errors.photoUrl = 'testimonialFormPhotoInvalid';
    if (!form.has('consent')) errors.consent = 'testimonialFormConsentRequired';
    this.errors = errors;
    this.formError = this.formFailure = undefined;
    if (Object.keys(errors).length) return this.#focus('[aria-invalid="true"]');

    this.sending = true;
    try {
      const testimonial = await submitTestimonial(
        client,
        {
          quote,
          // The profile's own name is left out: the API uses it (and moderators see no second name).
          ...(authorName !== this.#profileName() ? { authorName } : {}),
          role,
          team,
          location,
          locale,
          ...(photoUrl ? { photoUrl } : {}),
          consent: { version: consent.version, accepted: true },
        },
        { refresh: this.#mine.store ? [this.#mine.store] : [] },
      );
      this.sent = true;
      this.length = 0;
      this.announced = '';
      this.emit(new AdvSubmitEvent({ testimonial }));
      await this.#focus('[part="success"]');
    } catch (error) {
      const status = error instanceof AdvHttpError ? error.status : 0;
      const key = errorMessageKey(error as Error);
      this.formFailure = error;
      if (status === 409) {
        // The consent text changed since it was shown: show the new one, unticked, and ask again.
        this.errors = { consent: 'testimonialFormConsentChanged' };
        this.renderRoot.querySelector<HTMLInputElement>('#consent')!.checked = false;
        void this.refresh();
      }
      this.formError =
        status === 409
          ? 'testimonialFormConsentChanged'
          : status === 400 || status === 422
            ? 'testimonialFormRejected'
            : key === 'errorTitle'
              ? 'testimonialFormFailed'
              : key;
      this.emit(new AdvErrorEvent({ error: error as Error }));
      if (status === 409) await this.#focus('#consent');
    } finally {
      this.sending = false;
    }
  };

  #again = (): void => {
    this.sent = false;
    this.errors = {};
    void this.#focus('#quote');
  };

  async #ask(id: string | undefined, item: string): Promise<void> {
    this.confirming = id;
    this.mineNotice = undefined;
    await this.#focus(id ? '[part="confirm-withdraw"]' : `[aria-describedby="q-${item}"]`);
  }

  async #withdraw(item: Testimonial): Promise<void> {
    const client = this.client;
    if (this.withdrawing || !client) return;
    this.withdrawing = true;
    try {
      const testimonial = await withdrawTestimonial(client, item.id);
      await this.#mine.refresh();
      this.confirming = undefined;
      this.mineNotice = 'testimonialFormWithdrawn';
      this.emit(new AdvWithdrawEvent({ testimonial }));
      await this.#focus('#mine-title');
    } catch (error) {
      this.mineNotice = 'testimonialFormWithdrawFailed';
      this.withdrawFailure = error;
      this.emit(new AdvErrorEvent({ error: error as Error }));
    } finally {
      this.withdrawing = false;
    }
  }

  async #focus(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }
}
