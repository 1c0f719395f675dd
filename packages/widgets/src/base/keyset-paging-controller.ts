import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { toAdvError, type AdvError } from '@advocacy/sdk';
import type { ResourceController } from './resource-controller.js';

/** A page of a keyset-paged list: its items and the cursor of the next page (null on the last). */
export interface KeysetPage<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

export interface KeysetPagingOptions<T, P extends KeysetPage<T>> {
  /** Asks for the page after `cursor` (with the query of `first`, the store's page); undefined when it cannot (no client). */
  load(cursor: string, first: P): Promise<P> | undefined;
  /** After a page's items are shown; `index` is the first new one's place in the whole list (to move focus there). */
  loaded?(items: readonly T[], index: number): Promise<void> | void;
  /** Loading a page failed (the error is in `error` too). */
  failed(error: AdvError): void;
}

/**
 * "Load more" over a widget's first page: the pages loaded after it, the
 * next cursor, the last error and whether a page is loading. Another store
 * (new filters) starts again from the first page, before the next render; a
 * widget with state of its own to reset then calls `sync()` in `willUpdate`.
 */
export class KeysetPagingController<T, P extends KeysetPage<T> = KeysetPage<T>> implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #resource: ResourceController<P>;
  readonly #options: KeysetPagingOptions<T, P>;
  #store: unknown;
  #cursor: string | null | undefined;

  /** Items of the pages loaded after the first. */
  more: T[] = [];
  error: AdvError | undefined;
  loading = false;

  constructor(host: ReactiveControllerHost, resource: ResourceController<P>, options: KeysetPagingOptions<T, P>) {
    this.#host = host;
    this.#resource = resource;
    this.#options = options;
    host.addController(this);
  }

  /** The cursor of the next page to load; null or undefined when there is none. */
  get cursor(): string | null | undefined {
    return this.#cursor === undefined ? this.#resource.state.data?.nextCursor : this.#cursor;
  }

  /** Starts again from the first page when the widget's store has changed; true when it did. */
  sync(): boolean {
    if (this.#resource.store === this.#store) return false;
    this.#store = this.#resource.store;
    this.more = [];
    this.#cursor = this.error = undefined;
    return true;
  }

  hostUpdate(): void {
    this.sync();
  }

  /** Loads the next page, unless one is loading or there is none. */
  load = async (): Promise<void> => {
    const store = this.#resource.store;
    const first = this.#resource.state.data;
    const cursor = this.cursor;
    if (this.loading || !first || !cursor) return;
    const request = this.#options.load(cursor, first);
    if (!request) return;
    this.loading = true;
    this.error = undefined;
    this.#host.requestUpdate();
    try {
      const next = await request;
      if (store !== this.#resource.store) return;
      const index = first.items.length + this.more.length;
      this.more = [...this.more, ...next.items];
      this.#cursor = next.nextCursor;
      this.#host.requestUpdate();
      await this.#options.loaded?.(next.items, index);
    } catch (error) {
      this.error = toAdvError(error);
      this.#host.requestUpdate();
      this.#options.failed(this.error);
    } finally {
      this.loading = false;
      this.#host.requestUpdate();
    }
  };
}
