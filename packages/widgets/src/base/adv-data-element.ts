import { consume } from '@lit/context';
import { adoptStyles, html, nothing, type LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { createResourceStore, type AdvClient, type AdvError, type ResourceState, type ResourceStore } from '@advocacy/sdk';
import { clientContext } from '../context.js';
import { AdvErrorEvent, AdvLoadEvent } from '../events.js';
import type { MessageKey } from '../translations/en.js';
import { AdvElement } from './adv-element.js';
import { errorDetail, errorText, warnOnce } from './error-message.js';
import { LocalizeController } from './localize.js';
import { ResourceController } from './resource-controller.js';
import { sharedStyles } from './shared.styles.js';

/**
 * Base of every widget that shows data from the API. It gets the client
 * from `<adv-provider>` or `configure()`, keeps one resource store for the
 * widget's key attributes, and renders the four states:
 *
 * - loading: `renderLoading()` (a skeleton) with `aria-busy="true"`;
 * - signing in: `renderSigningIn()` (`role="status"`, `aria-busy="true"`), when the
 *   widget needs an employee token (`needsToken()`) and its provider or
 *   `configure()` has no `getToken` yet: nothing is asked of the API until
 *   one arrives, then the widget loads;
 * - error: `renderError()` (`role="alert"`, the reason and the API's detail, a
 *   retry button) and `adv-error`; a failure only the page's set-up can fix
 *   (its origin refused, the API blocked or out of reach) is also one
 *   console warning per page load, naming the widget's tag;
 * - empty: `renderEmpty(data)` (slot `empty`, by default `renderEmptyMessage(data)`)
 *   and `adv-load { empty: true }`;
 * - ready: `renderReady(data)` and `adv-load { empty: false }`.
 *
 * A refresh keeps the previous data on screen (busy, then updated); a failed
 * refresh keeps it too, under a notice with a retry button.
 *
 * Server rendering and hydration: `initialData` (a property, or JSON in a
 * `<script type="application/json">` child, as `@advocacy/widgets/ssr`
 * writes it) is shown at once as the ready state for the key attributes it
 * came with, without a request and without a client; the API is asked only
 * when a key attribute changes or `refresh()` is called.
 */
export abstract class AdvDataElement<T> extends AdvElement {
  static override styles = [AdvElement.styles, sharedStyles];

  /** Language of this widget; without it, the nearest `lang` in the page, then the provider's locale. */
  @property({ reflect: true }) locale: string | undefined;

  @consume({ context: clientContext, subscribe: true })
  @state()
  protected client: AdvClient | undefined;

  /**
   * Data the page already has for the current key attributes (rendered on the
   * server): shown as the ready state without a request. Without it, a
   * `<script type="application/json">` child is read when the widget connects.
   */
  @property({ attribute: false }) initialData: T | undefined;

  protected readonly l = new LocalizeController(this, () => this.client?.options.locale);
  protected readonly resource = new ResourceController<T>(this);

  /** True while the widget waits for `getToken` (see `needsToken()`). */
  protected signingIn = false;

  #storeClient: AdvClient | undefined;
  #storeKey: string | undefined;
  #announced: ResourceState<T>['status'] = 'idle';
  /** `initialData` and the store key it belongs to, until a store with a client has taken it. */
  #seed: { key: string; data: T } | undefined;

  /** The store for the current client and key attributes. */
  protected abstract createStore(client: AdvClient): ResourceStore<T>;

  /** The attributes that select the data; a change builds a new store (compared as JSON). */
  protected abstract storeKey(): unknown;

  /**
   * Whether the widget's data needs an employee token: without `getToken`
   * on its client it asks nothing and shows `renderSigningIn()`. False (the
   * default) for widgets a publishable key is enough for.
   */
  protected needsToken(): boolean {
    return false;
  }

  /** Whether loaded data means "nothing to show" (the empty state). */
  protected isEmpty(_data: T): boolean {
    return false;
  }

  /** The message the empty state shows when the page gives no `empty` slot (see `renderEmptyMessage()`). */
  protected emptyMessage: MessageKey = 'empty';

  /** Loads the data again, keeping what is on screen until it arrives. */
  refresh(): Promise<void> {
    return this.resource.refresh();
  }

  /**
   * Validates data found in a `<script type="application/json">` child; a
   * widget that can start from server-rendered data overrides it. Undefined
   * (the default) ignores the script.
   */
  protected parseInitialData(_json: unknown): T | undefined {
    return undefined;
  }

  override connectedCallback(): void {
    if (!this.hasUpdated && this.initialData === undefined) this.#readInitialData();
    super.connectedCallback();
  }

  /** Holds an update while the widget's language's catalog loads (bounded), so French never shows English first. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const catalogs = this.l.ready;
    return catalogs ? catalogs.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const declarative = this.shadowRoot;
    // Lit's minified builds rename the element's own hydration flag: look for the support's global hook instead.
    const hydrating = (globalThis as { litElementHydrateSupport?: unknown }).litElementHydrateSupport !== undefined;
    // Server-rendered, but no hydration support on the page: render afresh rather than beside the server's DOM
    // (emptied before Lit notes where to render).
    if (declarative && !hydrating) declarative.replaceChildren();
    const root = super.createRenderRoot();
    // Hydrating: the server's DOM stays. Its <style> element may be blocked by the page's CSP (style-src
    // without the widget's hash): adopt the same styles too, so a hydrated widget is always styled.
    if (declarative && hydrating && root instanceof ShadowRoot) adoptStyles(root, (this.constructor as typeof LitElement).elementStyles);
    return root;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const key = JSON.stringify(this.storeKey() ?? null);
    // A client that cannot sign the widget's requests yet is no client: no request goes out without the token.
    const client = this.needsToken() && !this.client?.options.getToken ? undefined : this.client;
    this.signingIn = client !== this.client;
    const seeded = changed.has('initialData') && this.initialData !== undefined;
    if (seeded) this.#seed = { key, data: this.initialData! };
    if (!seeded && client === this.#storeClient && key === this.#storeKey) return;
    this.#storeClient = client;
    this.#storeKey = key;
    // Other key attributes: the page's data no longer applies.
    if (this.#seed && this.#seed.key !== key) this.#seed = undefined;
    const seed = this.#seed?.data;
    if (client) {
      this.#seed = undefined; // taken: a later change of client loads from the API
      this.resource.setStore(seed === undefined ? this.createStore(client) : this.createSeededStore(client, seed));
    } else {
      // No client yet (on the server, or before the provider): the data alone, ready.
      this.resource.setStore(seed === undefined ? undefined : createResourceStore(async () => seed, seed));
    }
  }

  /**
   * The store for the current key attributes, starting ready with `data` (no
   * first request). The default loads through `createStore()` only when
   * refreshed; a widget whose store factory takes initial data overrides it.
   */
  protected createSeededStore(client: AdvClient, data: T): ResourceStore<T> {
    let store: ResourceStore<T> | undefined;
    return createResourceStore(async () => {
      store ??= this.createStore(client);
      await store.refresh();
      // `.value` reads without mounting the store (which would load it again).
      const { status, data: loaded, error } = store.value ?? { status: 'idle' as const };
      if (status === 'ready' && loaded !== undefined) return loaded;
      throw error ?? new Error('Loading failed.');
    }, data);
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
      return this.isEmpty(current.data) ? this.renderEmpty(current.data) : this.renderReady(current.data);
    }
    if (current.status === 'error' && current.error) return this.renderError(current.error);
    return this.signingIn ? this.renderSigningIn() : this.renderLoading();
  }

  /** Waiting for the page to give an employee token (`getToken`): quiet, nothing is wrong yet. */
  protected renderSigningIn(): unknown {
    return html`<p class="state muted" part="signing-in" role="status">${this.l.t('signingIn')}</p>`;
  }

  protected renderLoading(): unknown {
    return html`<div class="skeleton" part="skeleton">
      <span class="visually-hidden">${this.l.t('loading')}</span>
      <div class="skeleton-line"></div>
      <div class="skeleton-line"></div>
      <div class="skeleton-line"></div>
    </div>`;
  }

  /** The empty state: the page's `empty` slot, else `renderEmptyMessage(data)`. */
  protected renderEmpty(data?: T): unknown {
    return html`<div class="state empty" part="empty"><slot name="empty">${this.renderEmptyMessage(data)}</slot></div>`;
  }

  /**
   * The empty state's default content, shown when the page gives no `empty`
   * slot: `emptyMessage`. A widget whose empty data still has something to
   * say (a period that has just begun, beside the last one) overrides it.
   */
  protected renderEmptyMessage(_data: T | undefined): unknown {
    return html`<p>${this.l.t(this.emptyMessage)}</p>`;
  }

  protected renderError(error: AdvError): unknown {
    return html`<div class="state error" part="error" role="alert">
      <slot name="error">
        <p class="error-title">${this.l.t('errorTitle')}</p>
        ${errorText(this.l, error, this.client)}
      </slot>
      <button class="button" part="retry" type="button" @click=${this.#retry}>${this.l.t('retry')}</button>
    </div>`;
  }

  protected abstract renderReady(data: T): unknown;

  /** Shown above data kept after a refresh failed. */
  protected renderStaleNotice(error: AdvError): unknown {
    return html`<div class="stale" part="stale" role="alert">
      <span>${this.l.t('errorStale')}</span>
      ${errorDetail(error)}
      <button class="button" part="retry" type="button" @click=${this.#retry}>${this.l.t('retry')}</button>
    </div>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const { status, data, error } = this.resource.state;
    if (status === this.#announced) return;
    this.#announced = status;
    if (status === 'ready' && data !== undefined) this.emit(new AdvLoadEvent({ empty: this.isEmpty(data) }));
    if (status === 'error' && error) {
      warnOnce(this.localName, error);
      this.emit(new AdvErrorEvent({ error }));
    }
  }

  #retry = (): void => {
    void this.refresh();
  };

  #readInitialData(): void {
    const script = [...this.children].find((child) => child.localName === 'script' && child.getAttribute('type') === 'application/json');
    if (!script?.textContent) return;
    try {
      const data = this.parseInitialData(JSON.parse(script.textContent));
      if (data !== undefined) this.initialData = data;
    } catch {
      // Not JSON: load from the API as usual.
    }
  }
}
