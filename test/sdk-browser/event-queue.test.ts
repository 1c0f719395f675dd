import { expect } from '@open-wc/testing';
import { createClient, createEventQueue, indexedDbEventStorage, type EventQueue } from '@advocacy/sdk';

interface SentRequest {
  url: string;
  init: RequestInit;
  events: { id: string }[];
}

/** A client over a fake fetch that records what the queue sends. */
function recordingClient(answer: (request: SentRequest) => Promise<Response> | Response = () => new Response('{"accepted":1,"duplicates":0}', { status: 202 })) {
  const sent: SentRequest[] = [];
  const client = createClient({
    baseUrl: 'https://api.example/',
    publishableKey: 'pk_test_0123456789abcdefghijkl',
    fetch: async (input, init = {}) => {
      const request = { url: String(input), init, events: (JSON.parse(String(init.body)) as { events: { id: string }[] }).events };
      sent.push(request);
      return answer(request);
    },
  });
  return { client, sent };
}

function setOwnProperty(target: object, name: string, value: unknown): () => void {
  Object.defineProperty(target, name, { value, configurable: true });
  return () => {
    delete (target as Record<string, unknown>)[name];
  };
}

function hidePage(): () => void {
  const restore = setOwnProperty(document, 'visibilityState', 'hidden');
  document.dispatchEvent(new Event('visibilitychange'));
  return restore;
}

const waitUntil = async (condition: () => boolean): Promise<void> => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
};

let dbCounter = 0;
const freshStorage = () => indexedDbEventStorage(`advocacy-events-test-${Date.now()}-${++dbCounter}`);

describe('event queue', () => {
  const queues: EventQueue[] = [];
  afterEach(() => {
    for (const queue of queues.splice(0)) queue.stop();
  });

  it('batches, deduplicates by event id, and sends with keepalive and no cookies', async () => {
    const { client, sent } = recordingClient();
    const queue = createEventQueue(client, { storage: freshStorage(), flushIntervalMs: 60_000 });
    queues.push(queue);
    queue.track({ kind: 'impression', testimonialId: '0b7e1f3a-1c52-4a4e-9d0b-6c1f7f1b2a10', id: 'view-1' });
    queue.track({ kind: 'impression', testimonialId: '0b7e1f3a-1c52-4a4e-9d0b-6c1f7f1b2a10', id: 'view-1' });
    queue.track({ kind: 'impression', contentId: '5f0c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f' });
    await queue.flush();
    expect(sent).to.have.length(1);
    expect(sent[0]!.events.map((event) => event.id)).to.include('view-1');
    expect(sent[0]!.events).to.have.length(2);
    expect(sent[0]!.init.keepalive).to.equal(true);
    expect(sent[0]!.init.credentials).to.equal('omit');
    queue.track({ kind: 'impression', id: 'view-1' });
    await queue.flush();
    expect(sent).to.have.length(1, 'an event already sent is not sent again');
  });

  it('flushes on its timer', async () => {
    const { client, sent } = recordingClient();
    const queue = createEventQueue(client, { storage: freshStorage(), flushIntervalMs: 20 });
    queues.push(queue);
    queue.track({ kind: 'impression', id: 'timer-1' });
    await waitUntil(() => sent.length > 0);
    expect(sent[0]!.events[0]!.id).to.equal('timer-1');
  });

  it('sends with keepalive when the page is hidden', async () => {
    const { client, sent } = recordingClient();
    const queue = createEventQueue(client, { storage: freshStorage(), flushIntervalMs: 60_000 });
    queues.push(queue);
    queue.track({ kind: 'impression', id: 'hidden-1' });
    await new Promise((resolve) => setTimeout(resolve, 20)); // let the stored queue load
    const restore = hidePage();
    restore();
    await waitUntil(() => sent.length > 0);
    expect(sent[0]!.init.keepalive).to.equal(true);
    expect(sent[0]!.events[0]!.id).to.equal('hidden-1');
  });

  it('falls back to sendBeacon, with the publishable key in the URL, when keepalive fetch is refused', async () => {
    const { client } = recordingClient(() => Promise.reject(new TypeError('keepalive quota exceeded')));
    const beacons: { url: string; body: Blob }[] = [];
    const restoreBeacon = setOwnProperty(navigator, 'sendBeacon', (url: string | URL, body: Blob) => {
      beacons.push({ url: String(url), body });
      return true;
    });
    try {
      const queue = createEventQueue(client, { storage: freshStorage(), flushIntervalMs: 60_000 });
      queues.push(queue);
      queue.track({ kind: 'impression', id: 'beacon-1' });
      await new Promise((resolve) => setTimeout(resolve, 20));
      hidePage()();
      await waitUntil(() => beacons.length > 0);
      expect(new URL(beacons[0]!.url).searchParams.get('key')).to.equal('pk_test_0123456789abcdefghijkl');
      expect(beacons[0]!.body.type).to.equal('text/plain');
      const body = JSON.parse(await beacons[0]!.body.text()) as { events: { id: string }[] };
      expect(body.events.map((event) => event.id)).to.deep.equal(['beacon-1']);
    } finally {
      restoreBeacon();
    }
  });

  it('keeps unsent events in IndexedDB and sends them after a reload', async () => {
    const name = `advocacy-events-reload-${Date.now()}`;
    const offline = recordingClient(() => Promise.reject(new TypeError('Failed to fetch')));
    const before = createEventQueue(offline.client, { storage: indexedDbEventStorage(name), flushIntervalMs: 60_000 });
    before.track({ kind: 'impression', id: 'survives-1' });
    before.track({ kind: 'impression', id: 'survives-2' });
    await before.flush();
    before.stop(); // the tab closes with the API unreachable

    const online = recordingClient();
    const after = createEventQueue(online.client, { storage: indexedDbEventStorage(name), flushIntervalMs: 60_000 });
    queues.push(after);
    await after.flush();
    expect(online.sent.flatMap((request) => request.events.map((event) => event.id)).sort()).to.deep.equal(['survives-1', 'survives-2']);
    await after.flush();
    expect(online.sent).to.have.length(1, 'once sent, they are gone from storage');
  });

  it('caps the queue, dropping and counting the oldest', async () => {
    const { client, sent } = recordingClient();
    const queue = createEventQueue(client, { storage: freshStorage(), flushIntervalMs: 60_000, maxQueued: 3 });
    queues.push(queue);
    for (let i = 1; i <= 5; i++) queue.track({ kind: 'impression', id: `capped-${i}` });
    expect(queue.dropped).to.equal(2);
    await queue.flush();
    expect(sent[0]!.events.map((event) => event.id)).to.deep.equal(['capped-3', 'capped-4', 'capped-5']);
  });

  it('sends nothing and stores nothing under Global Privacy Control', async () => {
    const restore = setOwnProperty(navigator, 'globalPrivacyControl', true);
    try {
      const { client, sent } = recordingClient();
      const queue = createEventQueue(client, { storage: freshStorage(), flushIntervalMs: 10 });
      queues.push(queue);
      expect(queue.enabled).to.equal(false);
      queue.track({ kind: 'impression', id: 'gpc-1' });
      await queue.flush();
      hidePage()();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(sent).to.have.length(0);
    } finally {
      restore();
    }
  });

  it('sends nothing under Do-Not-Track', async () => {
    const restore = setOwnProperty(navigator, 'doNotTrack', '1');
    try {
      const { client, sent } = recordingClient();
      const queue = createEventQueue(client, { storage: freshStorage() });
      queues.push(queue);
      queue.track({ kind: 'impression', id: 'dnt-1' });
      await queue.flush();
      expect(queue.enabled).to.equal(false);
      expect(sent).to.have.length(0);
    } finally {
      restore();
    }
  });
});
