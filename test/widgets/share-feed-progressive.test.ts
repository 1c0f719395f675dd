// <adv-share-feed> renders a long list in pieces: a screenful of cards in the
// first render, the rest in later tasks, with the whole list's size on every item.
import { html } from 'lit';
import { expect } from '@open-wc/testing';
import '@advocacy/widgets/define/adv-share-feed.js';
import type { AdvShareFeed } from '@advocacy/widgets';
import { FakeApi } from '../helpers/fake-api.js';
import { contentPage } from '../helpers/fixtures/content.js';
import { mountWidget, settled, unmountAll, type Mounted } from './helpers/mount.js';

const cards = (mounted: Mounted<AdvShareFeed>) => mounted.shadow.querySelectorAll('ul[part~="list"] > li > adv-share-card').length;

/** Mounts a feed of `count` posts; `atLoad` runs in the task of the first ready render (its adv-load). */
async function mountLong(count: number, atLoad: (widget: AdvShareFeed) => void): Promise<Mounted<AdvShareFeed>> {
  const api = new FakeApi({ 'GET /v1/content': { body: contentPage(count) } });
  const loaded = (event: Event) => atLoad(event.target as AdvShareFeed);
  document.addEventListener('adv-load', loaded, { once: true });
  const mounted = await mountWidget<AdvShareFeed>(api.client(), html`<adv-share-feed limit="100" content-locale="*"></adv-share-feed>`);
  await mounted.next('adv-load');
  return mounted;
}

/** Runs `body` with `scheduler.yield` absent (the engines without it, Safari), then puts it back. */
async function withoutSchedulerYield(body: () => Promise<void>): Promise<void> {
  const own = Object.getOwnPropertyDescriptor(globalThis, 'scheduler');
  Object.defineProperty(globalThis, 'scheduler', { value: {}, configurable: true, writable: true });
  try {
    await body();
  } finally {
    if (own) Object.defineProperty(globalThis, 'scheduler', own);
    else delete (globalThis as { scheduler?: unknown }).scheduler;
  }
}

describe('<adv-share-feed> in pieces', () => {
  afterEach(unmountAll);

  it('shows the first screenful in the first render and all 40 after, each item placed in the whole list', async () => {
    let first = -1;
    const mounted = await mountLong(40, (widget) => (first = widget.shadowRoot!.querySelectorAll('li > adv-share-card').length));
    expect(first).to.equal(4);
    await settled(mounted.widget);
    expect(cards(mounted)).to.equal(40);
    const items = [...mounted.shadow.querySelectorAll('ul[part~="list"] > li')];
    expect(items.map((item) => item.getAttribute('aria-setsize'))).to.deep.equal(Array(40).fill('40'));
    expect(items.map((item) => item.getAttribute('aria-posinset'))).to.deep.equal(items.map((_, index) => String(index + 1)));
    expect(mounted.shadow.querySelector('ul[part~="list"]')!.hasAttribute('aria-busy')).to.equal(false);
    await expect(mounted.widget).to.be.accessible();
  });

  it('says the list is busy while pieces are still to come', async () => {
    let busy: string | null = null;
    const mounted = await mountLong(12, (widget) => (busy = widget.shadowRoot!.querySelector('ul[part~="list"]')!.getAttribute('aria-busy')));
    expect(busy).to.equal('true');
    await settled(mounted.widget);
    expect(mounted.shadow.querySelector('ul[part~="list"]')!.getAttribute('aria-busy')).to.equal(null);
  });

  it('yields to the main thread before each later piece (scheduler.yield where present)', async function () {
    if (!('scheduler' in globalThis && 'yield' in scheduler)) this.skip();
    const seen: number[] = [];
    const original = scheduler.yield;
    scheduler.yield = function () {
      const feed = document.querySelector('adv-share-feed');
      if (feed) seen.push(feed.shadowRoot!.querySelectorAll('li > adv-share-card').length);
      return original.call(scheduler);
    };
    try {
      const mounted = await mountLong(14, () => undefined);
      await settled(mounted.widget);
      expect(cards(mounted)).to.equal(14);
    } finally {
      scheduler.yield = original;
    }
    expect(seen).to.deep.equal([4, 8, 12]);
  });

  it('without scheduler.yield, a timer set in the first render runs before the last piece', async () => {
    await withoutSchedulerYield(async () => {
      let atTimer = -1;
      const mounted = await mountLong(40, (widget) =>
        setTimeout(() => (atTimer = widget.shadowRoot!.querySelectorAll('li > adv-share-card').length), 0),
      );
      await settled(mounted.widget);
      expect(cards(mounted)).to.equal(40);
      expect(atTimer).to.be.greaterThan(0).and.lessThan(40);
    });
  });

  it('a short list renders whole in the first render', async () => {
    let first = -1;
    const mounted = await mountLong(3, (widget) => (first = widget.shadowRoot!.querySelectorAll('li > adv-share-card').length));
    expect(first).to.equal(3);
    expect(mounted.shadow.querySelector('ul[part~="list"]')!.hasAttribute('aria-busy')).to.equal(false);
  });
});

declare const scheduler: { yield(): Promise<void> };
