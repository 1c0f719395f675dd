import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  createResourceStore,
  type AdvClient,
  type ApiKey,
  type IdentitySettings,
  type ProgrammeSettings,
  type ProgrammeSettingsUpdate,
  type ResourceStore,
  type SharePointsRule,
} from '@advocacy/sdk';
import { AdvAdminElement, fieldErrors } from '../base/adv-admin-element.js';
import { adminStyles } from '../base/admin.styles.js';
import { errorDetail } from '../base/error-message.js';
import { styles } from './adv-program-settings.styles.js';
import { ApiKeysController } from './api-keys-controller.js';
import { AuditController } from './audit-controller.js';
import { formOf, lines, valueOf, type Section, type SettingsFormHost } from './settings-form.js';
import { identityFrom, TokenTestController } from './token-test-controller.js';

export interface ProgramSettingsData {
  settings: ProgrammeSettings;
  origins: string[];
  keys: ApiKey[];
  identity: IdentitySettings;
}

// Not the contract's SHARE_POINTS_RULES: its module builds zod schemas, which the admin bundle would then carry.
const SHARE_RULES: Readonly<Record<SharePointsRule, true>> = { 'first-reader': true, 'on-share': true };
const SHARE_POINTS_RULES = Object.keys(SHARE_RULES) as readonly SharePointsRule[];

/**
 * The programme's settings for its admins: points rules, disclosure texts per
 * language, the costs behind the dashboard's earned-media estimate (currency,
 * CPC, CPM, or none), allowed destination domains, allowed origins, API keys (created
 * and shown once, revoked after confirmation), the identity provider with
 * "test a token", and who changed what. The API's validation errors show
 * next to their fields. Needs the programme admin role (see `AdvAdminElement`).
 * @tagname adv-program-settings
 * @summary Programme settings, keys and identity provider, for programme admins.
 * @slot error - Replaces the default error message.
 * @slot admin-required - Replaces the message shown to a signed-in employee who is not a programme admin.
 * @csspart base - The outer box.
 * @csspart section - One settings section (points, earned media, disclosure, domains, origins, keys, identity, audit).
 * @csspart save - A section's save button.
 * @csspart field-error - The API's message for one field.
 * @csspart earned-media-off - The button that turns the earned-media estimate off.
 * @csspart new-key - The key just created, shown once, with its copy button.
 * @csspart revoke - A key's revoke button.
 * @csspart revoke-confirm - The button that confirms a revocation.
 * @csspart test-result - What "test a token" found.
 * @csspart audit - Who changed what (a disclosure).
 * @csspart notice - The live region that says what the last action did.
 * @csspart admin-required - The "needs the programme admin role" state.
 * @csspart retry - The retry button of the error state.
 * @cssproperty --adv-program-settings-gap - Space between sections.
 * @event adv-load - The settings arrived.
 * @event adv-error - Loading or a change failed (detail.error).
 */
export class AdvProgramSettings extends AdvAdminElement<ProgramSettingsData> {
  static override styles = [AdvAdminElement.styles, adminStyles, styles];

  /** Level of the widget's heading, to fit the page's outline (each section's is one below). */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  @state() private busy: Section | undefined;
  @state() private errors: { section: Section; fields: Readonly<Record<string, string>>; error: unknown } | undefined;
  @state() private notice = '';

  // The flows with their own state live in controllers (one file each); they share this save flow and field rendering.
  readonly #form: SettingsFormHost = this.#formHost();
  readonly #keys = new ApiKeysController(this.#form);
  readonly #tokenTest = new TokenTestController(this.#form);
  readonly #audit = new AuditController(this.#form);

  protected createAdminStore(client: AdvClient): ResourceStore<ProgramSettingsData> {
    return createResourceStore(async (signal) => {
      const [settings, origins, keys, identity] = await Promise.all([
        client.admin.settings.get({ signal }),
        client.admin.origins.list({ signal }),
        client.admin.keys.list({ signal }),
        client.admin.identity.get({ signal }),
      ]);
      return { settings, origins: origins.origins, keys: keys.items, identity };
    });
  }

  protected adminStoreKey(): unknown {
    return null;
  }

  protected renderReady(data: ProgramSettingsData): unknown {
    return html`<div class="title" role="heading" aria-level=${this.headingLevel}>${this.a('settingsTitle')}</div>
      ${this.renderPoints(data.settings)} ${this.renderEarnedMedia(data.settings)} ${this.renderDisclosure(data.settings)}
      ${this.renderDomains(data.settings)} ${this.renderOrigins(data.origins)} ${this.renderKeys(data.keys)}
      ${this.renderIdentity(data.identity)} ${this.renderAudit()}
      <p class="notice" part="notice" role="status">${this.notice}</p>`;
  }

  protected renderPoints(settings: ProgrammeSettings): unknown {
    return this.#section('points', 'settingsPoints', html`<form novalidate @submit=${this.#savePoints}>
      ${this.#number('points', 'pointsPerShare', this.a('settingsPointsPerShare'), settings.pointsPerShare)}
      ${this.#number('points', 'pointsPerClick', this.a('settingsPointsPerClick'), settings.pointsPerClick)}
      <div class="field">
        <label for="sharePointsRule">${this.a('settingsShareRule')}</label>
        <select id="sharePointsRule" name="sharePointsRule">
          ${SHARE_POINTS_RULES.map((rule) => html`<option value=${rule} ?selected=${rule === settings.sharePointsRule}>${this.a(`settingsShareRule_${rule}`)}</option>`)}
        </select>
      </div>
      ${this.#number('points', 'dailySharePointsCap', this.a('settingsDailyCap'), settings.dailySharePointsCap)}
      ${this.#saveButton('points')}
    </form>`);
  }

  /**
   * The organisation's own costs for the dashboard's earned-media estimate
   * (`settings.earnedMedia`): currency, CPC and CPM, the formula, and a way
   * to turn the estimate off (`earnedMedia: null`).
   */
  protected renderEarnedMedia(settings: ProgrammeSettings): unknown {
    const current = settings.earnedMedia ?? undefined;
    const whole = this.errors?.section === 'earnedMedia' ? this.errors.fields['earnedMedia'] : undefined;
    return this.#section('earnedMedia', 'settingsEarnedMedia', html`<p class="muted" id="earnedMedia-help">${this.a('settingsEarnedMediaHelp')}</p>
      ${current ? nothing : html`<p class="muted">${this.a('settingsEarnedMediaOff')}</p>`}
      <form novalidate @submit=${this.#saveEarnedMedia}>
        ${this.#text('earnedMedia', 'earnedMedia.currency', this.a('settingsCurrency'), current?.currency ?? '', { size: 3, maxLength: 3, autocomplete: 'off' })}
        ${this.#number('earnedMedia', 'earnedMedia.cpc', this.a('settingsCpc'), current?.cpc, { step: 'any', min: 0 })}
        ${this.#number('earnedMedia', 'earnedMedia.cpm', this.a('settingsCpm'), current?.cpm, { step: 'any', min: 0 })}
        ${whole ? html`<p class="field-error" part="field-error" role="alert">${whole}</p>` : nothing}
        <div class="inline">
          ${this.#saveButton('earnedMedia')}
          ${current
            ? html`<button class="button" type="button" part="earned-media-off" ?disabled=${this.busy !== undefined} @click=${() => void this.#turnOffEarnedMedia()}>
                ${this.a('settingsEarnedMediaTurnOff')}
              </button>`
            : nothing}
        </div>
      </form>`);
  }

  protected renderDisclosure(settings: ProgrammeSettings): unknown {
    const languages = new Intl.DisplayNames([this.l.locale], { type: 'language' });
    const name = (locale: string) => {
      try {
        return languages.of(locale) ?? locale;
      } catch {
        return locale;
      }
    };
    return this.#section('disclosure', 'settingsDisclosure', html`<p class="muted">${this.a('settingsDisclosureHelp')}</p>
      <form novalidate @submit=${this.#saveDisclosure}>
        ${Object.entries(settings.disclosure).map(([locale, text]) =>
          this.#text('disclosure', `disclosure.${locale}`, this.a('settingsDisclosureFor', { language: name(locale) }), text, { lang: locale }),
        )}
        <div class="pair">
          ${this.#text('disclosure', 'newLocale', this.a('settingsNewLocale'), '', { size: 8 })}
          ${this.#text('disclosure', 'newDisclosure', this.a('settingsNewDisclosure'), '')}
        </div>
        ${this.#saveButton('disclosure')}
      </form>`);
  }

  protected renderDomains(settings: ProgrammeSettings): unknown {
    return this.#section('domains', 'settingsDomains', html`<form novalidate @submit=${this.#saveDomains}>
      <div class="field">
        <label for="allowedDomains">${this.a('settingsDomains')}</label>
        <p class="muted" id="allowedDomains-help">${this.a('settingsDomainsHelp')}</p>
        <textarea
          id="allowedDomains"
          name="allowedDomains"
          rows="4"
          .value=${settings.allowedDomains.join('\n')}
          aria-describedby="allowedDomains-help ${this.#fieldError('domains', 'allowedDomains') ? 'allowedDomains-error' : ''}"
          aria-invalid=${this.#fieldError('domains', 'allowedDomains') ? 'true' : 'false'}
        ></textarea>
        ${this.#renderFieldError('domains', 'allowedDomains')}
      </div>
      ${this.#saveButton('domains')}
    </form>`);
  }

  protected renderOrigins(origins: readonly string[]): unknown {
    return this.#section('origins', 'settingsOrigins', html`<p class="muted">${this.a('settingsOriginsHelp')}</p>
      ${origins.length
        ? html`<ul class="rows">
            ${origins.map(
              (origin) => html`<li>
                <code>${origin}</code>
                <button class="button" type="button" part="remove-origin" ?disabled=${this.busy !== undefined} @click=${() => void this.#removeOrigin(origin)}>
                  ${this.a('settingsOriginRemove', { origin })}
                </button>
              </li>`,
            )}
          </ul>`
        : html`<p class="muted">${this.a('settingsOriginsNone')}</p>`}
      <form novalidate class="inline" @submit=${this.#addOrigin}>
        ${this.#text('origins', 'origin', this.a('settingsOriginNew'), '', { type: 'url' })}
        <button class="button" type="submit" part="add-origin" ?disabled=${this.busy !== undefined}>${this.a('settingsOriginAdd')}</button>
      </form>`);
  }

  protected renderKeys(keys: readonly ApiKey[]): unknown {
    return this.#section('keys', 'settingsKeys', this.#keys.render(keys));
  }

  protected renderIdentity(identity: IdentitySettings): unknown {
    return this.#section('identity', 'settingsIdentity', html`<p class="muted">${this.a('settingsIdentityHelp')}</p>
      <form id="identity-form" novalidate @submit=${this.#saveIdentity}>
        ${this.#text('identity', 'issuer', this.a('settingsIssuer'), identity.issuer ?? '', { type: 'url' })}
        ${this.#text('identity', 'audience', this.a('settingsAudience'), identity.audience ?? '')}
        ${this.#text('identity', 'jwksUrl', this.a('settingsJwksUrl'), identity.jwksUrl ?? '', { type: 'url' })}
        ${this.#text('identity', 'adminRole', this.a('settingsAdminRole'), identity.adminRole)}
        ${this.#saveButton('identity')}
      </form>
      ${this.#tokenTest.render()}`);
  }

  protected renderAudit(): unknown {
    return this.#audit.render();
  }

  #section(section: Section, title: 'settingsPoints' | 'settingsEarnedMedia' | 'settingsDisclosure' | 'settingsDomains' | 'settingsOrigins' | 'settingsKeys' | 'settingsIdentity', content: unknown): unknown {
    const failed = this.errors?.section === section && Object.keys(this.errors.fields).length === 0 ? this.errors.error : undefined;
    return html`<section class="section" part="section" aria-labelledby="section-${section}">
      <div class="section-title" id="section-${section}" role="heading" aria-level=${this.headingLevel + 1}>${this.a(title)}</div>
      ${content}
      ${failed ? html`<p class="field-error" part="action-error" role="alert">${this.a('adminActionFailed')} ${errorDetail(failed)}</p>` : nothing}
    </section>`;
  }

  #saveButton(section: Section): unknown {
    return html`<button class="button primary" type="submit" part="save" ?disabled=${this.busy !== undefined}>
      ${this.busy === section ? this.a('adminSaving') : this.a('adminSave')}
    </button>`;
  }

  #fieldError(section: Section, field: string): string | undefined {
    if (this.errors?.section !== section) return undefined;
    const { fields } = this.errors;
    // `allowedDomains.2` is shown at `allowedDomains`.
    return fields[field] ?? Object.entries(fields).find(([name]) => name.startsWith(`${field}.`))?.[1];
  }

  #renderFieldError(section: Section, field: string): unknown {
    const message = this.#fieldError(section, field);
    return message ? html`<p class="field-error" part="field-error" id="${field}-error">${message}</p>` : nothing;
  }

  /** A number field; whole numbers unless `step` says otherwise (`any`: decimals, such as a CPC of 0.80). */
  #number(section: Section, name: string, label: string, value: number | undefined, options: { step?: string; min?: number } = {}): unknown {
    const error = this.#fieldError(section, name);
    const step = options.step ?? '1';
    return html`<div class="field">
      <label for=${name}>${label}</label>
      <input
        id=${name}
        name=${name}
        type="number"
        inputmode=${step === '1' ? 'numeric' : 'decimal'}
        step=${step}
        min=${options.min ?? nothing}
        .value=${value === undefined ? '' : String(value)}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? `${name}-error` : nothing}
      />
      ${this.#renderFieldError(section, name)}
    </div>`;
  }

  #text(
    section: Section,
    name: string,
    label: string,
    value: string,
    options: { type?: string; lang?: string; size?: number; maxLength?: number; autocomplete?: string } = {},
  ): unknown {
    const error = this.#fieldError(section, name);
    return html`<div class="field">
      <label for=${name}>${label}</label>
      <input
        id=${name}
        name=${name}
        type=${options.type ?? 'text'}
        lang=${options.lang ?? nothing}
        size=${options.size ?? nothing}
        maxlength=${options.maxLength ?? nothing}
        autocomplete=${options.autocomplete ?? nothing}
        .value=${value}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? `${name}-error` : nothing}
      />
      ${this.#renderFieldError(section, name)}
    </div>`;
  }

  // ---- actions

  /**
   * Runs a change for one section: field errors go next to their fields,
   * other failures under the section (both with adv-error); success is said
   * in the live region and the settings are loaded again.
   */
  async #run(section: Section, change: (client: AdvClient) => Promise<string | undefined>, options: { reload?: boolean } = {}): Promise<boolean> {
    const client = this.client;
    if (!client || this.busy) return false;
    this.busy = section;
    this.errors = undefined;
    this.notice = '';
    try {
      this.notice = (await change(client)) ?? this.a('adminSaved');
    } catch (error) {
      this.errors = { section, fields: fieldErrors(error), error };
      this.actionFailed(error);
      this.busy = undefined;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#section-${section} ~ * [aria-invalid="true"]`)?.focus();
      return false;
    }
    if (options.reload !== false) await this.refresh();
    this.busy = undefined;
    return true;
  }

  /** What the controllers may use of this element, without widening its public API. */
  #formHost(): SettingsFormHost {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the getters below read the element, not the object literal
    const element = this;
    return {
      requestUpdate: () => element.requestUpdate(),
      get updateComplete() {
        return element.updateComplete;
      },
      get renderRoot() {
        return element.renderRoot;
      },
      get client() {
        return element.client;
      },
      get busySection() {
        return element.busy;
      },
      a: (key, params) => element.a(key, params),
      date: (value, options) => element.l.date(value, options),
      loadingText: () => element.l.t('loading'),
      run: (section, change, options) => element.#run(section, change, options),
      clearNotice: () => void (element.notice = ''),
      failed: (error) => element.actionFailed(error),
      fieldError: (section, field) => element.#fieldError(section, field),
      renderFieldError: (section, field) => element.#renderFieldError(section, field),
      renderText: (section, name, label, value) => element.#text(section, name, label, value),
    };
  }

  #savePoints = (event: SubmitEvent): void => {
    const form = formOf(event);
    const numberOf = (name: string) => Number(valueOf(form, name));
    const change: ProgrammeSettingsUpdate = {
      pointsPerShare: numberOf('pointsPerShare'),
      pointsPerClick: numberOf('pointsPerClick'),
      sharePointsRule: valueOf(form, 'sharePointsRule') as ProgrammeSettingsUpdate['sharePointsRule'],
      dailySharePointsCap: numberOf('dailySharePointsCap'),
    };
    void this.#run('points', async (client) => void (await client.admin.settings.update(change)));
  };

  #saveEarnedMedia = (event: SubmitEvent): void => {
    const form = formOf(event);
    // An empty cost is not 0: NaN is refused by the contract, next to its field, before anything is sent.
    const costOf = (name: string) => {
      const value = valueOf(form, name);
      return value === '' ? Number.NaN : Number(value);
    };
    const earnedMedia = { currency: valueOf(form, 'earnedMedia.currency').toUpperCase(), cpc: costOf('earnedMedia.cpc'), cpm: costOf('earnedMedia.cpm') };
    void this.#run('earnedMedia', async (client) => void (await client.admin.settings.update({ earnedMedia })));
  };

  async #turnOffEarnedMedia(): Promise<void> {
    const done = await this.#run('earnedMedia', async (client) => {
      await client.admin.settings.update({ earnedMedia: null });
      return this.a('settingsEarnedMediaTurnedOff');
    });
    if (!done) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[id="earnedMedia.currency"]')?.focus();
  }

  #saveDisclosure = (event: SubmitEvent): void => {
    const form = formOf(event);
    const current = this.resource.state.data?.settings.disclosure ?? {};
    const disclosure: Record<string, string | null> = {};
    for (const locale of Object.keys(current)) disclosure[locale] = valueOf(form, `disclosure.${locale}`) || null;
    const locale = valueOf(form, 'newLocale');
    const text = valueOf(form, 'newDisclosure');
    if (locale || text) disclosure[locale] = text;
    void this.#run('disclosure', async (client) => void (await client.admin.settings.update({ disclosure })));
  };

  #saveDomains = (event: SubmitEvent): void => {
    const allowedDomains = lines(valueOf(formOf(event), 'allowedDomains'));
    void this.#run('domains', async (client) => void (await client.admin.settings.update({ allowedDomains })));
  };

  #addOrigin = (event: SubmitEvent): void => {
    const form = formOf(event);
    const origin = valueOf(form, 'origin');
    void this.#run('origins', async (client) => {
      await client.admin.origins.add(origin);
      form.reset();
      return this.a('settingsOriginAdded', { origin });
    });
  };

  async #removeOrigin(origin: string): Promise<void> {
    await this.#run('origins', async (client) => {
      await client.admin.origins.remove(origin);
      return this.a('settingsOriginRemoved', { origin });
    });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#origin')?.focus();
  }

  #saveIdentity = (event: SubmitEvent): void => {
    const identity = identityFrom(formOf(event));
    void this.#run('identity', async (client) => void (await client.admin.identity.update(identity)));
  };
}
