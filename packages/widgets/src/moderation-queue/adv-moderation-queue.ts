import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  createResourceStore,
  type AdvClient,
  type AuditEntry,
  type ModerationTestimonial,
  type ResourceStore,
  type TestimonialStatus,
} from '@advocacy/sdk';
import { AdvAdminElement } from '../base/adv-admin-element.js';
import { adminStyles } from '../base/admin.styles.js';
import { errorDetail } from '../base/error-message.js';
import type { AdminMessageKey } from '../translations/admin.js';
import { styles } from './adv-moderation-queue.styles.js';

export interface ModerationPage {
  items: ModerationTestimonial[];
  nextCursor: string | null;
}

type Audit = { status: 'loading' } | { status: 'ready'; items: AuditEntry[] } | { status: 'error'; error: unknown };

const PAGE_SIZE = 50;

// Not the contract's TESTIMONIAL_STATUSES: its module builds zod schemas, which the admin bundle would then carry.
// The record makes the type-check fail when a status is added to the contract and not here.
const STATUS_ORDER: Readonly<Record<TestimonialStatus, number>> = { pending: 0, approved: 1, rejected: 2, withdrawn: 3 };
const TESTIMONIAL_STATUSES = Object.keys(STATUS_ORDER) as readonly TestimonialStatus[];

const validStatus = (value: string): TestimonialStatus =>
  (TESTIMONIAL_STATUSES as readonly string[]).includes(value) ? (value as TestimonialStatus) : 'pending';

/**
 * The moderation queue: testimonials waiting for an admin (pending first),
 * with their author, the consent they gave and when; approve, reject with a
 * reason the author sees, approve several at once, and each one's audit trail.
 * Withdrawn testimonials show as withdrawn and cannot be approved. Needs the
 * programme admin role (see `AdvAdminElement`).
 * @tagname adv-moderation-queue
 * @summary Moderation of employee testimonials, for programme admins.
 * @slot empty - Shown when no testimonial has the chosen status.
 * @slot error - Replaces the default error message.
 * @slot admin-required - Replaces the message shown to a signed-in employee who is not a programme admin.
 * @csspart base - The outer box.
 * @csspart statuses - The status switcher (pending, approved, rejected, withdrawn).
 * @csspart bulk - "Select all" and "Approve selected".
 * @csspart item - One testimonial.
 * @csspart quote - Its text.
 * @csspart approve - Its approve button.
 * @csspart reject - Its reject button.
 * @csspart reject-form - The reason form that rejecting opens.
 * @csspart audit - Its audit trail (a disclosure).
 * @csspart notice - The live region that says what the last action did.
 * @csspart admin-required - The "needs the programme admin role" state.
 * @csspart retry - The retry button of the error state.
 * @cssproperty --adv-moderation-queue-gap - Space between testimonials.
 * @event adv-load - The queue arrived (detail.empty when no testimonial has the status).
 * @event adv-error - Loading or an action failed (detail.error).
 */
export class AdvModerationQueue extends AdvAdminElement<ModerationPage> {
  static override styles = [AdvAdminElement.styles, adminStyles, styles];

  /** Which testimonials to show: `pending` (default), `approved`, `rejected` or `withdrawn`. */
  @property({ reflect: true }) status: TestimonialStatus = 'pending';

  /** Level of the widget's heading, to fit the page's outline (each testimonial's is one below). */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  @state() private selected: ReadonlySet<string> = new Set();
  @state() private rejecting: string | undefined;
  @state() private reasonMissing = false;
  @state() private busy = false;
  @state() private notice = '';
  @state() private failure: unknown;
  @state() private more: ModerationTestimonial[] = [];
  @state() private cursor: string | null | undefined;
  @state() private audits: ReadonlyMap<string, Audit> = new Map();

  protected createAdminStore(client: AdvClient): ResourceStore<ModerationPage> {
    const status = validStatus(this.status);
    return createResourceStore((signal) => client.admin.testimonials.queue({ status, limit: PAGE_SIZE }, { signal }));
  }

  protected adminStoreKey(): unknown {
    return validStatus(this.status);
  }

  protected override isEmpty(data: ModerationPage): boolean {
    return data.items.length === 0;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('status')) {
      this.selected = new Set();
      this.rejecting = undefined;
      this.more = [];
      this.cursor = undefined;
    }
    super.willUpdate(changed);
  }

  protected override renderEmpty(data?: ModerationPage): unknown {
    return html`${this.#renderHeader([])}${super.renderEmpty(data)}${this.#renderNotice()}`;
  }

  protected override renderEmptyMessage(): unknown {
    return html`<p>${this.a(`moderationEmpty_${validStatus(this.status)}`)}</p>`;
  }

  protected renderReady(data: ModerationPage): unknown {
    const items = [...data.items, ...this.more];
    const cursor = this.cursor === undefined ? data.nextCursor : this.cursor;
    return html`${this.#renderHeader(items)}
      <ul class="items">
        ${items.map((item) => this.renderItem(item))}
      </ul>
      ${cursor ? html`<button class="button" type="button" part="more" @click=${() => void this.#loadMore(cursor)}>${this.a('moderationMore')}</button>` : nothing}
      ${this.#renderNotice()}`;
  }

  /** One testimonial: author, consent, text, then what may be done with it. */
  protected renderItem(item: ModerationTestimonial): unknown {
    const name = item.author.displayName;
    const when = (value: string) => this.l.date(value, { dateStyle: 'medium', timeStyle: 'short' });
    const pending = item.status === 'pending';
    return html`<li class="item ${item.status}" part="item" data-id=${item.id} aria-labelledby="author-${item.id}">
      <div class="item-head">
        ${pending
          ? html`<input
              type="checkbox"
              part="select"
              .checked=${this.selected.has(item.id)}
              aria-label=${this.a('moderationSelect', { name })}
              @change=${(event: Event) => this.#select(item.id, (event.target as HTMLInputElement).checked)}
            />`
          : nothing}
        <div>
          <div class="author" id="author-${item.id}" role="heading" aria-level=${this.headingLevel + 1}>${name}</div>
          <p class="meta">
            ${name === item.authorName ? nothing : html`<span>${this.a('moderationSubmittedAs', { name: item.authorName })} · </span>`}
            <span>${[item.role, item.team, item.location].filter(Boolean).join(' · ')}</span>
          </p>
        </div>
      </div>
      <blockquote part="quote" lang=${item.locale || nothing}>${item.quote}</blockquote>
      <p class="meta">
        ${this.a('moderationSubmitted', { date: when(item.createdAt) })} ·
        ${this.a('moderationConsent', { version: item.consent.version, date: when(item.consent.acceptedAt) })}
      </p>
      ${this.#renderOutcome(item, when)}
      ${pending ? this.#renderActions(item) : nothing}
      ${this.#renderAudit(item)}
    </li>`;
  }

  #renderHeader(items: readonly ModerationTestimonial[]): unknown {
    const current = validStatus(this.status);
    const pending = items.filter((item) => item.status === 'pending');
    const all = pending.length > 0 && pending.every((item) => this.selected.has(item.id));
    return html`<div class="title" id="title" role="heading" aria-level=${this.headingLevel} tabindex="-1">${this.a('moderationTitle')}</div>
      <fieldset class="statuses" part="statuses">
        <legend>${this.a('moderationStatusLabel')}</legend>
        ${TESTIMONIAL_STATUSES.map(
          (status) =>
            html`<label class="status-option">
              <input type="radio" name="status" value=${status} .checked=${status === current} @change=${() => (this.status = status)} />
              ${this.a(`moderationStatus_${status}`)}
            </label>`,
        )}
      </fieldset>
      ${pending.length > 0
        ? html`<div class="bulk" part="bulk">
            <label><input type="checkbox" part="select-all" .checked=${all} @change=${(event: Event) => this.#selectAll(pending, (event.target as HTMLInputElement).checked)} />
              ${this.a('moderationSelectAll')}</label>
            <button
              class="button primary"
              type="button"
              part="approve-selected"
              ?disabled=${this.selected.size === 0 || this.busy}
              @click=${() => void this.#approveSelected()}
            >
              ${this.a('moderationApproveSelected', { count: this.selected.size })}
            </button>
          </div>`
        : nothing}`;
  }

  #renderOutcome(item: ModerationTestimonial, when: (value: string) => string): unknown {
    if (item.status === 'withdrawn') {
      return html`<p class="outcome withdrawn" part="withdrawn">${this.a('moderationWithdrawnOn', { date: when(item.withdrawnAt ?? item.createdAt) })}</p>`;
    }
    if (item.status === 'approved' && item.moderatedAt) return html`<p class="outcome">${this.a('moderationApprovedOn', { date: when(item.moderatedAt) })}</p>`;
    if (item.status === 'rejected') {
      return html`<p class="outcome">
        ${item.moderatedAt ? this.a('moderationRejectedOn', { date: when(item.moderatedAt) }) : nothing}
        ${item.rejectionReason ? html`<br />${this.a('moderationReasonShown', { reason: item.rejectionReason })}` : nothing}
      </p>`;
    }
    return nothing;
  }

  #renderActions(item: ModerationTestimonial): unknown {
    if (this.rejecting === item.id) {
      return html`<form class="reject-form" part="reject-form" novalidate @submit=${(event: SubmitEvent) => this.#reject(event, item)}>
        <label for="reason-${item.id}">${this.a('moderationRejectReason')}</label>
        <textarea
          id="reason-${item.id}"
          name="reason"
          required
          maxlength="500"
          rows="3"
          aria-invalid=${this.reasonMissing ? 'true' : 'false'}
          aria-describedby=${this.reasonMissing ? `reason-error-${item.id}` : nothing}
          @input=${() => (this.reasonMissing = false)}
        ></textarea>
        ${this.reasonMissing ? html`<p class="field-error" id="reason-error-${item.id}">${this.a('moderationRejectReasonMissing')}</p>` : nothing}
        <div class="actions">
          <button class="button danger" type="submit" part="reject-confirm" ?disabled=${this.busy}>${this.a('moderationRejectConfirm')}</button>
          <button class="button" type="button" part="reject-cancel" @click=${() => void this.#closeReject(item.id)}>${this.a('adminCancel')}</button>
        </div>
      </form>`;
    }
    return html`<div class="actions">
      <button class="button primary" type="button" part="approve" ?disabled=${this.busy} aria-describedby="author-${item.id}" @click=${() => void this.#approve(item)}>
        ${this.a('moderationApprove')}
      </button>
      <button class="button" type="button" part="reject" ?disabled=${this.busy} aria-describedby="author-${item.id}" @click=${() => void this.#openReject(item.id)}>
        ${this.a('moderationReject')}
      </button>
    </div>`;
  }

  #renderAudit(item: ModerationTestimonial): unknown {
    const audit = this.audits.get(item.id);
    let body: unknown = nothing;
    if (audit?.status === 'loading') body = html`<p class="muted" role="status">${this.a('moderationAuditLoading')}</p>`;
    else if (audit?.status === 'error') body = html`<p class="field-error" role="alert">${this.a('moderationAuditFailed')}${errorDetail(audit.error)}</p>`;
    else if (audit?.status === 'ready') {
      body = audit.items.length
        ? html`<ol class="audit-list">
            ${audit.items.map((entry) => {
              const known = `moderationAction_${entry.action}`;
              const action = known in this.#actionKeys ? this.a(known as AdminMessageKey) : entry.action;
              const reason = typeof entry.detail['reason'] === 'string' ? entry.detail['reason'] : undefined;
              return html`<li>
                <time datetime=${entry.at}>${this.l.date(entry.at, { dateStyle: 'medium', timeStyle: 'short' })}</time>: ${entry.actor} ${action}${reason ? html` (“${reason}”)` : nothing}
              </li>`;
            })}
          </ol>`
        : html`<p class="muted">${this.a('moderationAuditEmpty')}</p>`;
    }
    return html`<details part="audit" @toggle=${(event: Event) => this.#toggleAudit(event, item.id)}>
      <summary>${this.a('moderationAudit')}</summary>
      ${body}
    </details>`;
  }

  #renderNotice(): unknown {
    return html`<p class="notice" part="notice" role="status">${this.notice}</p>
      ${this.failure ? html`<p class="field-error" part="action-error" role="alert">${this.a('adminActionFailed')} ${errorDetail(this.failure)}</p>` : nothing}`;
  }

  // The audit actions this widget has words for (any other is shown as the API names it).
  readonly #actionKeys: Readonly<Record<string, true>> = {
    'moderationAction_testimonial.submitted': true,
    'moderationAction_testimonial.approved': true,
    'moderationAction_testimonial.rejected': true,
    'moderationAction_testimonial.withdrawn': true,
  };

  #select(id: string, on: boolean): void {
    const next = new Set(this.selected);
    if (on) next.add(id);
    else next.delete(id);
    this.selected = next;
  }

  #selectAll(items: readonly ModerationTestimonial[], on: boolean): void {
    this.selected = on ? new Set(items.map((item) => item.id)) : new Set();
  }

  async #openReject(id: string): Promise<void> {
    this.rejecting = id;
    this.reasonMissing = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLTextAreaElement>(`#reason-${CSS.escape(id)}`)?.focus();
  }

  async #closeReject(id: string): Promise<void> {
    this.rejecting = undefined;
    await this.updateComplete;
    this.#itemElement(id)?.querySelector<HTMLElement>('[part~="reject"]')?.focus();
  }

  async #approve(item: ModerationTestimonial): Promise<void> {
    await this.#act(item.id, async (client) => {
      await client.admin.testimonials.approve(item.id);
      return this.a('moderationApproved', { name: item.author.displayName });
    });
  }

  async #reject(event: SubmitEvent, item: ModerationTestimonial): Promise<void> {
    event.preventDefault();
    const field = (event.target as HTMLFormElement).elements.namedItem('reason') as HTMLTextAreaElement;
    const reason = field.value.trim();
    if (!reason) {
      this.reasonMissing = true;
      field.focus();
      return;
    }
    await this.#act(item.id, async (client) => {
      await client.admin.testimonials.reject(item.id, reason);
      this.rejecting = undefined;
      return this.a('moderationRejected', { name: item.author.displayName });
    });
  }

  async #approveSelected(): Promise<void> {
    const ids = [...this.selected];
    const first = ids[0];
    if (first === undefined) return;
    await this.#act(first, async (client) => {
      const { items } = await client.admin.testimonials.approveMany(ids);
      const approved = items.filter((result) => result.outcome === 'approved' || result.outcome === 'unchanged').length;
      const skipped = items.length - approved;
      this.selected = new Set();
      const done = this.aPlural(approved, 'moderationBulkApproved');
      return skipped ? `${done} ${this.a('moderationBulkSkipped', { count: skipped })}` : done;
    });
  }

  /**
   * Runs an action, says what it did in the live region, loads the list
   * again and puts focus where the acted-on testimonial was (the next one's
   * first control, else the heading), so a keyboard user carries on from there.
   */
  async #act(id: string, run: (client: AdvClient) => Promise<string>): Promise<void> {
    const client = this.client;
    if (!client || this.busy) return;
    const items = [...(this.resource.state.data?.items ?? []), ...this.more];
    const index = Math.max(0, items.findIndex((item) => item.id === id));
    this.busy = true;
    this.failure = undefined;
    this.notice = '';
    try {
      this.notice = await run(client);
    } catch (error) {
      this.failure = error;
      this.actionFailed(error);
      this.busy = false;
      return;
    }
    this.more = [];
    this.cursor = undefined;
    await this.refresh();
    this.busy = false;
    await this.updateComplete;
    const rows = [...this.renderRoot.querySelectorAll<HTMLElement>('[part~="item"]')];
    const next = rows[Math.min(index, rows.length - 1)];
    const target = next?.querySelector<HTMLElement>('[part~="approve"], [part~="select"], summary') ?? this.renderRoot.querySelector<HTMLElement>('#title');
    target?.focus();
  }

  async #loadMore(cursor: string): Promise<void> {
    const client = this.client;
    if (!client) return;
    try {
      const page = await client.admin.testimonials.queue({ status: validStatus(this.status), limit: PAGE_SIZE, cursor });
      this.more = [...this.more, ...page.items];
      this.cursor = page.nextCursor;
    } catch (error) {
      this.failure = error;
      this.actionFailed(error);
    }
  }

  async #toggleAudit(event: Event, id: string): Promise<void> {
    const client = this.client;
    const open = (event.target as HTMLDetailsElement).open;
    if (!open || !client || this.audits.get(id)?.status === 'ready') return;
    this.audits = new Map(this.audits).set(id, { status: 'loading' });
    let audit: Audit;
    try {
      audit = { status: 'ready', items: (await client.admin.testimonials.audit(id)).items };
    } catch (error) {
      audit = { status: 'error', error };
      this.actionFailed(error);
    }
    this.audits = new Map(this.audits).set(id, audit);
  }

  #itemElement(id: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`[part~="item"][data-id="${CSS.escape(id)}"]`);
  }
}
