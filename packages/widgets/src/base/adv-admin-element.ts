import { html, type PropertyValues, type TemplateResult } from 'lit';
import { AdvHttpError, AdvValidationError, createResourceStore, type AdvClient, type ResourceStore } from '@advocacy/sdk';
import { AdvErrorEvent } from '../events.js';
import type { AdminMessageKey, AdminPluralKey } from '../translations/admin.js';
import { AdvDataElement } from './adv-data-element.js';
import { AdminRoleController, isForbidden } from './admin-role-controller.js';
import { adminTranslations } from './admin-translations.js';
import { errorText } from './error-message.js';
import { fillMessage, pluralText, type MessageParams } from './localize.js';

/** A store that never asks anything: the admin widget's data while the role is not known to be admin. */
const waiting = <T>(): ResourceStore<T> => createResourceStore<T>(() => new Promise<T>(() => undefined));

/**
 * The API's field errors of a refused request (`problem.errors`), by field
 * without its `body.` / `query.` part (`pointsPerShare`, `disclosure.fr`),
 * to show next to each field. Empty for any other failure.
 */
export function fieldErrors(error: unknown): Readonly<Record<string, string>> {
  const errors: Record<string, string> = {};
  if (error instanceof AdvHttpError) {
    for (const { field, message } of error.problem.errors ?? []) errors[field.replace(/^(body|query|params)\./, '')] ??= message;
  }
  if (error instanceof AdvValidationError) {
    for (const issue of error.issues) errors[issue.path.slice(1).join('.')] ??= issue.message;
  }
  return errors;
}

/**
 * Base of the admin widgets (the programme console). On top of `AdvDataElement`:
 *
 * - it needs an employee token (signing-in state without `getToken`);
 * - before any `/v1/admin/*` request it asks `GET /v1/me` whether the
 *   signed-in employee is a programme admin (once per client, shared by every
 *   admin widget on the page). A non-admin gets `renderAdminRequired()`: one
 *   clear "this needs the programme admin role" state, and no admin request;
 * - an admin call refused with 403 later (the role taken away) shows the same state;
 * - `a()` translates the admin catalog (translations/admin.ts), which
 *   advocacy.js does not carry.
 *
 * Subclasses implement `createAdminStore()` and `adminStoreKey()` instead of
 * `createStore()` and `storeKey()`.
 */
export abstract class AdvAdminElement<T> extends AdvDataElement<T> {
  protected readonly adminRole = new AdminRoleController(this);

  constructor() {
    super();
    // The admin catalog of the widget's language is waited for too (loaded on demand, like the employee one).
    this.l.use(adminTranslations);
  }

  #announcedRoleError = false;

  /** The admin data for the current key attributes; called only once the caller is known to be an admin. */
  protected abstract createAdminStore(client: AdvClient): ResourceStore<T>;

  /** The attributes that select the admin data (compared as JSON). */
  protected abstract adminStoreKey(): unknown;

  protected override needsToken(): boolean {
    return true;
  }

  protected override storeKey(): unknown {
    return [this.adminRole.status === 'admin', this.adminStoreKey()];
  }

  protected override createStore(client: AdvClient): ResourceStore<T> {
    return this.adminRole.status === 'admin' ? this.createAdminStore(client) : waiting<T>();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Only a client that can sign the request is asked who its caller is (as AdvDataElement does for data).
    this.adminRole.setClient(this.client?.options.getToken ? this.client : undefined);
    super.willUpdate(changed);
  }

  /** Translates a key of the admin catalog in the widget's language (English when the language has none). */
  protected a(key: AdminMessageKey, params?: MessageParams): string {
    const locale = this.l.locale;
    return fillMessage(locale, adminTranslations.catalog(locale)[key], params);
  }

  /** A `{count}` message of the admin catalog in the form the language uses for `count` (every CLDR category). */
  protected aPlural(count: number, key: AdminPluralKey, params?: MessageParams): string {
    const locale = this.l.locale;
    return fillMessage(locale, pluralText(locale, adminTranslations.catalog(locale)[key], count), { count, ...params });
  }

  /**
   * After a failed action (approve, save, revoke…): emits `adv-error`, and
   * shows the admin-required state when the API says the role is gone.
   */
  protected actionFailed(error: unknown): void {
    if (isForbidden(error)) this.adminRole.lost();
    this.emit(new AdvErrorEvent({ error: error instanceof Error ? error : new Error(String(error)) }));
  }

  protected override render(): TemplateResult {
    const { status } = this.adminRole;
    if (status === 'not-admin') return this.#ownBase(this.renderAdminRequired());
    if (status === 'error' && this.adminRole.error) return this.#ownBase(this.#renderRoleError());
    if (status === 'checking') return this.#ownBase(this.renderLoading(), true);
    return super.render();
  }

  /** A 403 from the admin API (the role taken away meanwhile) is the admin-required state too. */
  protected override renderError(error: Parameters<AdvDataElement<T>['renderError']>[0]): unknown {
    return isForbidden(error) ? this.renderAdminRequired() : super.renderError(error);
  }

  /** The signed-in employee is not a programme admin: what this is and what to do, in one place. */
  protected renderAdminRequired(): unknown {
    return html`<div class="state" part="admin-required" role="status">
      <slot name="admin-required">
        <p class="error-title">${this.a('adminRequiredTitle')}</p>
        <p>${this.a('adminRequiredHelp')}</p>
      </slot>
    </div>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const failed = this.adminRole.status === 'error';
    if (failed && !this.#announcedRoleError && this.adminRole.error) this.emit(new AdvErrorEvent({ error: this.adminRole.error }));
    this.#announcedRoleError = failed;
  }

  #renderRoleError(): unknown {
    return html`<div class="state error" part="error" role="alert">
      <slot name="error">
        <p class="error-title">${this.l.t('errorTitle')}</p>
        ${errorText(this.l, this.adminRole.error!, this.client)}
      </slot>
      <button class="button" part="retry" type="button" @click=${() => this.adminRole.retry()}>${this.l.t('retry')}</button>
    </div>`;
  }

  #ownBase(content: unknown, busy = false): TemplateResult {
    return html`<div part="base" class="base" dir=${this.l.dir} lang=${this.l.locale} aria-busy=${busy ? 'true' : 'false'}>${content}</div>`;
  }
}
