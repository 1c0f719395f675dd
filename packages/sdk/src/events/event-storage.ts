/** One impression waiting to be sent; `id` makes re-sending it harmless. */
export interface QueuedEvent {
  readonly id: string;
  readonly kind: 'impression';
  readonly contentId?: string;
  readonly testimonialId?: string;
  readonly occurredAt: string;
}

/** Where queued events survive a reload. */
export interface EventStorage {
  load(): Promise<QueuedEvent[]>;
  put(events: readonly QueuedEvent[]): Promise<void>;
  delete(ids: readonly string[]): Promise<void>;
}

export function memoryEventStorage(): EventStorage {
  const events = new Map<string, QueuedEvent>();
  return {
    load: async () => [...events.values()],
    put: async (added) => {
      for (const event of added) events.set(event.id, event);
    },
    delete: async (ids) => {
      for (const id of ids) events.delete(id);
    },
  };
}

const STORE = 'events';

function promised<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function done(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
  });
}

/**
 * Queued events kept in IndexedDB (one database per API origin), so what a
 * closed tab had not sent yet goes out on the next visit. Falls back to
 * memory where IndexedDB is missing or refused (private windows, Node).
 */
export function indexedDbEventStorage(name: string): EventStorage {
  if (typeof indexedDB === 'undefined') return memoryEventStorage();
  const fallback = memoryEventStorage();
  let opened: Promise<IDBDatabase | undefined> | undefined;
  const open = (): Promise<IDBDatabase | undefined> => {
    opened ??= new Promise<IDBDatabase | undefined>((resolve) => {
      try {
        const request = indexedDB.open(name, 1);
        request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'id' });
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => resolve(undefined);
        request.onblocked = () => resolve(undefined);
      } catch {
        resolve(undefined);
      }
    });
    return opened;
  };
  return {
    async load() {
      const db = await open();
      if (!db) return fallback.load();
      return promised(db.transaction(STORE, 'readonly').objectStore(STORE).getAll() as IDBRequest<QueuedEvent[]>);
    },
    async put(events) {
      const db = await open();
      if (!db) return fallback.put(events);
      const transaction = db.transaction(STORE, 'readwrite');
      for (const event of events) transaction.objectStore(STORE).put(event);
      await done(transaction);
    },
    async delete(ids) {
      const db = await open();
      if (!db) return fallback.delete(ids);
      const transaction = db.transaction(STORE, 'readwrite');
      for (const id of ids) transaction.objectStore(STORE).delete(id);
      await done(transaction);
    },
  };
}
