import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  createResourceStore,
  type AdvClient,
  type ApiKey,
  type AuditLogEntry,
  type CreatedApiKey,
  type IdentitySettings,
  type IdentityTestResult,
  type IdentityUpdate,
  type KeyScope,
  type NewApiKey,
  type ProgrammeSettings,
  type ProgrammeSettingsUpdate,
  type ResourceStore,
  type SharePointsRule,
} from '@advocacy/sdk';
import { AdvAdminElement, fieldErrors } from '../base/adv-admin-element.js';
import { errorDetail } from '../base/error-message.js';
import { styles } from './adv-program-settings.styles.js';

export interface ProgramSettingsData {
  settings: ProgrammeSettings;
  origins: string[];
  keys: ApiKey[];
  identity: IdentitySettings;
}

/** The section a save, an error or a notice belongs to. */
type Section = 'points' | 'earnedMedia' | 'disclosure' | 'domains' | 'origins' | 'keys' | 'identity' | 'test';

// Not the contract's SHARE_POINTS_RULES and KEY_SCOPES: their modules build builds zod schemas, which the admin bundle would then carry.
const SHARE_RULES: Readonly<Record<SharePointsRule, true>> = { 'first-reader': true, 'on-share': true };
const SHARE_POINTS_RULES = Object.keys(SHARE_RULES) as readonly SharePointsRule[];
const SCOPES: Readonly<Record<KeyScope, true>> = {
  'testimonials:read': true,
  'stats:read': true,
  'content:write': true,
  'testimonials:moderate': true,
  'settings:write': true,
  admin: true,
};
const KEY_SCOPES = Object.keys(SCOPES) as readonly KeyScope[];

const lines = (value: string): string[] =>
  value
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

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
  static override styles = [AdvAdminElement.styles, styles];

  /** Level of the widget's heading, to fit the page's outline (each section's is one below). */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  @state() private busy: Section | undefined;
  @state() private errors: { section: Section; fields: Readonly<Record<string, string>>; error: unknown } | undefined;
  @state() private notice = '';
  /** The key just created: its whole value is shown this once, until "I have copied it". */
  @state() private createdKey: CreatedApiKey | undefined;
  @state() private copied = false;
  @state() private newKeyKind: 'publishable' | 'secret' = 'publishable';
  @state() private revoking: string | undefined;
  @state() private testResult: IdentityTestResult | undefined;
  @state() private audit: { items: AuditLogEntry[]; nextCursor: string | null } | undefined;
  @state() private auditFailed: unknown;

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
    const created = this.createdKey;
    return this.#section('keys', 'settingsKeys', html`${keys.length
        ? html`<ul class="rows keys">
            ${keys.map((key) => this.#renderKey(key))}
          </ul>`
        : html`<p class="muted">${this.a('settingsKeysNone')}</p>`}
      ${created?.key
        ? html`<div class="new-key" part="new-key" role="group" aria-labelledby="new-key-warning">
            <p class="warning" id="new-key-warning">${this.a('settingsKeyCreated')}</p>
            <label for="new-key-value">${this.a('settingsKeyCreatedLabel')}</label>
            <div class="inline">
              <input id="new-key-value" type="text" readonly .value=${created.key} @focus=${(event: FocusEvent) => (event.target as HTMLInputElement).select()} />
              <button class="button" type="button" part="copy-key" @click=${() => void this.#copyKey(created.key!)}>${this.a('settingsKeyCopy')}</button>
              <span role="status">${this.copied ? this.a('settingsKeyCopied') : ''}</span>
            </div>
            <button class="button primary" type="button" part="key-done" @click=${() => void this.#forgetKey()}>${this.a('settingsKeyDone')}</button>
          </div>`
        : this.#renderNewKeyForm()}`);
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
      <form class="test" novalidate @submit=${this.#testToken}>
        <div class="field">
          <label for="token">${this.a('settingsTestToken')}</label>
          <p class="muted" id="token-help">${this.a('settingsTestTokenHelp')}</p>
          <textarea id="token" name="token" rows="3" spellcheck="false" autocomplete="off" aria-describedby="token-help"></textarea>
          ${this.#renderFieldError('test', 'token')}
        </div>
        <button class="button" type="submit" part="test-token" ?disabled=${this.busy !== undefined}>${this.a('settingsTestTokenRun')}</button>
        ${this.#renderTestResult()}
      </form>`);
  }

  protected renderAudit(): unknown {
    const audit = this.audit;
    let body: unknown;
    if (this.auditFailed) body = html`<p class="field-error" role="alert">${this.a('settingsAuditFailed')} ${errorDetail(this.auditFailed)}</p>`;
    else if (audit && audit.items.length === 0) body = html`<p class="muted">${this.a('settingsAuditEmpty')}</p>`;
    else if (audit) {
      body = html`<ol class="audit-list">
          ${audit.items.map(
            (entry) => html`<li>
              <time datetime=${entry.at}>${this.l.date(entry.at, { dateStyle: 'medium', timeStyle: 'short' })}</time>: <strong>${entry.actor}</strong>
              <code>${entry.action}</code>
            </li>`,
          )}
        </ol>
        ${audit.nextCursor
          ? html`<button class="button" type="button" part="audit-more" @click=${() => void this.#loadAudit(audit.nextCursor!)}>${this.a('settingsAuditMore')}</button>`
          : nothing}`;
    } else body = html`<p class="muted" role="status">${this.l.t('loading')}</p>`;
    return html`<details class="section" part="section audit" @toggle=${this.#toggleAudit}>
      <summary>${this.a('settingsAudit')}</summary>
      ${body}
    </details>`;
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

  #renderKey(key: ApiKey): unknown {
    const date = (value: string) => this.l.date(value, { dateStyle: 'medium' });
    const details = key.kind === 'secret' ? key.scopes.join(', ') : key.origins.join(', ');
    return html`<li class=${key.revokedAt ? 'revoked' : ''}>
      <div>
        <code>${key.prefix}…</code> <strong>${key.name}</strong>
        <span class="muted">${key.kind} · ${details} · ${this.a('settingsKeyCreatedOn', { date: date(key.createdAt) })}
          ${key.revokedAt ? html` · ${this.a('settingsKeyRevokedOn', { date: date(key.revokedAt) })}` : nothing}</span>
      </div>
      ${key.revokedAt
        ? nothing
        : this.revoking === key.id
          ? html`<div class="confirm" role="group" aria-labelledby="revoke-ask-${key.id}">
              <p id="revoke-ask-${key.id}">${this.a('settingsKeyRevokeAsk', { prefix: key.prefix })}</p>
              <button class="button danger" type="button" part="revoke-confirm" ?disabled=${this.busy !== undefined} @click=${() => void this.#revoke(key)}>
                ${this.a('settingsKeyRevokeConfirm')}
              </button>
              <button class="button" type="button" part="revoke-cancel" @click=${() => void this.#askRevoke(undefined, key.id)}>${this.a('adminCancel')}</button>
            </div>`
          : html`<button class="button" type="button" part="revoke" data-key=${key.id} aria-label="${this.a('settingsKeyRevoke')} ${key.prefix}…" @click=${() => void this.#askRevoke(key.id, key.id)}>
              ${this.a('settingsKeyRevoke')}
            </button>`}
    </li>`;
  }

  #renderNewKeyForm(): unknown {
    const secret = this.newKeyKind === 'secret';
    return html`<form class="new-key-form" novalidate @submit=${this.#createKey}>
      <fieldset>
        <legend>${this.a('settingsKeyKind')}</legend>
        <label class="option"><input type="radio" name="kind" value="publishable" .checked=${!secret} @change=${() => (this.newKeyKind = 'publishable')} /> ${this.a('settingsKeyPublishable')}</label>
        <label class="option"><input type="radio" name="kind" value="secret" .checked=${secret} @change=${() => (this.newKeyKind = 'secret')} /> ${this.a('settingsKeySecret')}</label>
      </fieldset>
      ${this.#text('keys', 'name', this.a('settingsKeyName'), '')}
      ${secret
        ? html`<fieldset>
            <legend>${this.a('settingsKeyScopes')}</legend>
            ${KEY_SCOPES.map((scope) => html`<label class="option"><input type="checkbox" name="scopes" value=${scope} /> <code>${scope}</code></label>`)}
            ${this.#renderFieldError('keys', 'scopes')}
          </fieldset>`
        : html`<div class="field">
            <label for="key-origins">${this.a('settingsKeyOrigins')}</label>
            <textarea
              id="key-origins"
              name="origins"
              rows="2"
              aria-invalid=${this.#fieldError('keys', 'origins') ? 'true' : 'false'}
              aria-describedby=${this.#fieldError('keys', 'origins') ? 'origins-error' : nothing}
            ></textarea>
            ${this.#renderFieldError('keys', 'origins')}
          </div>`}
      <button class="button primary" type="submit" part="create-key" ?disabled=${this.busy !== undefined}>${this.a('settingsKeyCreate')}</button>
    </form>`;
  }

  #renderTestResult(): unknown {
    const result = this.testResult;
    if (!result) return nothing;
    if (!result.valid) return html`<p class="test-result refused" part="test-result">${this.a('settingsTestInvalid', { reason: result.reason ?? '' })}</p>`;
    const claims = result.claims;
    return html`<div class="test-result valid" part="test-result">
      <p>${this.a('settingsTestValid')}</p>
      ${claims
        ? html`<dl>
            <dt>sub</dt><dd>${claims.subject}</dd>
            <dt>name</dt><dd>${claims.name ?? '—'}</dd>
            <dt>email</dt><dd>${claims.email ?? '—'}</dd>
            <dt>team</dt><dd>${claims.team ?? '—'}</dd>
            <dt>roles</dt><dd>${claims.roles.join(', ') || '—'}</dd>
          </dl>
          <p>${claims.isAdmin ? this.a('settingsTestAdmin') : this.a('settingsTestNotAdmin')}</p>`
        : nothing}
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

  #form(event: SubmitEvent): HTMLFormElement {
    event.preventDefault();
    return event.target as HTMLFormElement;
  }

  #value(form: HTMLFormElement, name: string): string {
    const field = form.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null;
    return field?.value.trim() ?? '';
  }

  #savePoints = (event: SubmitEvent): void => {
    const form = this.#form(event);
    const numberOf = (name: string) => Number(this.#value(form, name));
    const change: ProgrammeSettingsUpdate = {
      pointsPerShare: numberOf('pointsPerShare'),
      pointsPerClick: numberOf('pointsPerClick'),
      sharePointsRule: this.#value(form, 'sharePointsRule') as ProgrammeSettingsUpdate['sharePointsRule'],
      dailySharePointsCap: numberOf('dailySharePointsCap'),
    };
    void this.#run('points', async (client) => void (await client.admin.settings.update(change)));
  };

  #saveEarnedMedia = (event: SubmitEvent): void => {
    const form = this.#form(event);
    // An empty cost is not 0: NaN is refused by the contract, next to its field, before anything is sent.
    const costOf = (name: string) => {
      const value = this.#value(form, name);
      return value === '' ? Number.NaN : Number(value);
    };
    const earnedMedia = { currency: this.#value(form, 'earnedMedia.currency').toUpperCase(), cpc: costOf('earnedMedia.cpc'), cpm: costOf('earnedMedia.cpm') };
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
    const form = this.#form(event);
    const current = this.resource.state.data?.settings.disclosure ?? {};
    const disclosure: Record<string, string | null> = {};
    for (const locale of Object.keys(current)) disclosure[locale] = this.#value(form, `disclosure.${locale}`) || null;
    const locale = this.#value(form, 'newLocale');
    const text = this.#value(form, 'newDisclosure');
    if (locale || text) disclosure[locale] = text;
    void this.#run('disclosure', async (client) => void (await client.admin.settings.update({ disclosure })));
  };

  #saveDomains = (event: SubmitEvent): void => {
    const allowedDomains = lines(this.#value(this.#form(event), 'allowedDomains'));
    void this.#run('domains', async (client) => void (await client.admin.settings.update({ allowedDomains })));
  };

  #addOrigin = (event: SubmitEvent): void => {
    const form = this.#form(event);
    const origin = this.#value(form, 'origin');
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

  #createKey = (event: SubmitEvent): void => {
    const form = this.#form(event);
    const name = this.#value(form, 'name');
    const body: NewApiKey =
      this.newKeyKind === 'secret'
        ? {
            kind: 'secret',
            ...(name ? { name } : {}),
            scopes: [...form.querySelectorAll<HTMLInputElement>('input[name="scopes"]:checked')].map((box) => box.value as KeyScope),
          }
        : { kind: 'publishable', ...(name ? { name } : {}), origins: lines(this.#value(form, 'origins')) };
    void (async () => {
      const done = await this.#run('keys', async (client) => {
        this.createdKey = await client.admin.keys.create(body);
        this.copied = false;
        return this.a('settingsKeyCreated');
      });
      if (!done) return;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('#new-key-value')?.focus();
    })();
  };

  async #copyKey(key: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(key);
      this.copied = true;
    } catch {
      // No clipboard (permissions, old browser): the field is selected for a manual copy.
      this.renderRoot.querySelector<HTMLInputElement>('#new-key-value')?.select();
    }
  }

  /** The key leaves memory and the page: it cannot be shown again. */
  async #forgetKey(): Promise<void> {
    this.createdKey = undefined;
    this.copied = false;
    this.notice = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="create-key"]')?.focus();
  }

  async #askRevoke(id: string | undefined, focusKey: string): Promise<void> {
    this.revoking = id;
    await this.updateComplete;
    const selector = id ? '[part~="revoke-confirm"]' : `[part~="revoke"][data-key="${CSS.escape(focusKey)}"]`;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  async #revoke(key: ApiKey): Promise<void> {
    const done = await this.#run('keys', async (client) => {
      await client.admin.keys.revoke(key.id);
      return this.a('settingsKeyRevoked', { prefix: key.prefix });
    });
    if (!done) return;
    this.revoking = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#section-keys')?.parentElement?.querySelector<HTMLElement>('[part~="revoke"], [part~="create-key"]')?.focus();
  }

  #identityFrom(form: HTMLFormElement): IdentityUpdate {
    return {
      issuer: this.#value(form, 'issuer'),
      audience: this.#value(form, 'audience'),
      jwksUrl: this.#value(form, 'jwksUrl'),
      adminRole: this.#value(form, 'adminRole'),
    };
  }

  #saveIdentity = (event: SubmitEvent): void => {
    const identity = this.#identityFrom(this.#form(event));
    void this.#run('identity', async (client) => void (await client.admin.identity.update(identity)));
  };

  #testToken = (event: SubmitEvent): void => {
    const token = this.#value(this.#form(event), 'token');
    const edited = this.renderRoot.querySelector<HTMLFormElement>('#identity-form');
    this.testResult = undefined;
    void this.#run(
      'test',
      async (client) => {
        const settings = edited ? this.#identityFrom(edited) : undefined;
        // The edited settings are sent only when complete; otherwise the saved ones are used.
        const complete = settings && Object.values(settings).every(Boolean);
        this.testResult = await client.admin.identity.test({ token, ...(complete ? { settings } : {}) });
        return this.testResult.valid ? this.a('settingsTestValid') : this.a('settingsTestInvalid', { reason: this.testResult.reason ?? '' });
      },
      { reload: false },
    );
  };

  #toggleAudit = (event: Event): void => {
    if ((event.target as HTMLDetailsElement).open && !this.audit) void this.#loadAudit();
  };

  async #loadAudit(cursor?: string): Promise<void> {
    const client = this.client;
    if (!client) return;
    this.auditFailed = undefined;
    try {
      const page = await client.admin.audit.list(cursor ? { cursor } : {});
      this.audit = { items: [...(cursor ? (this.audit?.items ?? []) : []), ...page.items], nextCursor: page.nextCursor };
    } catch (error) {
      this.auditFailed = error;
      this.actionFailed(error);
    }
  }
}
