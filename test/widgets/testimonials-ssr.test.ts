// <adv-testimonials> starting from data the page already has (what
// @advocacy/widgets/ssr writes): ready at once, no request, no loading state;
// the API is asked only when a filter changes or on refresh(). The hydration
// of a real server-rendered page is tested end to end in test/e2e/careers.test.ts.
import { expect, waitUntil } from '@open-wc/testing';
import '@advocacy/widgets/define/adv-provider.js';
import '@advocacy/widgets/define/adv-testimonials.js';
import type { AdvProvider, AdvTestimonials } from '@advocacy/widgets';
import { FakeApi } from '../helpers/fake-api.js';
import { publicTestimonial, testimonialsPage } from '../helpers/fixtures/testimonials.js';
import { XSS_TEXT_PAYLOADS, xssRan } from '../helpers/xss-payloads.js';

const containers: HTMLElement[] = [];
afterEach(() => containers.splice(0).forEach((container) => container.remove()));

interface Mounted {
  widget: AdvTestimonials;
  /** aria-busy of the base part at every render, from the first. */
  busy: string[];
  events: Event[];
}

/** The widget in a provider, built with DOM calls (a JSON <script> child cannot come from a Lit binding). */
async function mount(api: FakeApi, build: (widget: AdvTestimonials) => void): Promise<Mounted> {
  const container = document.createElement('div');
  const events: Event[] = [];
  for (const type of ['adv-load', 'adv-error']) container.addEventListener(type, (event) => events.push(event));
  const provider = document.createElement('adv-provider') as AdvProvider;
  provider.client = api.client();
  const widget = document.createElement('adv-testimonials') as AdvTestimonials;
  build(widget);
  const busy: string[] = [];
  const hooks = widget as unknown as { updated: (changed: Map<PropertyKey, unknown>) => void };
  const original = hooks.updated.bind(widget);
  // Records every rendered state, so a loading state between two renders cannot hide.
  hooks.updated = (changed) => {
    busy.push(widget.shadowRoot?.querySelector('[part="base"]')?.getAttribute('aria-busy') ?? 'none');
    original(changed);
  };
  provider.append(widget);
  container.append(provider);
  document.body.append(container);
  containers.push(container);
  await widget.updateComplete;
  return { widget, busy, events };
}

function jsonChild(widget: HTMLElement, text: string): void {
  const script = document.createElement('script');
  script.type = 'application/json';
  script.textContent = text;
  widget.append(script);
}

const quotes = (widget: HTMLElement): string[] => [...widget.shadowRoot!.querySelectorAll('blockquote')].map((quote) => quote.textContent ?? '');
const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 50));

describe('<adv-testimonials> with server-rendered data', () => {
  it('starts ready from a <script type="application/json"> child: no request, never busy, adv-load once', async () => {
    const api = new FakeApi({ 'GET /v1/testimonials': { body: testimonialsPage(5) } });
    const page = testimonialsPage(3);
    const { widget, busy, events } = await mount(api, (element) => {
      element.setAttribute('team', 'Platform');
      jsonChild(element, JSON.stringify(page));
    });
    await tick();
    expect(quotes(widget)).to.deep.equal(page.items.map((item) => item.quote));
    expect(api.requestsTo('GET /v1/testimonials')).to.have.length(0);
    expect(busy.length).to.be.greaterThan(0);
    expect(busy.every((value) => value === 'false'), busy.join()).to.equal(true);
    expect(events.map((event) => event.type)).to.deep.equal(['adv-load']);
    await expect(widget).to.be.accessible();
  });

  /** The widget's own requests (in the reader's language), not its look-up of other languages once it has loaded. */
  const own = (api: FakeApi) => api.requestsTo('GET /v1/testimonials').filter((request) => request.query.has('locale'));

  it('asks the API when a filter changes, and on refresh()', async () => {
    const api = new FakeApi({ 'GET /v1/testimonials': { body: testimonialsPage(2) } });
    const { widget } = await mount(api, (element) => {
      element.setAttribute('team', 'Platform');
      jsonChild(element, JSON.stringify(testimonialsPage(4)));
    });
    widget.team = 'Design';
    await waitUntil(() => own(api).length === 1, 'the new filter is fetched');
    expect(own(api)[0]!.query.get('team')).to.equal('Design');
    await waitUntil(() => quotes(widget).length === 2, 'the new testimonials are shown');

    const second = new FakeApi({ 'GET /v1/testimonials': { body: testimonialsPage(1) } });
    const fresh = await mount(second, (element) => jsonChild(element, JSON.stringify(testimonialsPage(3))));
    await fresh.widget.refresh();
    expect(own(second)).to.have.length(1);
    await fresh.widget.updateComplete;
    expect(quotes(fresh.widget)).to.have.length(1);
  });

  it('takes the initialData property as well', async () => {
    const api = new FakeApi({ 'GET /v1/testimonials': { body: testimonialsPage(5) } });
    const page = testimonialsPage(2);
    const { widget } = await mount(api, (element) => {
      element.initialData = page;
    });
    await tick();
    expect(quotes(widget)).to.deep.equal(page.items.map((item) => item.quote));
    expect(api.requestsTo('GET /v1/testimonials')).to.have.length(0);
  });

  it('loads from the API when the JSON is broken or not testimonials', async () => {
    for (const text of ['{"items": [', '{"items": [{"quote": 1}], "nextCursor": null}', '[]', 'null']) {
      const api = new FakeApi({ 'GET /v1/testimonials': { body: testimonialsPage(2) } });
      const { widget } = await mount(api, (element) => jsonChild(element, text));
      await waitUntil(() => quotes(widget).length === 2, `loaded from the API after ${text}`);
      expect(own(api), text).to.have.length(1);
    }
  });

  it('renders hostile text from the JSON as text, and runs none of it', async () => {
    const api = new FakeApi({ 'GET /v1/testimonials': { body: testimonialsPage(0) } });
    const hostile = { items: XSS_TEXT_PAYLOADS.map((payload, index) => publicTestimonial(index, { quote: payload, authorName: payload })), nextCursor: null };
    const { widget } = await mount(api, (element) => jsonChild(element, JSON.stringify(hostile).replace(/</g, '\\u003c')));
    await tick();
    expect(quotes(widget)).to.deep.equal(XSS_TEXT_PAYLOADS);
    expect(widget.shadowRoot!.querySelector('script, iframe, svg[onload], img[onerror], details')).to.equal(null);
    expect(xssRan()).to.equal(false);
  });

  it('renders afresh over a declarative shadow root when the page has no hydration support', async () => {
    const api = new FakeApi({ 'GET /v1/testimonials': { body: testimonialsPage(5) } });
    const page = testimonialsPage(2);
    // What a server sends, parsed as the browser parses a page (declarative shadow root included).
    const parsed = Document.parseHTMLUnsafe(
      `<adv-testimonials><template shadowrootmode="open"><p id="server">From the server</p></template><script type="application/json">${JSON.stringify(page).replace(/</g, '\\u003c')}</script></adv-testimonials>`,
    );
    // A provider to move it into (its placeholder widget has data, so it asks nothing).
    const { widget } = await mount(api, (element) => {
      element.initialData = testimonialsPage(1);
    });
    const incoming = document.adoptNode(parsed.body.firstElementChild!) as AdvTestimonials;
    expect(incoming.shadowRoot?.querySelector('#server')).not.to.equal(null);
    widget.replaceWith(incoming);
    await waitUntil(() => incoming.shadowRoot?.querySelector('blockquote') !== null, 'rendered');
    await incoming.updateComplete;
    expect(incoming.shadowRoot!.querySelector('#server'), 'the server DOM is replaced, not duplicated').to.equal(null);
    expect(quotes(incoming)).to.deep.equal(page.items.map((item) => item.quote));
    expect(api.requestsTo('GET /v1/testimonials')).to.have.length(0);
  });
});
