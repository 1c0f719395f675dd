import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { toAdvError, type AdvError } from '@advocacy/sdk';
import { canonicalLocale } from './localize.js';

/** What a widget's data is filtered on, when the page says nothing: the UI language's primary subtag (`fr-CA` → `fr`). */
export function defaultContentLocale(uiLocale: string): string {
  return uiLocale.split('-')[0]!.toLowerCase();
}

/**
 * The `content-locale` a widget filters its data on: the attribute (canonical), `undefined` for `*`
 * (every language, no filter), else the UI language's primary subtag.
 */
export function resolveContentLocale(attribute: string | undefined, uiLocale: string): string | undefined {
  if (attribute?.trim() === '*') return undefined;
  return canonicalLocale(attribute) ?? defaultContentLocale(uiLocale);
}

/** Whether `locale` is in `wanted`, as the API's `locale` filter matches it (`fr` matches `fr` and `fr-CA`). */
export function inLocale(locale: string, wanted: string): boolean {
  const a = locale.toLowerCase();
  const b = wanted.toLowerCase();
  return a === b || a.startsWith(`${b}-`);
}

export interface LocalePage<I> {
  items: I[];
  nextCursor: string | null;
}

/** One page of the data with every filter but the language. */
export type UnfilteredFetch<I> = (cursor: string | undefined, signal: AbortSignal) => Promise<LocalePage<I>>;

/**
 * The data in other languages than the one a widget shows first: looked up
 * in the background (pages of the unfiltered list, keeping what is not in
 * the wanted language, until some is found or `maxPages` were read), counted
 * for a "Show … in other languages (N)" button, and shown only when the
 * reader asks (`show()`). `loadMore()` reads on from where the lookup stopped.
 * A new key (other filters, other client) starts again.
 */
export class OtherLocalesController<I extends { locale: string }> implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #maxPages: number;
  #key: string | undefined;
  #abort: AbortController | undefined;
  #fetch: UnfilteredFetch<I> | undefined;
  #wanted = '';

  /** Items in other languages found so far. */
  items: I[] = [];
  /** Where the unfiltered list goes on; null when it was read to the end. */
  cursor: string | null = null;
  /** The reader asked to see them. */
  shown = false;
  loading = false;
  error: AdvError | undefined;

  constructor(host: ReactiveControllerHost, options: { maxPages?: number } = {}) {
    this.#host = host;
    this.#maxPages = options.maxPages ?? 3;
    host.addController(this);
  }

  /** More may exist beyond those found (the count is then "at least"). */
  get incomplete(): boolean {
    return this.cursor !== null;
  }

  /**
   * Sets what to look up: `key` names the filters and client, `wanted` the
   * language shown first, `fetch` reads the unfiltered list. No `fetch` (no
   * client, or every language already shown) clears everything.
   */
  set(key: string, wanted: string | undefined, fetch: UnfilteredFetch<I> | undefined): void {
    const full = wanted && fetch ? key : undefined;
    if (full === this.#key) return;
    this.#key = full;
    this.#abort?.abort();
    this.#abort = undefined;
    this.items = [];
    this.cursor = null;
    this.shown = this.loading = false;
    this.error = undefined;
    this.#fetch = fetch;
    this.#wanted = wanted ?? '';
    if (full) void this.#read(undefined);
  }

  /** Shows the items found (the widget moves focus and announces). */
  show(): void {
    this.shown = true;
    this.#host.requestUpdate();
  }

  /** Reads on from the cursor; resolves with the number of items added. */
  async loadMore(): Promise<number> {
    if (this.loading || this.cursor === null) return 0;
    const before = this.items.length;
    await this.#read(this.cursor);
    return this.items.length - before;
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.#abort?.abort();
    this.#abort = undefined;
    // Connected again, the widget looks up again (its key is new to us).
    this.#key = undefined;
  }

  async #read(cursor: string | undefined): Promise<void> {
    const fetch = this.#fetch;
    if (!fetch) return;
    const abort = new AbortController();
    this.#abort?.abort();
    this.#abort = abort;
    this.loading = true;
    this.error = undefined;
    this.#host.requestUpdate();
    const found: I[] = [];
    let next: string | null | undefined = cursor;
    try {
      for (let page = 0; page < this.#maxPages && found.length === 0; page++) {
        const result = await fetch(next ?? undefined, abort.signal);
        if (abort.signal.aborted) return;
        found.push(...result.items.filter((item) => !inLocale(item.locale, this.#wanted)));
        next = result.nextCursor;
        if (next === null) break;
      }
      this.items = [...this.items, ...found];
      this.cursor = next ?? null;
    } catch (error) {
      if (abort.signal.aborted) return;
      this.error = toAdvError(error);
    } finally {
      if (this.#abort === abort) {
        this.loading = false;
        this.#abort = undefined;
        this.#host.requestUpdate();
      }
    }
  }
}
