import { atom, onMount, type ReadableAtom } from 'nanostores';
import { AdvError } from '../errors.js';

export type ResourceStatus = 'idle' | 'loading' | 'ready' | 'error';

/** What a store holds: its status, the last data it loaded, and the error of the last failure. */
export interface ResourceState<T> {
  readonly status: ResourceStatus;
  /** Kept while a refresh is loading or after it failed, so a widget can keep showing it. */
  readonly data?: T;
  readonly error?: AdvError;
}

export interface ResourceStore<T> extends ReadableAtom<ResourceState<T>> {
  /** Loads again (cancelling a load in flight); resolves when the store is ready or in error. */
  refresh(): Promise<void>;
}

/** Anything a loader throws, as an `AdvError` (the SDK's own errors pass through). */
export function toAdvError(error: unknown): AdvError {
  if (error instanceof AdvError) return error;
  return new AdvError(error instanceof Error ? error.message : 'Loading failed.', { cause: error });
}

/**
 * A nanostores atom that loads `load()` when its first subscriber arrives,
 * offers `refresh()`, cancels its request when the last subscriber leaves,
 * and never stays `loading` after a failure.
 *
 * `initialData` is data the page already has (rendered on the server, for
 * instance): the store starts `ready` with it and its first subscriber does
 * not load; `refresh()` and any later mount do.
 */
export function createResourceStore<T>(load: (signal: AbortSignal) => Promise<T>, initialData?: T): ResourceStore<T> {
  const $state = atom<ResourceState<T>>(initialData === undefined ? { status: 'idle' } : { status: 'ready', data: initialData });
  let inFlight: AbortController | undefined;
  let fresh = initialData !== undefined;

  const run = async (): Promise<void> => {
    fresh = false;
    inFlight?.abort();
    const controller = new AbortController();
    inFlight = controller;
    const previous = $state.get().data;
    $state.set(previous === undefined ? { status: 'loading' } : { status: 'loading', data: previous });
    try {
      const data = await load(controller.signal);
      if (inFlight === controller) $state.set({ status: 'ready', data });
    } catch (error) {
      if (inFlight !== controller) return; // superseded by a newer load or by unmounting
      $state.set(previous === undefined ? { status: 'error', error: toAdvError(error) } : { status: 'error', data: previous, error: toAdvError(error) });
    } finally {
      if (inFlight === controller) inFlight = undefined;
    }
  };

  onMount($state, () => {
    if (fresh) fresh = false;
    else void run();
    return () => {
      const controller = inFlight;
      inFlight = undefined;
      controller?.abort();
      const { data } = $state.get();
      if ($state.get().status === 'loading') $state.set(data === undefined ? { status: 'idle' } : { status: 'ready', data });
    };
  });

  return Object.assign($state, { refresh: run });
}
