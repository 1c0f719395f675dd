// <adv-share-card> with the keyboard only: real key presses, focus checked at each step.
import { html } from 'lit';
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '@advocacy/widgets/define/adv-share-card.js';
import type { AdvShareCard } from '@advocacy/widgets';
import type { AdvShareEvent } from '@advocacy/widgets';
import { FakeApi } from '../helpers/fake-api.js';
import { contentFixture, shareFixture } from '../helpers/fixtures/content.js';
import { mountWidget, settled, unmountAll } from './helpers/mount.js';

describe('<adv-share-card> keyboard', () => {
  const realOpen = window.open;
  let opened: unknown[][] = [];
  let copied: string[] = [];

  beforeEach(() => {
    opened = [];
    copied = [];
    window.open = ((...args: unknown[]) => {
      opened.push(args);
      return null;
    }) as typeof window.open;
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (text: string) => void copied.push(text) } });
  });
  afterEach(() => {
    unmountAll();
    window.open = realOpen;
    delete (navigator as unknown as Record<string, unknown>)['clipboard'];
  });

  it('Tab to the network choice, arrow to X, Tab into the text, type, Tab to Share, Enter: the share is created', async () => {
    const api = new FakeApi({
      'GET /v1/content/:id': { body: contentFixture() },
      'POST /v1/shares': (request) => ({ status: 201, body: shareFixture((request.body as { network: 'x' }).network) }),
    });
    const before = document.createElement('button');
    before.textContent = 'Before';
    document.body.prepend(before);
    try {
      const mounted = await mountWidget<AdvShareCard>(api.client(), html`<adv-share-card content-id=${contentFixture().id}></adv-share-card>`);
      await mounted.next('adv-load');
      await settled(mounted.widget);
      const focused = () => mounted.shadow.activeElement as HTMLElement | null;
      before.focus();

      await sendKeys({ press: 'Tab' });
      expect(focused()?.closest('h3'), 'the title link comes first').not.to.equal(null);
      await sendKeys({ press: 'Tab' });
      expect((focused() as HTMLInputElement).value).to.equal('linkedin');
      expect((focused() as HTMLInputElement).type).to.equal('radio');

      await sendKeys({ press: 'ArrowRight' });
      await settled(mounted.widget);
      expect((focused() as HTMLInputElement).value).to.equal('x');
      expect((focused() as HTMLInputElement).checked).to.equal(true);
      expect(mounted.shadow.querySelector('label[for="text"]')!.textContent).to.equal('Your post for X');

      await sendKeys({ press: 'Tab' });
      expect(focused()?.id).to.equal('text');
      await sendKeys({ down: 'Control' });
      await sendKeys({ press: 'a' });
      await sendKeys({ up: 'Control' });
      await sendKeys({ type: 'Typed with the keyboard' });
      await settled(mounted.widget);
      expect((focused() as HTMLTextAreaElement).value).to.equal('Typed with the keyboard');
      expect(mounted.shadow.querySelector('.nudge'), 'the nudge goes once the text is edited').to.equal(null);

      await sendKeys({ press: 'Tab' });
      expect(focused()?.getAttribute('part')).to.equal('share');
      expect(focused()?.textContent?.trim()).to.equal('Share on X');
      await sendKeys({ press: 'Enter' });
      const event = (await mounted.next('adv-share')) as AdvShareEvent;
      expect(event.detail.network).to.equal('x');
      expect((api.requestsTo('POST /v1/shares')[0]!.body as { text: string }).text).to.equal('Typed with the keyboard');
      expect(opened).to.have.length(1);
      await settled(mounted.widget);
      expect(focused()?.getAttribute('part'), 'focus stays on the button').to.equal('share');

      await sendKeys({ press: 'Tab' });
      expect(focused()?.textContent?.trim()).to.equal('Copy text');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => copied.length === 1);
      expect(copied[0]).to.equal('Typed with the keyboard\n\nI work at Acme.');
    } finally {
      before.remove();
    }
  });

  it('Mastodon by keyboard: the server field comes before the Share button and keeps focus when empty', async () => {
    const api = new FakeApi({
      'GET /v1/content/:id': { body: contentFixture() },
      'POST /v1/shares': { status: 201, body: shareFixture('mastodon') },
    });
    const mounted = await mountWidget<AdvShareCard>(api.client(), html`<adv-share-card content-id=${contentFixture().id} networks="mastodon x"></adv-share-card>`);
    await mounted.next('adv-load');
    await settled(mounted.widget);
    const focused = () => mounted.shadow.activeElement as HTMLElement | null;
    mounted.shadow.querySelector<HTMLTextAreaElement>('#text')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused()?.id).to.equal('instance');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await settled(mounted.widget);
    expect(focused()?.id, 'back to the empty server field').to.equal('instance');
    await sendKeys({ type: 'mastodon.social' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await mounted.next('adv-share');
    expect((api.requestsTo('POST /v1/shares')[0]!.body as { mastodonInstance: string }).mastodonInstance).to.equal('mastodon.social');
  });
});
