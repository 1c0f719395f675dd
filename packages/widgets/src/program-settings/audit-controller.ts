import { html, nothing } from 'lit';
import type { AuditLogEntry } from '@advocacy/sdk';
import { errorDetail } from '../base/error-message.js';
import type { SettingsFormHost } from './settings-form.js';

/**
 * "Who changed what" in <adv-program-settings>: a disclosure that asks
 * `GET /v1/admin/audit` when first opened, then older pages on demand.
 */
export class AuditController {
  readonly #host: SettingsFormHost;
  #audit: { items: AuditLogEntry[]; nextCursor: string | null } | undefined;
  #failed: unknown;

  constructor(host: SettingsFormHost) {
    this.#host = host;
  }

  render(): unknown {
    const host = this.#host;
    const audit = this.#audit;
    let body: unknown;
    if (this.#failed) body = html`<p class="field-error" role="alert">${host.a('settingsAuditFailed')} ${errorDetail(this.#failed)}</p>`;
    else if (audit && audit.items.length === 0) body = html`<p class="muted">${host.a('settingsAuditEmpty')}</p>`;
    else if (audit) {
      body = html`<ol class="audit-list">
          ${audit.items.map(
            (entry) => html`<li>
              <time datetime=${entry.at}>${host.date(entry.at, { dateStyle: 'medium', timeStyle: 'short' })}</time>: <strong>${entry.actor}</strong>
              <code>${entry.action}</code>
            </li>`,
          )}
        </ol>
        ${audit.nextCursor
          ? html`<button class="button" type="button" part="audit-more" @click=${() => void this.#load(audit.nextCursor!)}>${host.a('settingsAuditMore')}</button>`
          : nothing}`;
    } else body = html`<p class="muted" role="status">${host.loadingText()}</p>`;
    return html`<details class="section" part="section audit" @toggle=${this.#toggle}>
      <summary>${host.a('settingsAudit')}</summary>
      ${body}
    </details>`;
  }

  #toggle = (event: Event): void => {
    if ((event.target as HTMLDetailsElement).open && !this.#audit) void this.#load();
  };

  async #load(cursor?: string): Promise<void> {
    const host = this.#host;
    const client = host.client;
    if (!client) return;
    this.#failed = undefined;
    host.requestUpdate();
    try {
      const page = await client.admin.audit.list(cursor ? { cursor } : {});
      this.#audit = { items: [...(cursor ? (this.#audit?.items ?? []) : []), ...page.items], nextCursor: page.nextCursor };
    } catch (error) {
      this.#failed = error;
      host.failed(error);
    }
    host.requestUpdate();
  }
}
