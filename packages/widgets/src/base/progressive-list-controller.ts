import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { yieldToMain } from './yield-to-main.js';

export interface ProgressiveListOptions {
  /** Items in the first render: enough to fill a screen. */
  readonly first: number;
  /** Items added by each later render, one task each. */
  readonly batch: number;
}

/**
 * Renders a long list in pieces: the first `first` items at once, the rest
 * `batch` at a time, yielding to the main thread (`yieldToMain()`) between
 * pieces, so no task holds the page for the whole list. The widget renders
 * `take(items, key)` instead of `items`; a new `key` (another store) starts
 * again from the first screen. Items already shown stay shown: a list that
 * grows ("Load more") only has its new items added in pieces.
 *
 * The widget's `updateComplete` should wait for the last piece
 * (`progressiveUpdateComplete()`), so code awaiting it sees the whole list.
 */
export class ProgressiveListController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: ProgressiveListOptions;
  #key: unknown;
  #shown = 0;
  #total = 0;
  /** The piece under way, if any: resolves once the host was asked to render it. */
  #pending: Promise<void> | undefined;
  #connected = false;

  constructor(host: ReactiveControllerHost, options: ProgressiveListOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The items to render now. */
  take<T>(items: readonly T[], key?: unknown): readonly T[] {
    if (key !== this.#key) {
      this.#key = key;
      this.#shown = 0;
    }
    this.#total = items.length;
    // The first screen at once; later the items already shown, never fewer.
    this.#shown = Math.min(items.length, Math.max(this.#shown, this.#options.first));
    return this.#shown < items.length ? items.slice(0, this.#shown) : items;
  }

  /** True while some items taken are not rendered yet. */
  get partial(): boolean {
    return this.#shown < this.#total;
  }

  /** The piece under way, if any (resolves once the host has been asked to render it). */
  get pending(): Promise<void> | undefined {
    return this.#pending;
  }

  hostConnected(): void {
    this.#connected = true;
  }

  hostDisconnected(): void {
    this.#connected = false;
  }

  hostUpdated(): void {
    if (this.partial && !this.#pending && this.#connected) this.#pending = this.#next();
  }

  async #next(): Promise<void> {
    await yieldToMain();
    this.#pending = undefined;
    // Removed meanwhile: the rest comes when it is back (hostUpdated on its next render).
    if (!this.#connected) return;
    this.#shown = Math.min(this.#total, this.#shown + this.#options.batch);
    this.#host.requestUpdate();
  }
}

/**
 * A widget's `getUpdateComplete()` with its progressive lists: resolves once
 * every piece is rendered. `update` is the widget's `super.getUpdateComplete()`.
 */
export async function progressiveUpdateComplete(update: () => Promise<boolean>, ...lists: ProgressiveListController[]): Promise<boolean> {
  let done = await update();
  for (;;) {
    const pending = lists.find((list) => list.pending)?.pending;
    if (!pending) return done;
    await pending;
    done = (await update()) && done;
  }
}
