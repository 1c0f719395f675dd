import { html, nothing } from 'lit';
import type { ApiKey, CreatedApiKey, KeyScope, NewApiKey } from '@advocacy/sdk';
import { formOf, lines, valueOf, type SettingsFormHost } from './settings-form.js';

// Not the contract's KEY_SCOPES: its module builds zod schemas, which the admin bundle would then carry.
const SCOPES: Readonly<Record<KeyScope, true>> = {
  'testimonials:read': true,
  'stats:read': true,
  'content:write': true,
  'testimonials:moderate': true,
  'settings:write': true,
  admin: true,
};
const KEY_SCOPES = Object.keys(SCOPES) as readonly KeyScope[];

/**
 * The API keys of <adv-program-settings>: the list, a publishable key (with
 * its origins) or a secret one (with its scopes) created and shown once in a
 * copyable field until "I have copied it", and a revocation only after a
 * confirmation. Moves focus after each step, for keyboard users.
 */
export class ApiKeysController {
  readonly #host: SettingsFormHost;
  /** The key just created: its whole value is shown this once, until "I have copied it". */
  #created: CreatedApiKey | undefined;
  #copied = false;
  #kind: 'publishable' | 'secret' = 'publishable';
  #revoking: string | undefined;

  constructor(host: SettingsFormHost) {
    this.#host = host;
  }

  render(keys: readonly ApiKey[]): unknown {
    const host = this.#host;
    const created = this.#created;
    return html`${keys.length
        ? html`<ul class="rows keys">
            ${keys.map((key) => this.#renderKey(key))}
          </ul>`
        : html`<p class="muted">${host.a('settingsKeysNone')}</p>`}
      ${created?.key
        ? html`<div class="new-key" part="new-key" role="group" aria-labelledby="new-key-warning">
            <p class="warning" id="new-key-warning">${host.a('settingsKeyCreated')}</p>
            <label for="new-key-value">${host.a('settingsKeyCreatedLabel')}</label>
            <div class="inline">
              <input id="new-key-value" type="text" readonly .value=${created.key} @focus=${(event: FocusEvent) => (event.target as HTMLInputElement).select()} />
              <button class="button" type="button" part="copy-key" @click=${() => void this.#copy(created.key!)}>${host.a('settingsKeyCopy')}</button>
              <span role="status">${this.#copied ? host.a('settingsKeyCopied') : ''}</span>
            </div>
            <button class="button primary" type="button" part="key-done" @click=${() => void this.#forget()}>${host.a('settingsKeyDone')}</button>
          </div>`
        : this.#renderNewKeyForm()}`;
  }

  #renderKey(key: ApiKey): unknown {
    const host = this.#host;
    const date = (value: string) => host.date(value, { dateStyle: 'medium' });
    const details = key.kind === 'secret' ? key.scopes.join(', ') : key.origins.join(', ');
    return html`<li class=${key.revokedAt ? 'revoked' : ''}>
      <div>
        <code>${key.prefix}…</code> <strong>${key.name}</strong>
        <span class="muted">${key.kind} · ${details} · ${host.a('settingsKeyCreatedOn', { date: date(key.createdAt) })}
          ${key.revokedAt ? html` · ${host.a('settingsKeyRevokedOn', { date: date(key.revokedAt) })}` : nothing}</span>
      </div>
      ${key.revokedAt
        ? nothing
        : this.#revoking === key.id
          ? html`<div class="confirm" role="group" aria-labelledby="revoke-ask-${key.id}">
              <p id="revoke-ask-${key.id}">${host.a('settingsKeyRevokeAsk', { prefix: key.prefix })}</p>
              <button class="button danger" type="button" part="revoke-confirm" ?disabled=${host.busySection !== undefined} @click=${() => void this.#revoke(key)}>
                ${host.a('settingsKeyRevokeConfirm')}
              </button>
              <button class="button" type="button" part="revoke-cancel" @click=${() => void this.#askRevoke(undefined, key.id)}>${host.a('adminCancel')}</button>
            </div>`
          : html`<button class="button" type="button" part="revoke" data-key=${key.id} aria-label="${host.a('settingsKeyRevoke')} ${key.prefix}…" @click=${() => void this.#askRevoke(key.id, key.id)}>
              ${host.a('settingsKeyRevoke')}
            </button>`}
    </li>`;
  }

  #renderNewKeyForm(): unknown {
    const host = this.#host;
    const secret = this.#kind === 'secret';
    const originsError = host.fieldError('keys', 'origins');
    return html`<form class="new-key-form" novalidate @submit=${this.#create}>
      <fieldset>
        <legend>${host.a('settingsKeyKind')}</legend>
        <label class="option"><input type="radio" name="kind" value="publishable" .checked=${!secret} @change=${() => this.#setKind('publishable')} /> ${host.a('settingsKeyPublishable')}</label>
        <label class="option"><input type="radio" name="kind" value="secret" .checked=${secret} @change=${() => this.#setKind('secret')} /> ${host.a('settingsKeySecret')}</label>
      </fieldset>
      ${host.renderText('keys', 'name', host.a('settingsKeyName'), '')}
      ${secret
        ? html`<fieldset>
            <legend>${host.a('settingsKeyScopes')}</legend>
            ${KEY_SCOPES.map((scope) => html`<label class="option"><input type="checkbox" name="scopes" value=${scope} /> <code>${scope}</code></label>`)}
            ${host.renderFieldError('keys', 'scopes')}
          </fieldset>`
        : html`<div class="field">
            <label for="key-origins">${host.a('settingsKeyOrigins')}</label>
            <textarea
              id="key-origins"
              name="origins"
              rows="2"
              aria-invalid=${originsError ? 'true' : 'false'}
              aria-describedby=${originsError ? 'origins-error' : nothing}
            ></textarea>
            ${host.renderFieldError('keys', 'origins')}
          </div>`}
      <button class="button primary" type="submit" part="create-key" ?disabled=${host.busySection !== undefined}>${host.a('settingsKeyCreate')}</button>
    </form>`;
  }

  #setKind(kind: 'publishable' | 'secret'): void {
    this.#kind = kind;
    this.#host.requestUpdate();
  }

  #create = (event: SubmitEvent): void => {
    const host = this.#host;
    const form = formOf(event);
    const name = valueOf(form, 'name');
    const body: NewApiKey =
      this.#kind === 'secret'
        ? {
            kind: 'secret',
            ...(name ? { name } : {}),
            scopes: [...form.querySelectorAll<HTMLInputElement>('input[name="scopes"]:checked')].map((box) => box.value as KeyScope),
          }
        : { kind: 'publishable', ...(name ? { name } : {}), origins: lines(valueOf(form, 'origins')) };
    void (async () => {
      const done = await host.run('keys', async (client) => {
        this.#created = await client.admin.keys.create(body);
        this.#copied = false;
        host.requestUpdate();
        return host.a('settingsKeyCreated');
      });
      if (!done) return;
      await host.updateComplete;
      host.renderRoot.querySelector<HTMLInputElement>('#new-key-value')?.focus();
    })();
  };

  async #copy(key: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(key);
      this.#copied = true;
      this.#host.requestUpdate();
    } catch {
      // No clipboard (permissions, old browser): the field is selected for a manual copy.
      this.#host.renderRoot.querySelector<HTMLInputElement>('#new-key-value')?.select();
    }
  }

  /** The key leaves memory and the page: it cannot be shown again. */
  async #forget(): Promise<void> {
    const host = this.#host;
    this.#created = undefined;
    this.#copied = false;
    host.clearNotice();
    host.requestUpdate();
    await host.updateComplete;
    host.renderRoot.querySelector<HTMLElement>('[part~="create-key"]')?.focus();
  }

  async #askRevoke(id: string | undefined, focusKey: string): Promise<void> {
    const host = this.#host;
    this.#revoking = id;
    host.requestUpdate();
    await host.updateComplete;
    const selector = id ? '[part~="revoke-confirm"]' : `[part~="revoke"][data-key="${CSS.escape(focusKey)}"]`;
    host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  async #revoke(key: ApiKey): Promise<void> {
    const host = this.#host;
    const done = await host.run('keys', async (client) => {
      await client.admin.keys.revoke(key.id);
      return host.a('settingsKeyRevoked', { prefix: key.prefix });
    });
    if (!done) return;
    this.#revoking = undefined;
    host.requestUpdate();
    await host.updateComplete;
    host.renderRoot.querySelector<HTMLElement>('#section-keys')?.parentElement?.querySelector<HTMLElement>('[part~="revoke"], [part~="create-key"]')?.focus();
  }
}
