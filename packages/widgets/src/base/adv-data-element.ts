import { consume } from '@lit/context';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { AdvClient, AdvError, ResourceState, ResourceStore } from '@advocacy/sdk';
import { clientContext } from '../context.js';
import { AdvErrorEvent, AdvLoadEvent } from '../events.js';
import type { MessageKey } from '../translations/en.js';
import { AdvElement } from './adv-element.js';
import { errorMessageKey } from './error-message.js';
import { LocalizeController } from './localize.js';
import { ResourceController } from './resource-controller.js';
import { sharedStyles } from './shared.styles.js';

/**
 * Base of every widget that shows data from the API. It gets the client
 * from `<adv-provider>` or `configure()`, keeps one resource store for the
 * widget's key attributes, and renders the four states:
 *
 * - loading: `renderLoading()` (a skeleton) with `aria-busy="true"`;
 * - error: `renderError()` (`role="alert"`, a retry button) and `adv-error`;
 * - empty: `renderEmpty()` (slot `empty`) and `adv-load { empty: true }`;
 * - ready: `renderReady(data)` and `adv-load { empty: false }`.
 *
 * A refresh keeps the previous data on screen (busy, then updated); a failed
 * refresh keeps it too, under a notice with a retry button.
 */
export abstract class AdvDataElement<T> extends AdvElement {
  static override styles = [AdvElement.styles, sharedStyles];

  /** Language of this widget; without it, the nearest `lang` in the page, then the provider's locale. */
  @property({ reflect: true }) locale: string | undefined;

  @consume({ context: clientContext, subscribe: true })
  @state()
  protected client: AdvClient | undefined;

  protected readonly l = new LocalizeController(this, () => this.client?.options.locale);
  protected readonly resource = new ResourceController<T>(this);

  #storeClient: AdvClient | undefined;
  #storeKey: string | undefined;
  #announced: ResourceState<T>['status'] = 'idle';

  /** The store for the current client and key attributes. */
  protected abstract createStore(client: AdvClient): ResourceStore<T>;

  /** The attributes that select the data; a change builds a new store (compared as JSON). */
  protected abstract storeKey(): unknown;

  /** Whether loaded data means "nothing to show" (the empty state). */
  protected isEmpty(_data: T): boolean {
    return false;
  }

  /** The message the empty state shows when the page gives no `empty` slot. */
  protected emptyMessage: MessageKey = 'empty';

  /** Loads the data again, keeping what is on screen until it arrives. */
  refresh(): Promise<void> {
    return this.resource.refresh();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const key = JSON.stringify(this.storeKey() ?? null);
    if (this.client === this.#storeClient && key === this.#storeKey) return;
    this.#storeClient = this.client;
    this.#storeKey = key;
    this.resource.setStore(this.client ? this.createStore(this.client) : undefined);
  }

  protected override render(): TemplateResult {
    const { status, data, error } = this.resource.state;
    const busy = status === 'idle' || status === 'loading';
    return html`<div part="base" class="base" dir=${this.l.dir} lang=${this.l.locale} aria-busy=${busy ? 'true' : 'false'}>
      ${this.renderState(this.resource.state)}
      ${status === 'error' && data !== undefined && error ? this.renderStaleNotice(error) : nothing}
    </div>`;
  }

  /** Chooses the region for a state; override the regions, not this. */
  protected renderState(current: ResourceState<T>): unknown {
    if (current.data !== undefined) {
      return this.isEmpty(current.data) ? this.renderEmpty() : this.renderReady(current.data);
    }
    if (current.status === 'error' && current.error) return this.renderError(current.error);
    return this.renderLoading();
  }

  protected renderLoading(): unknown {
    return html`<div class="skeleton" part="skeleton">
      <span class="visually-hidden">${this.l.t('loading')}</span>
      <div class="skeleton-line"></div>
      <div class="skeleton-line"></div>
      <div class="skeleton-line"></div>
    </div>`;
  }

  protected renderEmpty(): unknown {
    return html`<div class="state empty" part="empty"><slot name="empty"><p>${this.l.t(this.emptyMessage)}</p></slot></div>`;
  }

  protected renderError(error: AdvError): unknown {
    return html`<div class="state error" part="error" role="alert">
      <slot name="error">
        <p class="error-title">${this.l.t('errorTitle')}</p>
        ${errorMessageKey(error) === 'errorTitle' ? nothing : html`<p>${this.l.t(errorMessageKey(error))}</p>`}
      </slot>
      <button class="button" part="retry" type="button" @click=${this.#retry}>${this.l.t('retry')}</button>
    </div>`;
  }

  protected abstract renderReady(data: T): unknown;

  /** Shown above data kept after a refresh failed. */
  protected renderStaleNotice(_error: AdvError): unknown {
    return html`<div class="stale" part="stale" role="alert">
      <span>${this.l.t('errorStale')}</span>
      <button class="button" part="retry" type="button" @click=${this.#retry}>${this.l.t('retry')}</button>
    </div>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const { status, data, error } = this.resource.state;
    if (status === this.#announced) return;
    this.#announced = status;
    if (status === 'ready' && data !== undefined) this.emit(new AdvLoadEvent({ empty: this.isEmpty(data) }));
    if (status === 'error' && error) this.emit(new AdvErrorEvent({ error }));
  }

  #retry = (): void => {
    void this.refresh();
  };
}
