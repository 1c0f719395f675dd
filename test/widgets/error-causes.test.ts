// Errors that say what is wrong and how to fix it (issue 13): the API's
// problem detail on screen and in adv-error, one console warning per cause
// for the page's developer, and a request that got no answer told apart as
// offline, blocked (CORS) or unreachable, with real requests where Chromium
// can make them.
import { html } from 'lit';
import { expect } from '@open-wc/testing';
import { AdvHttpError, AdvNetworkError, createClient } from '@advocacy/sdk';
import type { AdvErrorEvent } from '@advocacy/widgets';
import '@advocacy/widgets/define/adv-leaderboard.js';
import '@advocacy/widgets/define/adv-program-stats.js';
import '@advocacy/widgets/define/adv-share-feed.js';
import { FAKE_API_URL, FakeApi, problem, type FakeAnswer } from '../helpers/fake-api.js';
import { mountWidget, settled, unmountAll, type Mounted } from './helpers/mount.js';

const ORIGIN = location.origin;

function originRefused(detail: string): FakeAnswer {
  return {
    status: 403,
    body: { type: 'https://advocacy.example/problems/origin-not-allowed', title: 'Forbidden', status: 403, detail },
    headers: { 'content-type': 'application/problem+json' },
  };
}

/** Collects the kit's console warnings (those naming a widget) while a test runs. */
function watchWarnings(): { readonly warnings: string[]; restore(): void } {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => {
    const [first] = args;
    if (typeof first === 'string' && first.startsWith('<adv-')) warnings.push(first);
    else original(...args);
  };
  return { warnings, restore: () => (console.warn = original) };
}

/** Every adv-error the widgets emitted, once `count` of them have. */
async function errors(mounted: Mounted<HTMLElement>, count: number): Promise<Error[]> {
  const found: Error[] = [];
  for (let i = 0; i < count; i++) found.push(((await mounted.next('adv-error')) as AdvErrorEvent).detail.error);
  return found;
}

const alertText = async (widget: Element): Promise<string> => {
  await settled(widget as HTMLElement);
  return widget.shadowRoot!.querySelector('[part~="error"][role="alert"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
};

describe('error causes', () => {
  let console_: ReturnType<typeof watchWarnings>;
  beforeEach(() => {
    console_ = watchWarnings();
  });
  afterEach(() => {
    console_.restore();
    unmountAll();
  });

  describe("the API's problem", () => {
    it('origin-not-allowed: every widget shows the detail and emits it in adv-error; the console gets one warning naming a tag', async () => {
      const detail = `This page (${ORIGIN}) is not allowed to use this key. An admin can allow it with \`advocacy-admin origins add ${ORIGIN}\`.`;
      const refused = originRefused(detail);
      const api = new FakeApi({ 'GET /v1/leaderboard': refused, 'GET /v1/content': refused, 'GET /v1/stats': refused });
      const mounted = await mountWidget(
        api.client(),
        html`<adv-leaderboard></adv-leaderboard><adv-leaderboard period="week"></adv-leaderboard><adv-share-feed></adv-share-feed><adv-program-stats></adv-program-stats>`,
      );
      const emitted = await errors(mounted, 4);
      for (const error of emitted) {
        expect(error).to.be.instanceOf(AdvHttpError);
        expect((error as AdvHttpError).problem.detail).to.equal(detail);
      }
      for (const widget of mounted.widget.parentElement!.children) {
        const text = await alertText(widget);
        expect(text, widget.localName).to.contain('This page is not allowed to use the service.');
        expect(text, widget.localName).to.contain(detail);
      }
      expect(console_.warnings).to.have.length(1);
      expect(console_.warnings[0]).to.match(/^<adv-(leaderboard|share-feed|program-stats)>: /);
      expect(console_.warnings[0]!.endsWith(`>: ${detail}`)).to.equal(true);
    });

    it('warns once per distinct cause, not once per page', async () => {
      const first = new FakeApi({ 'GET /v1/leaderboard': originRefused('Refused for reason A.') });
      await errors(await mountWidget(first.client(), html`<adv-leaderboard></adv-leaderboard>`), 1);
      const second = new FakeApi({ 'GET /v1/leaderboard': originRefused('Refused for reason B.') });
      await errors(await mountWidget(second.client(), html`<adv-leaderboard></adv-leaderboard><adv-leaderboard period="week"></adv-leaderboard>`), 2);
      expect(console_.warnings).to.deep.equal(['<adv-leaderboard>: Refused for reason A.', '<adv-leaderboard>: Refused for reason B.']);
    });

    it('in French: the message is translated, the API’s detail kept as it came', async () => {
      const api = new FakeApi({ 'GET /v1/leaderboard': originRefused('Refused from the French page.') });
      const mounted = await mountWidget(api.client(), html`<adv-leaderboard></adv-leaderboard>`, { lang: 'fr' });
      await errors(mounted, 1);
      const text = await alertText(mounted.widget);
      expect(text).to.contain('Cette page n’est pas autorisée à utiliser le service.');
      expect(text).to.contain('Refused from the French page.');
      await expect(mounted.widget).to.be.accessible();
    });

    for (const status of [400, 401, 404, 409, 500, 503]) {
      it(`shows the detail of a ${status}, and warns nobody`, async () => {
        const detail = `Detail of the ${status}, with what to do.`;
        const api = new FakeApi({ 'GET /v1/leaderboard': problem(status, 'Problem', detail) });
        const mounted = await mountWidget(api.client(), html`<adv-leaderboard></adv-leaderboard>`);
        await errors(mounted, 1);
        expect(await alertText(mounted.widget)).to.contain(detail);
        expect(console_.warnings).to.deep.equal([]);
      });
    }
  });

  describe('no answer at all', () => {
    it('offline (navigator.onLine is false): says so, probes nothing, warns nobody', async () => {
      const noAnswer = () => Promise.reject(new TypeError('Failed to fetch'));
      const api = new FakeApi({ 'GET /v1/leaderboard': noAnswer, 'GET /healthz': { body: { status: 'ok' } } });
      Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
      try {
        const mounted = await mountWidget(api.client(), html`<adv-leaderboard></adv-leaderboard>`);
        const [error] = await errors(mounted, 1);
        expect(error).to.be.instanceOf(AdvNetworkError);
        expect((error as AdvNetworkError).reason).to.equal('offline');
        expect(await alertText(mounted.widget)).to.contain('You are offline. Check your connection, then try again.');
        await expect(mounted.widget).to.be.accessible();
      } finally {
        delete (navigator as { onLine?: boolean }).onLine; // the prototype's getter again
      }
      expect(navigator.onLine).to.equal(true);
      expect(api.requestsTo('GET /healthz')).to.deep.equal([]);
      expect(console_.warnings).to.deep.equal([]);
    });

    it('blocked: a real cross-origin request to a server that answers without CORS headers', async () => {
      // The test server itself under its other loopback name: another origin, and it sends no CORS headers.
      const otherHost = location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
      const apiUrl = `${location.protocol}//${otherHost}:${location.port}/__advocacy-no-cors/`;
      const client = createClient({ baseUrl: apiUrl, getToken: () => 'employee-token', retry: false });
      const mounted = await mountWidget(client, html`<adv-leaderboard></adv-leaderboard>`);
      const [error] = await errors(mounted, 1);
      expect(error).to.be.instanceOf(AdvNetworkError);
      expect((error as AdvNetworkError).reason).to.equal('blocked');
      expect(await alertText(mounted.widget)).to.contain(
        `The service refused this page (${ORIGIN}). An admin can allow it with: advocacy-admin origins add ${ORIGIN}`,
      );
      await expect(mounted.widget).to.be.accessible();
      expect(console_.warnings).to.have.length(1);
      expect(console_.warnings[0]).to.contain(`<adv-leaderboard>: ${apiUrl.replace(/\/$/, '')} answers, but the browser blocked this request`);
      expect(console_.warnings[0]).to.contain(`advocacy-admin origins add ${ORIGIN}`);
    });

    it('unreachable: a real request to a closed port', async () => {
      // Nothing listens on port 47 of the loopback (and Chromium does not refuse that port itself).
      const client = createClient({ baseUrl: 'http://127.0.0.1:47/', getToken: () => 'employee-token', retry: false });
      const mounted = await mountWidget(client, html`<adv-leaderboard></adv-leaderboard>`);
      const [error] = await errors(mounted, 1);
      expect(error).to.be.instanceOf(AdvNetworkError);
      expect((error as AdvNetworkError).reason).to.equal('unreachable');
      expect(await alertText(mounted.widget)).to.contain('The service at http://127.0.0.1:47 could not be reached. Try again later.');
      await expect(mounted.widget).to.be.accessible();
      expect(console_.warnings).to.deep.equal(['<adv-leaderboard>: The service at http://127.0.0.1:47 could not be reached.']);
    });

    it('unreachable, in French', async () => {
      const noAnswer = () => Promise.reject(new TypeError('Failed to fetch'));
      const api = new FakeApi({ 'GET /v1/leaderboard': noAnswer, 'GET /healthz': noAnswer });
      const mounted = await mountWidget(api.client(), html`<adv-leaderboard></adv-leaderboard>`, { lang: 'fr' });
      await errors(mounted, 1);
      expect(await alertText(mounted.widget)).to.contain(`Le service ${FAKE_API_URL.replace(/\/$/, '')} est injoignable. Réessayez plus tard.`);
      await expect(mounted.widget).to.be.accessible();
    });

    it('timeout: says the service took too long', async () => {
      const api = new FakeApi({ 'GET /v1/leaderboard': () => new Promise<FakeAnswer>(() => undefined) });
      const mounted = await mountWidget(api.client({ timeoutMs: 50 }), html`<adv-leaderboard></adv-leaderboard>`);
      const [error] = await errors(mounted, 1);
      expect((error as AdvNetworkError).reason).to.equal('timeout');
      expect(await alertText(mounted.widget)).to.contain('The service took too long to answer. Try again.');
    });
  });
});
