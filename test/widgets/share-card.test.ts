// <adv-share-card>: the base suite, the share flow (tracked link, intent URL,
// clipboard first where the network drops prefilled text), the live count per
// network, the disclosure, errors, Mastodon's server, and the XSS corpus.
import { html } from 'lit';
import { expect, waitUntil } from '@open-wc/testing';
import { checkPost, textLength, type Content, type Network } from '@advocacy/sdk';
import type { AdvErrorEvent } from '@advocacy/widgets';
import '@advocacy/widgets/define/adv-share-card.js';
import type { AdvShareCard } from '@advocacy/widgets';
import { MASTODON_INSTANCE_KEY } from '@advocacy/widgets';
import type { AdvShareEvent } from '@advocacy/widgets';
import { FakeApi, FAKE_API_URL, problem, type FakeAnswer, type FakeRoutes } from '../helpers/fake-api.js';
import { CONTENT_ID, CONTENT_IMAGE_URL, contentFixture, fixtureId, LINKEDIN_INTENT, shareFixture } from '../helpers/fixtures/content.js';
import { XSS_TEXT_PAYLOADS, XSS_URL_PAYLOADS, xssRan } from '../helpers/xss-payloads.js';
import { runBaseSuite } from './helpers/base-suite.js';
import { mountWidget, settled, unmountAll, type Mounted } from './helpers/mount.js';

const OTHER_ID = fixtureId(77);
/** The link the card counts before a share exists (see estimatedTrackedUrl). */
const ESTIMATED_URL = new URL('/r/0123456789', FAKE_API_URL).href;

runBaseSuite({
  tag: 'adv-share-card',
  credential: 'token',
  template: (id) => html`<adv-share-card content-id=${id}></adv-share-card>`,
  ready: { 'GET /v1/content/:id': (request) => ({ body: contentFixture({ id: request.path.split('/').at(-1)! }) }) },
  empty: { 'GET /v1/content/:id': { body: contentFixture({ status: 'archived' }) } },
  failing: ['GET /v1/content/:id'],
  key: { attribute: 'content-id', values: [CONTENT_ID, OTHER_ID], seenIn: (request) => request.path === `/v1/content/${OTHER_ID}` },
});

// --- browser APIs the card calls, replaced for a test and put back after ---

let opened: unknown[][] = [];
const realOpen = window.open;
let copied: string[] = [];

function stubWindowOpen(): void {
  opened = [];
  window.open = ((...args: unknown[]) => {
    opened.push(args);
    return null;
  }) as typeof window.open;
}

function stubClipboard(writeText: (text: string) => Promise<void> = async () => undefined): void {
  copied = [];
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: {
      writeText: (text: string) => {
        copied.push(text);
        return writeText(text);
      },
    },
  });
}

function restoreBrowserApis(): void {
  window.open = realOpen;
  for (const name of ['clipboard', 'canShare', 'share']) delete (navigator as unknown as Record<string, unknown>)[name];
}

// --- helpers ---

function sharesRoute(answer?: (network: Network) => FakeAnswer | Promise<FakeAnswer>): FakeRoutes {
  return {
    'POST /v1/shares': (request) => {
      const network = (request.body as { network: Network }).network;
      return answer ? answer(network) : { status: 201, body: shareFixture(network) };
    },
  };
}

async function mountCard(content: Content = contentFixture(), routes: FakeRoutes = sharesRoute(), options: { lang?: string; networks?: string } = {}) {
  const api = new FakeApi({ 'GET /v1/content/:id': { body: content }, ...routes });
  const mounted = await mountWidget<AdvShareCard>(
    api.client(),
    html`<adv-share-card content-id=${content.id} networks=${options.networks ?? 'linkedin x facebook bluesky mastodon whatsapp email'}></adv-share-card>`,
    options,
  );
  await mounted.next('adv-load');
  await settled(mounted.widget);
  return { api, ...mounted };
}

const $ = <E extends Element = HTMLElement>(mounted: Mounted<HTMLElement>, selector: string): E => {
  const element = mounted.shadow.querySelector<E>(selector);
  expect(element, selector).not.to.equal(null);
  return element!;
};
const textOf = (mounted: Mounted<HTMLElement>, selector: string) => $(mounted, selector).textContent!.replace(/\s+/g, ' ').trim();
const shareButton = (mounted: Mounted<HTMLElement>) => $<HTMLButtonElement>(mounted, 'button[part~="share"]');
const button = (mounted: Mounted<HTMLElement>, label: string) =>
  [...mounted.shadow.querySelectorAll<HTMLButtonElement>('button')].find((candidate) => candidate.textContent!.trim() === label)!;

async function choose(mounted: Mounted<AdvShareCard>, network: Network): Promise<void> {
  $<HTMLInputElement>(mounted, `input[type="radio"][value="${network}"]`).click();
  await settled(mounted.widget);
}

async function type(mounted: Mounted<AdvShareCard>, text: string): Promise<void> {
  const box = $<HTMLTextAreaElement>(mounted, 'textarea#text');
  box.value = text;
  box.dispatchEvent(new Event('input', { bubbles: true }));
  await settled(mounted.widget);
}

const shareEvents = (mounted: Mounted<HTMLElement>) => mounted.events.filter((event): event is AdvShareEvent => event.type === 'adv-share');

describe('<adv-share-card>', () => {
  beforeEach(() => {
    stubWindowOpen();
    stubClipboard();
    localStorage.removeItem(MASTODON_INSTANCE_KEY);
  });
  afterEach(() => {
    unmountAll();
    restoreBrowserApis();
    localStorage.removeItem(MASTODON_INSTANCE_KEY);
  });

  it('shows the preview, the suggestion for the chosen network, and the disclosure outside the editable text', async () => {
    const mounted = await mountCard();
    expect(textOf(mounted, 'h3')).to.equal('We are hiring engineers in Lyon');
    expect($<HTMLAnchorElement>(mounted, 'h3 a').href).to.equal('https://acme.example/careers/lyon');
    expect(textOf(mounted, '.summary')).to.contain('eight open roles');
    const image = $<HTMLImageElement>(mounted, 'img[part~="image"]');
    expect(image.getAttribute('src')).to.equal(CONTENT_IMAGE_URL);
    expect(image.loading).to.equal('lazy');
    expect(image.getAttribute('width')).to.equal('1200');
    expect(image.getAttribute('height')).to.equal('628');
    const box = $<HTMLTextAreaElement>(mounted, 'textarea#text');
    expect(box.value).to.equal('My team is hiring in Lyon: come build with us!');
    expect(box.value).not.to.contain('I work at Acme.');
    expect(textOf(mounted, '[part~="disclosure"]')).to.contain('I work at Acme.');
    expect(box.getAttribute('aria-describedby')!.split(' ')).to.include.members(['count', 'disclosure']);
    expect(textOf(mounted, 'label[for="text"]')).to.equal('Your post for LinkedIn');
    expect(textOf(mounted, 'legend')).to.equal('Share on');
    const networks = [...mounted.shadow.querySelectorAll<HTMLInputElement>('input[type="radio"]')].map((radio) => radio.value);
    expect(networks).to.deep.equal(['linkedin', 'x', 'facebook', 'bluesky', 'mastodon', 'whatsapp', 'email']);
    await expect(mounted.widget).to.be.accessible();
  });

  it('takes a `networks` list separated by spaces or commas, drops unknown names and repeats', async () => {
    const mounted = await mountCard(contentFixture(), sharesRoute(), { networks: 'x, bluesky,myspace x' });
    const networks = [...mounted.shadow.querySelectorAll<HTMLInputElement>('input[type="radio"]')].map((radio) => radio.value);
    expect(networks).to.deep.equal(['x', 'bluesky']);
    expect(shareButton(mounted).textContent!.trim()).to.equal('Share on X');
    expect($<HTMLTextAreaElement>(mounted, 'textarea#text').value).to.equal('We are hiring engineers in Lyon 🚀');
  });

  it('uses the `.content` property without fetching', async () => {
    const api = new FakeApi(sharesRoute());
    const mounted = await mountWidget<AdvShareCard>(api.client(), html`<adv-share-card .content=${contentFixture()}></adv-share-card>`);
    await mounted.next('adv-load');
    await settled(mounted.widget);
    expect(textOf(mounted, 'h3')).to.equal('We are hiring engineers in Lyon');
    expect(api.requestsTo('GET /v1/content/:id')).to.have.length(0);
  });

  it('LinkedIn: copies the text with the disclosure first, says so, creates the share and opens the intent URL with noopener', async () => {
    const mounted = await mountCard();
    const postsWhenCopied: number[] = [];
    stubClipboard(async () => {
      postsWhenCopied.push(mounted.api.requestsTo('POST /v1/shares').length);
    });
    await type(mounted, 'Proud of my team — we are hiring in Lyon!');
    shareButton(mounted).click();
    const event = (await mounted.next('adv-share')) as AdvShareEvent;
    await settled(mounted.widget);

    expect(copied).to.deep.equal(['Proud of my team — we are hiring in Lyon!\n\nI work at Acme.']);
    expect(postsWhenCopied, 'copied before the share was created').to.deep.equal([0]);
    const [request] = mounted.api.requestsTo('POST /v1/shares');
    expect(request!.body).to.deep.equal({ contentId: CONTENT_ID, network: 'linkedin', text: 'Proud of my team — we are hiring in Lyon!', locale: 'en' });
    expect(event.detail.contentId).to.equal(CONTENT_ID);
    expect(event.detail.network).to.equal('linkedin');
    expect(event.detail.share.intentUrl).to.equal(LINKEDIN_INTENT);
    expect(event.bubbles && event.composed).to.equal(true);
    expect(opened).to.deep.equal([[LINKEDIN_INTENT, '_blank', 'noopener,noreferrer']]);
    await waitUntil(() => textOf(mounted, '[part~="notice"]') !== '');
    const notice = $(mounted, '[part~="notice"]');
    expect(notice.getAttribute('role')).to.equal('status');
    expect(notice.textContent).to.equal('Text copied — paste it into your LinkedIn post.');
    const link = $<HTMLAnchorElement>(mounted, '.opened a');
    expect(link.href).to.equal(LINKEDIN_INTENT);
    expect(link.textContent).to.equal('Open LinkedIn');
    expect(link.rel).to.equal('noopener noreferrer');
    expect(link.target).to.equal('_blank');
    await expect(mounted.widget).to.be.accessible();
  });

  it('Facebook also drops prefilled text: the text is copied first', async () => {
    const mounted = await mountCard();
    await choose(mounted, 'facebook');
    shareButton(mounted).click();
    await mounted.next('adv-share');
    await waitUntil(() => textOf(mounted, '[part~="notice"]') !== '');
    expect(copied).to.deep.equal(['We are hiring engineers in Lyon\n\nI work at Acme.']);
    expect(textOf(mounted, '[part~="notice"]')).to.equal('Text copied — paste it into your Facebook post.');
  });

  it('X: does not copy (the text travels in the intent URL) and opens the X intent', async () => {
    const mounted = await mountCard();
    await choose(mounted, 'x');
    expect(textOf(mounted, 'label[for="text"]')).to.equal('Your post for X');
    shareButton(mounted).click();
    const event = (await mounted.next('adv-share')) as AdvShareEvent;
    expect(event.detail.network).to.equal('x');
    expect(copied).to.deep.equal([]);
    expect(opened).to.deep.equal([[shareFixture('x').intentUrl, '_blank', 'noopener,noreferrer']]);
    expect((mounted.api.requestsTo('POST /v1/shares')[0]!.body as { text: string }).text).to.equal('We are hiring engineers in Lyon 🚀');
    await settled(mounted.widget);
    expect(textOf(mounted, '[part~="notice"]')).to.equal('Almost done: finish your post on X.');
    expect($<HTMLAnchorElement>(mounted, '.opened a').textContent).to.equal('Open X');
  });

  for (const [lang, sentence] of [
    ['en', 'Clicks from your own device, or from your own network the same day, do not count: your own test click will not show.'],
    ['fr', 'Les clics depuis votre appareil, ou depuis votre réseau le même jour, ne comptent pas : votre propre clic de test n’apparaîtra pas.'],
  ] as const) {
    it(`after sharing, says that one's own clicks do not count, and not before (${lang})`, async () => {
      const mounted = await mountCard(contentFixture(), sharesRoute(), { lang });
      await choose(mounted, 'x');
      expect(mounted.shadow.querySelector('[part~="own-clicks"]'), 'nothing said before sharing').to.equal(null);
      shareButton(mounted).click();
      await mounted.next('adv-share');
      await settled(mounted.widget);
      expect(textOf(mounted, '[part~="own-clicks"]')).to.equal(sentence);
      await expect(mounted.widget).to.be.accessible();
      // Another network has not been shared yet: nothing to say there.
      await choose(mounted, 'bluesky');
      expect(mounted.shadow.querySelector('[part~="own-clicks"]')).to.equal(null);
    });
  }

  it('over the limit: says by how much in words, colours the count, and disables that network’s button with the reason', async () => {
    const mounted = await mountCard();
    await choose(mounted, 'x');
    const text = 'a'.repeat(280);
    await type(mounted, text);
    const check = checkPost('x', { text, disclosure: 'I work at Acme.', url: ESTIMATED_URL });
    expect(check.over).to.equal(true);
    const over = -check.remaining;
    expect(textOf(mounted, '[part~="count"]')).to.equal(`${over} characters over the limit for X`);
    expect($(mounted, '[part~="count"]').classList.contains('over')).to.equal(true);
    expect($(mounted, 'textarea#text').getAttribute('aria-invalid')).to.equal('true');
    const share = shareButton(mounted);
    expect(share.getAttribute('aria-disabled')).to.equal('true');
    expect(share.getAttribute('aria-describedby')).to.equal('count');
    expect($(mounted, '[aria-live="polite"]').textContent).to.equal(`${over} characters over the limit for X`);
    share.click();
    await settled(mounted.widget);
    expect(mounted.api.requestsTo('POST /v1/shares')).to.have.length(0);
    expect(opened).to.have.length(0);
    await expect(mounted.widget).to.be.accessible();

    // LinkedIn's limit is far higher: the same words fit there.
    await choose(mounted, 'linkedin');
    expect(shareButton(mounted).getAttribute('aria-disabled')).to.equal('false');
    // Back on X and under the limit: the button works again and the change is announced.
    await choose(mounted, 'x');
    await type(mounted, 'Short and sweet.');
    expect(shareButton(mounted).getAttribute('aria-disabled')).to.equal('false');
    expect($(mounted, '[aria-live="polite"]').textContent).to.equal('Your post fits X again');
  });

  it('warns a little before the limit, in words', async () => {
    const mounted = await mountCard();
    await choose(mounted, 'x');
    const base = checkPost('x', { text: '', disclosure: 'I work at Acme.', url: ESTIMATED_URL }).length;
    // "\n\n" joins the text to the disclosure: 2 more characters.
    await type(mounted, 'b'.repeat(280 - base - 2 - 5));
    expect(textOf(mounted, '[part~="count"]')).to.equal('5 characters left for X');
    expect($(mounted, '[aria-live="polite"]').textContent).to.equal('5 characters left for X');
  });

  describe('counts tricky texts as each network does', () => {
    const texts = ['Family 👩‍👩‍👧 day', '日本語のテキストです', 'Read https://acme.example/a/very/long/path/to/an/article?with=query now', 'Cafe\u0301 cre\u0300me', '🇫🇷 🏳️‍🌈 👍🏽'];
    for (const network of ['x', 'bluesky'] as const) {
      for (const text of texts) {
        it(`${network}: ${JSON.stringify(text)}`, async () => {
          const mounted = await mountCard();
          await choose(mounted, network);
          await type(mounted, text);
          const check = checkPost(network, { text, disclosure: 'I work at Acme.', url: ESTIMATED_URL });
          const limit = network === 'x' ? 280 : 300;
          expect(check.limit).to.equal(limit);
          expect(textOf(mounted, '[part~="count"]')).to.equal(`${check.length} of ${limit} characters`);
        });
      }
    }

    it('shows each network’s own limit: LinkedIn 3,000, Mastodon 500, Threads 500', async () => {
      const mounted = await mountCard(contentFixture(), sharesRoute(), { networks: 'linkedin mastodon threads' });
      for (const [network, limit] of [['linkedin', '3,000'], ['mastodon', '500'], ['threads', '500']] as const) {
        await choose(mounted, network);
        const text = $<HTMLTextAreaElement>(mounted, 'textarea#text').value;
        const { length } = checkPost(network, { text, disclosure: 'I work at Acme.', url: ESTIMATED_URL });
        expect(textOf(mounted, '[part~="count"]')).to.equal(`${length} of ${limit} characters`);
      }
    });

    it('the SDK figures behind them: X weights CJK and emoji 2, URLs 23, NFC first; Bluesky counts graphemes', () => {
      expect(textLength('x', '👩‍👩‍👧')).to.equal(2);
      expect(textLength('x', '日本語')).to.equal(6);
      expect(textLength('x', 'https://acme.example/a/very/long/path')).to.equal(23);
      expect(textLength('x', 'e\u0301')).to.equal(1);
      expect(textLength('bluesky', '👩‍👩‍👧')).to.equal(1);
      expect(textLength('bluesky', '日本語')).to.equal(3);
      expect(textLength('bluesky', 'e\u0301')).to.equal(1);
    });
  });

  it('nudges the employee to make the text their own until they edit it', async () => {
    const mounted = await mountCard();
    expect(textOf(mounted, '.nudge')).to.contain('your own words');
    expect($(mounted, 'textarea#text').getAttribute('aria-describedby')).to.contain('nudge');
    await type(mounted, 'My own words about Lyon.');
    expect(mounted.shadow.querySelector('.nudge')).to.equal(null);
    // Each network keeps its own draft.
    await choose(mounted, 'x');
    expect(mounted.shadow.querySelector('.nudge')).not.to.equal(null);
    await choose(mounted, 'linkedin');
    expect($<HTMLTextAreaElement>(mounted, 'textarea#text').value).to.equal('My own words about Lyon.');
  });

  it('a double click creates one share', async () => {
    let answer: (value: FakeAnswer) => void = () => undefined;
    const mounted = await mountCard(contentFixture(), sharesRoute(() => new Promise<FakeAnswer>((resolve) => (answer = resolve))));
    await choose(mounted, 'x');
    shareButton(mounted).click();
    shareButton(mounted).click();
    await settled(mounted.widget);
    expect(shareButton(mounted).getAttribute('aria-disabled')).to.equal('true');
    expect(shareButton(mounted).textContent!.trim()).to.equal('Sharing…');
    shareButton(mounted).click();
    answer({ status: 201, body: shareFixture('x') });
    await mounted.next('adv-share');
    await settled(mounted.widget);
    expect(mounted.api.requestsTo('POST /v1/shares')).to.have.length(1);
    expect(opened).to.have.length(1);
    expect(shareButton(mounted).getAttribute('aria-disabled')).to.equal('false');
  });

  it('a failed share shows an alert and emits adv-error; the card stays usable and the text is kept', async () => {
    const mounted = await mountCard(contentFixture(), { 'POST /v1/shares': problem(503, 'Unavailable') });
    await choose(mounted, 'x');
    await type(mounted, 'Kept text');
    shareButton(mounted).click();
    const error = (await mounted.next('adv-error')) as AdvErrorEvent;
    expect(error.detail.error.name).to.equal('AdvHttpError');
    await settled(mounted.widget);
    expect(textOf(mounted, '[role="alert"]')).to.contain('Sharing did not work');
    expect(opened).to.have.length(0);
    expect(shareEvents(mounted)).to.have.length(0);
    expect($<HTMLTextAreaElement>(mounted, 'textarea#text').value).to.equal('Kept text');
    await expect(mounted.widget).to.be.accessible();

    mounted.api.set(sharesRoute());
    shareButton(mounted).click();
    await mounted.next('adv-share');
    await settled(mounted.widget);
    expect(mounted.shadow.querySelector('[role="alert"]')).to.equal(null);
    expect(opened).to.have.length(1);
  });

  it('says the service cannot be reached when the network fails', async () => {
    const noAnswer = () => Promise.reject(new TypeError('Failed to fetch'));
    // Nothing answers, not even the SDK's reachability probe (GET /healthz).
    const mounted = await mountCard(contentFixture(), { 'POST /v1/shares': noAnswer, 'GET /healthz': noAnswer });
    await choose(mounted, 'x');
    shareButton(mounted).click();
    await mounted.next('adv-error');
    await settled(mounted.widget);
    expect(textOf(mounted, '[role="alert"]')).to.contain(`The service at ${FAKE_API_URL.replace(/\/$/, '')} could not be reached.`);
  });

  it('Mastodon: asks for the server, validates it, remembers it and sends it', async () => {
    const mounted = await mountCard();
    expect(mounted.shadow.querySelector('#instance')).to.equal(null);
    await choose(mounted, 'mastodon');
    const input = $<HTMLInputElement>(mounted, '#instance');
    expect(textOf(mounted, 'label[for="instance"]')).to.equal('Your Mastodon server');
    shareButton(mounted).click();
    await settled(mounted.widget);
    expect(mounted.api.requestsTo('POST /v1/shares')).to.have.length(0);
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(mounted.shadow.activeElement).to.equal(input);
    expect(textOf(mounted, '#instance-hint')).to.equal('Enter a server name such as mastodon.social.');
    await expect(mounted.widget).to.be.accessible();

    input.value = 'https://Mastodon.Social/';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await settled(mounted.widget);
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    shareButton(mounted).click();
    await mounted.next('adv-share');
    expect((mounted.api.requestsTo('POST /v1/shares')[0]!.body as { mastodonInstance: string }).mastodonInstance).to.equal('mastodon.social');
    expect(localStorage.getItem(MASTODON_INSTANCE_KEY)).to.equal('mastodon.social');
    expect(opened[0]).to.deep.equal(['https://mastodon.social/share?text=Hi', '_blank', 'noopener,noreferrer']);
  });

  it('Mastodon: a remembered server is filled in', async () => {
    localStorage.setItem(MASTODON_INSTANCE_KEY, 'fosstodon.org');
    const mounted = await mountCard();
    await choose(mounted, 'mastodon');
    expect($<HTMLInputElement>(mounted, '#instance').value).to.equal('fosstodon.org');
  });

  it('when the clipboard refuses, shows the text selected for a manual copy and still shares', async () => {
    const mounted = await mountCard();
    stubClipboard(() => Promise.reject(new DOMException('Denied', 'NotAllowedError')));
    shareButton(mounted).click();
    await mounted.next('adv-share');
    await settled(mounted.widget);
    const manual = $<HTMLTextAreaElement>(mounted, 'textarea.manual');
    const expected = 'My team is hiring in Lyon: come build with us!\n\nI work at Acme.';
    expect(manual.value).to.equal(expected);
    expect(manual.readOnly).to.equal(true);
    expect(mounted.shadow.activeElement).to.equal(manual);
    expect([manual.selectionStart, manual.selectionEnd]).to.deep.equal([0, expected.length]);
    expect(textOf(mounted, '[part~="notice"]')).to.equal('');
    expect(opened).to.have.length(1);
    await expect(mounted.widget).to.be.accessible();
  });

  it('with no clipboard at all (insecure page), falls back the same way', async () => {
    const mounted = await mountCard();
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: undefined });
    button(mounted, 'Copy text').click();
    await waitUntil(() => mounted.shadow.querySelector('textarea.manual'));
    expect(mounted.shadow.querySelector<HTMLTextAreaElement>('textarea.manual')!.value).to.contain('I work at Acme.');
  });

  it('copies the text, and the tracked link (creating the share once)', async () => {
    const mounted = await mountCard();
    button(mounted, 'Copy text').click();
    await waitUntil(() => textOf(mounted, '[part~="notice"]') === 'Text copied.');
    expect(copied).to.deep.equal(['My team is hiring in Lyon: come build with us!\n\nI work at Acme.']);
    expect(mounted.api.requestsTo('POST /v1/shares')).to.have.length(0);

    button(mounted, 'Copy link').click();
    await waitUntil(() => textOf(mounted, '[part~="notice"]') === 'Your link is copied.');
    expect(copied.at(-1)).to.equal('https://api.example.test/r/ab12cd34ef');
    button(mounted, 'Copy link').click();
    await waitUntil(() => copied.length === 3);
    expect(mounted.api.requestsTo('POST /v1/shares')).to.have.length(1);
    expect(shareEvents(mounted)).to.have.length(1);
  });

  it('starts copying the link within the click, before the share exists (Safari refuses a clipboard write after an await)', async () => {
    let answer: (value: FakeAnswer) => void = () => undefined;
    const mounted = await mountCard(contentFixture(), sharesRoute(() => new Promise<FakeAnswer>((resolve) => (answer = resolve))));
    const written: ClipboardItem[] = [];
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { write: async (items: ClipboardItem[]) => void written.push(...items) } });
    button(mounted, 'Copy link').click();
    expect(written, 'the write is asked for in the click itself, before the share is answered').to.have.length(1);
    await waitUntil(() => mounted.api.requestsTo('POST /v1/shares').length === 1);
    answer({ status: 201, body: shareFixture('linkedin') });
    const blob = await written[0]!.getType('text/plain');
    expect(await blob.text()).to.equal('https://api.example.test/r/ab12cd34ef');
    await waitUntil(() => textOf(mounted, '[part~="notice"]') === 'Your link is copied.');
  });

  it('copies the link once known when the deferred write is refused', async () => {
    const mounted = await mountCard();
    copied = [];
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { write: async () => Promise.reject(new DOMException('Refused', 'NotAllowedError')), writeText: async (text: string) => void copied.push(text) },
    });
    button(mounted, 'Copy link').click();
    await waitUntil(() => textOf(mounted, '[part~="notice"]') === 'Your link is copied.');
    expect(copied).to.deep.equal(['https://api.example.test/r/ab12cd34ef']);
  });

  it('offers "Share…" only where the browser can share, and shares the tracked link with it', async () => {
    const withoutWebShare = await mountCard();
    expect(button(withoutWebShare, 'Share…')).to.equal(undefined);
    unmountAll();

    const shared: ShareData[] = [];
    Object.defineProperty(navigator, 'canShare', { configurable: true, value: () => true });
    Object.defineProperty(navigator, 'share', { configurable: true, value: async (data: ShareData) => void shared.push(data) });
    const mounted = await mountCard();
    button(mounted, 'Share…').click();
    await mounted.next('adv-share');
    await waitUntil(() => shared.length === 1);
    expect(shared[0]).to.deep.equal({
      title: 'We are hiring engineers in Lyon',
      text: 'My team is hiring in Lyon: come build with us!\n\nI work at Acme.',
      url: 'https://api.example.test/r/ab12cd34ef',
    });
  });

  it('email opens a mailto: intent', async () => {
    const mounted = await mountCard();
    await choose(mounted, 'email');
    expect(shareButton(mounted).textContent!.trim()).to.equal('Send by email');
    shareButton(mounted).click();
    await mounted.next('adv-share');
    expect(opened[0]![0]).to.equal('mailto:?subject=Hi&body=Hi');
  });

  it('opens nothing for an intent URL that is not https', async () => {
    const mounted = await mountCard(contentFixture(), sharesRoute((network) => ({ status: 201, body: shareFixture(network, { intentUrl: 'javascript:window.__xss=1' }) })));
    await choose(mounted, 'x');
    shareButton(mounted).click();
    await mounted.next('adv-share');
    await settled(mounted.widget);
    expect(opened).to.have.length(0);
    expect(mounted.shadow.querySelector('.opened')).to.equal(null);
  });

  it('speaks French', async () => {
    const mounted = await mountCard(contentFixture(), sharesRoute(), { lang: 'fr' });
    expect(shareButton(mounted).textContent!.trim()).to.equal('Partager sur LinkedIn');
    expect($<HTMLTextAreaElement>(mounted, 'textarea#text').value).to.equal('Mon équipe recrute à Lyon : venez construire avec nous !');
    expect(textOf(mounted, 'legend')).to.equal('Partager sur');
    await choose(mounted, 'bluesky');
    // No French suggestion for Bluesky: the content's own language.
    expect($<HTMLTextAreaElement>(mounted, 'textarea#text').value).to.equal('Hiring in Lyon, come and say hi.');
    await choose(mounted, 'facebook');
    // No suggestion at all: the title, as the API does.
    expect($<HTMLTextAreaElement>(mounted, 'textarea#text').value).to.equal('We are hiring engineers in Lyon');
  });

  it('says when the content can no longer be shared', async () => {
    const mounted = await mountCard(contentFixture({ expiresAt: '2020-01-01T00:00:00.000Z' }));
    expect(textOf(mounted, '[part~="empty"]')).to.equal('This content can no longer be shared.');
  });

  describe('XSS corpus', () => {
    afterEach(() => delete (window as unknown as { __xss?: unknown }).__xss);

    for (const payload of XSS_TEXT_PAYLOADS) {
      it(`renders ${JSON.stringify(payload)} as text in every text field`, async () => {
        const mounted = await mountCard(
          contentFixture({ title: payload, summary: payload, disclosure: payload, suggestedTexts: { linkedin: { en: payload } } }),
        );
        expect($(mounted, 'h3').textContent).to.equal(payload);
        expect($(mounted, '.summary').textContent).to.equal(payload);
        expect($<HTMLTextAreaElement>(mounted, 'textarea#text').value).to.equal(payload);
        expect($(mounted, '[part~="disclosure"]').textContent).to.contain(payload);
        expect(mounted.shadow.querySelectorAll('script, iframe, svg, details, style')).to.have.length(0);
        expect(mounted.shadow.querySelectorAll('img')).to.have.length(1);
        await new Promise((resolve) => setTimeout(resolve, 20));
        expect(xssRan()).to.equal(false);
      });
    }

    for (const payload of XSS_URL_PAYLOADS) {
      it(`gives no src or href for ${JSON.stringify(payload)}`, async () => {
        const mounted = await mountCard(contentFixture({ imageUrl: payload, url: payload }));
        expect(mounted.shadow.querySelector('img')).to.equal(null);
        expect(mounted.shadow.querySelector('a')).to.equal(null);
        expect(textOf(mounted, 'h3')).to.equal('We are hiring engineers in Lyon');
        expect(xssRan()).to.equal(false);
      });
    }
  });
});
