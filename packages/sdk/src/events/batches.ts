import type { QueuedEvent } from './event-storage.js';

/** Keepalive requests share a 64 KiB budget per page; stay under it with room for headers. */
export const MAX_BATCH_BYTES = 60 * 1024;
/** The API takes at most 100 events per request. */
export const MAX_BATCH_EVENTS = 100;

const encoder = new TextEncoder();

export function batchBody(events: readonly QueuedEvent[]): string {
  return JSON.stringify({ events });
}

/** Splits events, in order, into request bodies of at most `maxBytes` and `maxEvents` each. */
export function splitIntoBatches(events: readonly QueuedEvent[], maxBytes = MAX_BATCH_BYTES, maxEvents = MAX_BATCH_EVENTS): QueuedEvent[][] {
  const batches: QueuedEvent[][] = [];
  const envelope = encoder.encode(batchBody([])).length;
  let current: QueuedEvent[] = [];
  let size = envelope;
  for (const event of events) {
    const eventSize = encoder.encode(JSON.stringify(event)).length + 1; // and its comma
    if (envelope + eventSize > maxBytes) continue; // cannot fit in any batch; the API would refuse it anyway
    if (current.length > 0 && (size + eventSize > maxBytes || current.length >= maxEvents)) {
      batches.push(current);
      current = [];
      size = envelope;
    }
    current.push(event);
    size += eventSize;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
