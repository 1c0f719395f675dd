import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ResourceState, ResourceStore } from '@advocacy/sdk';

const IDLE: ResourceState<never> = { status: 'idle' };

/**
 * Binds one SDK resource store to a widget: subscribes while the widget is
 * connected (the store fetches on its first subscriber and cancels when the
 * last leaves), re-renders on every change, and swaps stores when the
 * widget's key attributes change.
 */
export class ResourceController<T> implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #store: ResourceStore<T> | undefined;
  #unsubscribe: (() => void) | undefined;
  #connected = false;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  get state(): ResourceState<T> {
    return this.#store?.get() ?? IDLE;
  }

  get store(): ResourceStore<T> | undefined {
    return this.#store;
  }

  /** Replaces the store (or clears it); the new one starts loading when the widget is connected. */
  setStore(store: ResourceStore<T> | undefined): void {
    if (store === this.#store) return;
    this.#stop();
    this.#store = store;
    if (this.#connected) this.#start();
    this.#host.requestUpdate();
  }

  /** Loads again; resolves when the store is ready or in error. */
  refresh(): Promise<void> {
    return this.#store?.refresh() ?? Promise.resolve();
  }

  hostConnected(): void {
    this.#connected = true;
    this.#start();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#stop();
  }

  #start(): void {
    if (!this.#store || this.#unsubscribe) return;
    this.#unsubscribe = this.#store.subscribe(() => this.#host.requestUpdate());
  }

  #stop(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }
}
