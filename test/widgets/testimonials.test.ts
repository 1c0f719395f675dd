// <adv-testimonials>: grid and list layouts, filters, safe rendering of hostile data.
import { html } from 'lit';
import { expect, waitUntil } from '@open-wc/testing';
import '@advocacy/widgets/define/adv-testimonials.js';
import type { AdvTestimonials } from '@advocacy/widgets';
import { FakeApi } from '../helpers/fake-api.js';
import { publicTestimonial, testimonialsPage } from '../helpers/fixtures/testimonials.js';
import { XSS_TEXT_PAYLOADS, XSS_URL_PAYLOADS, xssRan } from '../helpers/xss-payloads.js';
import { runBaseSuite } from './helpers/base-suite.js';
import { mountWidget, settled, unmountAll } from './helpers/mount.js';

runBaseSuite({
  tag: 'adv-testimonials',
  credential: 'key',
  template: (team) => html`<adv-testimonials team=${team}></adv-testimonials>`,
  ready: { 'GET /v1/testimonials': { body: testimonialsPage(3) } },
  empty: { 'GET /v1/testimonials': { body: testimonialsPage(0) } },
  failing: ['GET /v1/testimonials'],
  key: { attribute: 'team', values: ['Platform', 'Design'], seenIn: (request) => request.query.get('team') === 'Design' },
});

async function mountReady(template: ReturnType<typeof html>, body: unknown = testimonialsPage(3), lang?: string) {
  const api = new FakeApi({ 'GET /v1/testimonials': { body } });
  const mounted = await mountWidget<AdvTestimonials>(api.client(), template, lang ? { lang } : {});
  await mounted.next('adv-load');
  await settled(mounted.widget);
  return { api, ...mounted };
}

describe('<adv-testimonials>', () => {
  afterEach(unmountAll);

  it('shows each testimonial as a figure: quote, name, role, team and location', async () => {
    const { shadow, widget } = await mountReady(html`<adv-testimonials></adv-testimonials>`);
    const figures = [...shadow.querySelectorAll('[part="list"] > li > figure')];
    expect(figures).to.have.length(3);
    const first = figures[0]!;
    expect(first.querySelector('blockquote')!.textContent).to.equal(publicTestimonial(0).quote);
    const caption = first.querySelector('figcaption')!.textContent!;
    for (const part of ['Amina Diallo', 'Site reliability engineer', 'Platform', 'Lyon']) expect(caption).to.contain(part);
    expect(first.getAttribute('lang')).to.equal('en');
    expect(shadow.querySelector('[part="list"]')!.getAttribute('role')).to.equal('list');
    expect(getComputedStyle(shadow.querySelector('[part="list"]')!).display).to.equal('grid');
    await expect(widget).to.be.accessible();
  });

  it('lays out a grid of several columns when wide, and one column as a list', async () => {
    const grid = await mountReady(html`<adv-testimonials style="inline-size: 960px"></adv-testimonials>`);
    const columns = (element: Element) => getComputedStyle(element).gridTemplateColumns.split(' ').length;
    expect(columns(grid.shadow.querySelector('[part="list"]')!)).to.be.greaterThan(1);
    const list = await mountReady(html`<adv-testimonials layout="list" style="inline-size: 960px"></adv-testimonials>`);
    expect(columns(list.shadow.querySelector('[part="list"]')!)).to.equal(1);
    expect(list.shadow.querySelectorAll('figure')).to.have.length(3);
  });

  it('sends team, location, locale, tag and limit as query parameters', async () => {
    const { api } = await mountReady(
      html`<adv-testimonials team="Platform" location="Lyon" locale="fr" tag="engineering" limit="6"></adv-testimonials>`,
    );
    const query = api.requestsTo('GET /v1/testimonials')[0]!.query;
    expect(Object.fromEntries(query)).to.deep.equal({ team: 'Platform', location: 'Lyon', locale: 'fr', tag: 'engineering', limit: '6' });
  });

  it('leaves out empty filters and a limit out of range', async () => {
    const { api } = await mountReady(html`<adv-testimonials team="" limit="500"></adv-testimonials>`);
    const query = api.requestsTo('GET /v1/testimonials')[0]!.query;
    expect(query.has('team')).to.equal(false);
    expect(query.get('limit')).to.equal('20');
    // The testimonials' language follows the page's (lang="en" in the test page) unless content-locale says otherwise.
    expect(query.get('locale')).to.equal('en');
  });

  for (const attribute of ['location', 'locale', 'tag', 'limit']) {
    it(`fetches again when ${attribute} changes`, async () => {
      const { api, widget, next } = await mountReady(html`<adv-testimonials></adv-testimonials>`);
      const value = { location: 'Berlin', locale: 'de', tag: 'design', limit: '3' }[attribute]!;
      widget.setAttribute(attribute, value);
      await next('adv-load');
      expect(api.requestsTo('GET /v1/testimonials').some((request) => request.query.get(attribute) === value)).to.equal(true);
    });
  }

  it('speaks French with locale="fr" (its empty state), and filters French testimonials', async () => {
    const { shadow, api } = await mountReady(html`<adv-testimonials locale="fr"></adv-testimonials>`, testimonialsPage(0));
    expect(shadow.querySelector('slot[name="empty"]')!.textContent).to.contain('Aucun témoignage');
    expect(api.requests[0]!.query.get('locale')).to.equal('fr');
  });

  it('has a friendly English empty state by default', async () => {
    const { shadow } = await mountReady(html`<adv-testimonials></adv-testimonials>`, testimonialsPage(0));
    expect(shadow.querySelector('slot[name="empty"]')!.textContent).to.contain('No stories to show here yet');
  });

  it('reserves the photo box (width, height, lazy) so nothing shifts, with alt="" beside the name', async () => {
    const { shadow } = await mountReady(html`<adv-testimonials></adv-testimonials>`);
    const img = shadow.querySelectorAll('figure')[1]!.querySelector('img')!;
    expect(img.getAttribute('src')).to.equal(publicTestimonial(1).photoUrl);
    expect(img.getAttribute('width')).to.equal('48');
    expect(img.getAttribute('height')).to.equal('48');
    expect(img.getAttribute('loading')).to.equal('lazy');
    expect(img.getAttribute('alt')).to.equal('');
    const box = shadow.querySelectorAll('[part="photo"]')[1]!.getBoundingClientRect();
    expect(box.width).to.be.greaterThan(0);
    expect(box.height).to.equal(box.width);
  });

  it('shows initials and no image when there is no photo', async () => {
    const { shadow } = await mountReady(html`<adv-testimonials></adv-testimonials>`);
    const first = shadow.querySelector('figure')!;
    expect(first.querySelector('img')).to.equal(null);
    expect(first.querySelector('[part="photo"]')!.textContent!.trim()).to.equal('AD');
  });

  it('renders hostile text in every field as text, and runs nothing', async () => {
    const items = XSS_TEXT_PAYLOADS.map((payload, n) =>
      publicTestimonial(n, { quote: payload, authorName: payload, role: payload, team: payload, location: `${payload}!`, photoUrl: null }),
    );
    const { shadow } = await mountReady(html`<adv-testimonials></adv-testimonials>`, { items, nextCursor: null });
    const figures = shadow.querySelectorAll('figure');
    expect(figures).to.have.length(XSS_TEXT_PAYLOADS.length);
    XSS_TEXT_PAYLOADS.forEach((payload, n) => {
      const figure = figures[n]!;
      expect(figure.querySelector('blockquote')!.textContent).to.equal(payload);
      expect(figure.querySelector('.name')!.textContent).to.equal(payload);
      expect(figure.querySelector('figcaption')!.textContent).to.contain(`${payload} · ${payload}!`);
    });
    expect(shadow.querySelectorAll('script, img, iframe, svg, a, style, details')).to.have.length(0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(xssRan()).to.equal(false);
  });

  it('renders no image for an unsafe photo URL', async () => {
    const items = XSS_URL_PAYLOADS.map((photoUrl, n) => publicTestimonial(n, { photoUrl }));
    const { shadow } = await mountReady(html`<adv-testimonials></adv-testimonials>`, { items, nextCursor: null });
    expect(shadow.querySelectorAll('figure')).to.have.length(XSS_URL_PAYLOADS.length);
    expect(shadow.querySelectorAll('img, [src], [href]')).to.have.length(0);
    expect(xssRan()).to.equal(false);
  });
});

describe('<adv-testimonials> photos that fail', () => {
  afterEach(unmountAll);

  it('keeps the initials, not a broken image, when a photo does not load', async () => {
    const api = new FakeApi({ 'GET /v1/testimonials': { body: { items: [publicTestimonial(1, { photoUrl: 'https://127.0.0.1:9/missing.png' })], nextCursor: null } } });
    const { shadow, next, widget } = await mountWidget<AdvTestimonials>(api.client(), html`<adv-testimonials></adv-testimonials>`);
    await next('adv-load');
    await settled(widget);
    const img = shadow.querySelector('img')!;
    await waitUntil(() => img.hidden, 'the failed photo still shows');
    expect(getComputedStyle(img).display).to.equal('none');
    expect(shadow.querySelector('[part="photo"]')!.textContent!.trim()).to.equal('JW');
  });
});

describe('<adv-testimonials> languages', () => {
  afterEach(unmountAll);

  /** Two English testimonials and one French; `?locale=` filters as the API does. */
  function bilingual(): FakeApi {
    const items = [publicTestimonial(0), publicTestimonial(1), publicTestimonial(2, { locale: 'fr-FR', quote: 'Une équipe formidable.' })];
    return new FakeApi({
      'GET /v1/testimonials': (request) => {
        const wanted = request.query.get('locale')?.toLowerCase();
        return { body: { items: items.filter((item) => !wanted || item.locale.toLowerCase() === wanted || item.locale.toLowerCase().startsWith(`${wanted}-`)), nextCursor: null } };
      },
    });
  }
  const quotes = (shadow: ShadowRoot) => [...shadow.querySelectorAll('blockquote')].map((quote) => quote.textContent);
  const others = (shadow: ShadowRoot) => shadow.querySelector<HTMLButtonElement>('button[part~="others"]');

  for (const [lang, wanted, label, shown] of [
    ['en', 'en', 'Show testimonials in other languages (1)', '1 testimonial in another language added.'],
    ['fr', 'fr', 'Afficher les témoignages dans d’autres langues (2)', '2 témoignages dans d’autres langues ajoutés.'],
  ] as const) {
    it(`shows the page's language first and the others on request, focus on the first of them (${lang})`, async () => {
      const api = bilingual();
      const mounted = await mountWidget<AdvTestimonials>(api.client(), html`<adv-testimonials layout="list"></adv-testimonials>`, { lang });
      await mounted.next('adv-load');
      await waitUntil(() => others(mounted.shadow) !== null, 'no button for the other languages');
      expect(api.requestsTo('GET /v1/testimonials')[0]!.query.get('locale')).to.equal(wanted);
      const before = quotes(mounted.shadow).length;
      expect(before).to.equal(lang === 'en' ? 2 : 1);
      expect(others(mounted.shadow)!.textContent!.trim()).to.equal(label);
      await expect(mounted.widget).to.be.accessible();
      others(mounted.shadow)!.click();
      await waitUntil(() => quotes(mounted.shadow).length === 3, 'the others were not shown');
      expect(mounted.shadow.activeElement).to.equal(mounted.shadow.querySelectorAll('figure')[before]!);
      expect(mounted.shadow.querySelector('[role="status"]')!.textContent).to.equal(shown);
      await expect(mounted.widget).to.be.accessible();
    });
  }

  it('content-locale chooses the testimonials’ language apart from the widget’s', async () => {
    const api = bilingual();
    const mounted = await mountWidget<AdvTestimonials>(api.client(), html`<adv-testimonials content-locale="fr"></adv-testimonials>`, { lang: 'en' });
    await mounted.next('adv-load');
    await settled(mounted.widget);
    expect(api.requestsTo('GET /v1/testimonials')[0]!.query.get('locale')).to.equal('fr');
    expect(quotes(mounted.shadow)).to.deep.equal(['Une équipe formidable.']);
    await waitUntil(() => others(mounted.shadow) !== null);
    expect(others(mounted.shadow)!.textContent!.trim()).to.equal('Show testimonials in other languages (2)');
  });
});
