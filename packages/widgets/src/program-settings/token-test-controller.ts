import { html, nothing } from 'lit';
import type { IdentityTestResult, IdentityUpdate } from '@advocacy/sdk';
import { formOf, valueOf, type SettingsFormHost } from './settings-form.js';

/** The identity provider settings as typed in the identity form. */
export function identityFrom(form: HTMLFormElement): IdentityUpdate {
  return {
    issuer: valueOf(form, 'issuer'),
    audience: valueOf(form, 'audience'),
    jwksUrl: valueOf(form, 'jwksUrl'),
    adminRole: valueOf(form, 'adminRole'),
  };
}

/**
 * "Test a token" in <adv-program-settings>: a pasted employee token checked
 * against the identity settings as edited in `#identity-form` (when complete;
 * the saved ones otherwise), without saving them, and what the check found.
 */
export class TokenTestController {
  readonly #host: SettingsFormHost;
  #result: IdentityTestResult | undefined;

  constructor(host: SettingsFormHost) {
    this.#host = host;
  }

  render(): unknown {
    const host = this.#host;
    return html`<form class="test" novalidate @submit=${this.#test}>
      <div class="field">
        <label for="token">${host.a('settingsTestToken')}</label>
        <p class="muted" id="token-help">${host.a('settingsTestTokenHelp')}</p>
        <textarea id="token" name="token" rows="3" spellcheck="false" autocomplete="off" aria-describedby="token-help"></textarea>
        ${host.renderFieldError('test', 'token')}
      </div>
      <button class="button" type="submit" part="test-token" ?disabled=${host.busySection !== undefined}>${host.a('settingsTestTokenRun')}</button>
      ${this.#renderResult()}
    </form>`;
  }

  #renderResult(): unknown {
    const host = this.#host;
    const result = this.#result;
    if (!result) return nothing;
    if (!result.valid) return html`<p class="test-result refused" part="test-result">${host.a('settingsTestInvalid', { reason: result.reason ?? '' })}</p>`;
    const claims = result.claims;
    return html`<div class="test-result valid" part="test-result">
      <p>${host.a('settingsTestValid')}</p>
      ${claims
        ? html`<dl>
            <dt>sub</dt><dd>${claims.subject}</dd>
            <dt>name</dt><dd>${claims.name ?? '—'}</dd>
            <dt>email</dt><dd>${claims.email ?? '—'}</dd>
            <dt>team</dt><dd>${claims.team ?? '—'}</dd>
            <dt>roles</dt><dd>${claims.roles.join(', ') || '—'}</dd>
          </dl>
          <p>${claims.isAdmin ? host.a('settingsTestAdmin') : host.a('settingsTestNotAdmin')}</p>`
        : nothing}
    </div>`;
  }

  #test = (event: SubmitEvent): void => {
    const host = this.#host;
    const token = valueOf(formOf(event), 'token');
    const edited = host.renderRoot.querySelector<HTMLFormElement>('#identity-form');
    this.#result = undefined;
    host.requestUpdate();
    void host.run(
      'test',
      async (client) => {
        const settings = edited ? identityFrom(edited) : undefined;
        // The edited settings are sent only when complete; otherwise the saved ones are used.
        const complete = settings && Object.values(settings).every(Boolean);
        const result = await client.admin.identity.test({ token, ...(complete ? { settings } : {}) });
        this.#result = result;
        host.requestUpdate();
        return result.valid ? host.a('settingsTestValid') : host.a('settingsTestInvalid', { reason: result.reason ?? '' });
      },
      { reload: false },
    );
  };
}
