import type { AdvClient } from '../client.js';
import { newIdempotencyKey } from '../idempotency-key.js';
import { SDK_VERSION } from '../version.js';
import { batchBody, splitIntoBatches } from './batches.js';
import { indexedDbEventStorage, type EventStorage, type QueuedEvent } from './event-storage.js';
import { visitorOptedOut } from './privacy-signals.js';

export interface EventQueueOptions {
  /** How long events wait before a batch goes out. Default 10 000 ms. */
  flushIntervalMs?: number;
  /** Most events kept while the API cannot be reached; the oldest are dropped beyond it. Default 1 000. */
  maxQueued?: number;
  /** Where events survive a reload. Default: IndexedDB, else memory. */
  storage?: EventStorage;
}

export interface TrackedEvent {
  kind: 'impression';
  contentId?: string;
  testimonialId?: string;
  /** Set it to make tracking the same thing twice count once (e.g. `impression:<testimonial id>:<page view id>`). */
  id?: string;
}

export interface EventQueue {
  /** Queues an event; does nothing when the visitor opted out of tracking. */
  track(event: TrackedEvent): void;
  /** Sends everything queued now. */
  flush(): Promise<void>;
  /** Events dropped because the queue was full, since it was created. */
  readonly dropped: number;
  /** False when the visitor sent Global Privacy Control or Do-Not-Track: nothing is stored or sent. */
  readonly enabled: boolean;
  /** Stops the timer and the page listeners (what is queued stays stored). */
  stop(): void;
}

const DEFAULT_FLUSH_INTERVAL_MS = 10_000;
const DEFAULT_MAX_QUEUED = 1_000;
/** Ids recently sent, remembered so a repeat within the page is not sent again. */
const SENT_MEMORY = 5_000;

function disabledQueue(): EventQueue {
  return { track: () => {}, flush: async () => {}, dropped: 0, enabled: false, stop: () => {} };
}

/**
 * Impressions from widgets, batched and sent to `POST /v1/events`: on a
 * timer, and when the page is hidden with `fetch(…, {keepalive: true})`
 * (falling back to `navigator.sendBeacon`). Kept in IndexedDB until the
 * API has taken them; the API ignores an id it has seen, so sending one
 * twice is harmless.
 */
export function createEventQueue(client: AdvClient, options: EventQueueOptions = {}): EventQueue {
  if (visitorOptedOut()) return disabledQueue();

  const { baseUrl, publishableKey, getToken, fetch: fetchImpl } = client.options;
  const endpoint = new URL('v1/events', baseUrl);
  const flushIntervalMs = options.flushIntervalMs ?? DEFAULT_FLUSH_INTERVAL_MS;
  const maxQueued = options.maxQueued ?? DEFAULT_MAX_QUEUED;
  const storage = options.storage ?? indexedDbEventStorage(`advocacy-events:${endpoint.origin}`);

  const pending = new Map<string, QueuedEvent>();
  const sent = new Set<string>();
  let dropped = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let flushing: Promise<void> | undefined;
  let lastToken: string | undefined;

  const loaded = storage.load().then(
    (stored) => {
      for (const event of stored.sort((a, b) => a.occurredAt.localeCompare(b.occurredAt))) {
        if (!pending.has(event.id)) pending.set(event.id, event);
      }
      enforceCap();
      if (pending.size > 0) schedule();
    },
    () => undefined, // storage refused: carry on in memory
  );

  function enforceCap(): void {
    const excess = pending.size - maxQueued;
    if (excess <= 0) return;
    const oldest = [...pending.keys()].slice(0, excess);
    for (const id of oldest) pending.delete(id);
    dropped += excess;
    void storage.delete(oldest).catch(() => undefined);
  }

  function schedule(): void {
    timer ??= setTimeout(() => {
      timer = undefined;
      void flush();
    }, flushIntervalMs);
  }

  function markSent(events: readonly QueuedEvent[]): void {
    const ids = events.map((event) => event.id);
    for (const id of ids) {
      pending.delete(id);
      sent.add(id);
    }
    while (sent.size > SENT_MEMORY) sent.delete(sent.values().next().value as string);
    void storage.delete(ids).catch(() => undefined);
  }

  async function headers(): Promise<Record<string, string>> {
    const result: Record<string, string> = { 'content-type': 'application/json', 'adv-client': `sdk/${SDK_VERSION}` };
    if (publishableKey) {
      result['authorization'] = `Bearer ${publishableKey}`;
    } else if (getToken) {
      const token = await getToken();
      if (token) {
        lastToken = token;
        result['authorization'] = `Bearer ${token}`;
      }
    }
    return result;
  }

  async function sendBatch(batch: QueuedEvent[]): Promise<void> {
    const response = await fetchImpl(endpoint, { method: 'POST', headers: await headers(), body: batchBody(batch), keepalive: true, credentials: 'omit' });
    if (response.ok) markSent(batch);
    else if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) {
      // Refused as malformed: sending it again would be refused again.
      markSent(batch);
      dropped += batch.length;
    }
  }

  async function flush(): Promise<void> {
    await loaded;
    if (flushing) return flushing;
    const batches = splitIntoBatches([...pending.values()]);
    if (batches.length === 0) return;
    flushing = (async () => {
      for (const batch of batches) {
        try {
          await sendBatch(batch);
        } catch {
          break; // offline: try again on the next timer
        }
      }
    })().finally(() => {
      flushing = undefined;
      if (pending.size > 0) schedule();
    });
    return flushing;
  }

  /** The page may be about to go: no awaiting tokens or storage, keepalive first, a beacon if that is refused. */
  function flushOnHide(): void {
    const batches = splitIntoBatches([...pending.values()]);
    const token = publishableKey ?? lastToken;
    for (const batch of batches) {
      const body = batchBody(batch);
      const sendBeacon = (): void => {
        // A beacon cannot carry headers: the publishable key (public by design) travels in the URL; tokens never do.
        if (!publishableKey || typeof navigator === 'undefined' || typeof navigator.sendBeacon !== 'function') return;
        const url = new URL(endpoint);
        url.searchParams.set('key', publishableKey);
        if (navigator.sendBeacon(url, new Blob([body], { type: 'text/plain' }))) markSent(batch);
      };
      try {
        fetchImpl(endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'adv-client': `sdk/${SDK_VERSION}`, ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body,
          keepalive: true,
          credentials: 'omit',
        }).then((response) => {
          if (response.ok) markSent(batch);
        }, sendBeacon);
      } catch {
        sendBeacon();
      }
    }
  }

  const onVisibilityChange = (): void => {
    if (document.visibilityState === 'hidden') flushOnHide();
  };
  const onPageHide = (): void => flushOnHide();
  if (typeof document !== 'undefined') document.addEventListener('visibilitychange', onVisibilityChange);
  if (typeof window !== 'undefined') window.addEventListener('pagehide', onPageHide);

  return {
    enabled: true,
    get dropped() {
      return dropped;
    },
    track(input) {
      const event: QueuedEvent = {
        id: input.id ?? newIdempotencyKey(),
        kind: input.kind,
        ...(input.contentId ? { contentId: input.contentId } : {}),
        ...(input.testimonialId ? { testimonialId: input.testimonialId } : {}),
        occurredAt: new Date().toISOString(),
      };
      if (pending.has(event.id) || sent.has(event.id)) return;
      pending.set(event.id, event);
      void storage.put([event]).catch(() => undefined);
      enforceCap();
      schedule();
    },
    flush,
    stop() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', onVisibilityChange);
      if (typeof window !== 'undefined') window.removeEventListener('pagehide', onPageHide);
    },
  };
}
