// <adv-share-feed>: the base suite, pagination with "Load more" (appends, focus
// on the first new card), refetch on tag and limit, and events from its cards.
import { html } from 'lit';
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AdvLoadEvent } from '@advocacy/widgets';
import '@advocacy/widgets/define/adv-share-feed.js';
import type { AdvShareCard } from '@advocacy/widgets';
import type { AdvShareEvent } from '@advocacy/widgets';
import type { AdvShareFeed } from '@advocacy/widgets';
import { FakeApi, problem, type FakeRequest, type FakeRoutes } from '../helpers/fake-api.js';
import { contentFixture, contentPage, fixtureId, shareFixture } from '../helpers/fixtures/content.js';
import { runBaseSuite } from './helpers/base-suite.js';
import { mountWidget, settled, unmountAll, type Mounted } from './helpers/mount.js';

runBaseSuite({
  tag: 'adv-share-feed',
  credential: 'token',
  template: (tag) => html`<adv-share-feed tag=${tag}></adv-share-feed>`,
  ready: { 'GET /v1/content': (request) => ({ body: contentPage(2, { tag: request.query.get('tag') ?? undefined }) }) },
  empty: { 'GET /v1/content': { body: { items: [], nextCursor: null } } },
  failing: ['GET /v1/content'],
  key: { attribute: 'tag', values: ['careers', 'engineering'], seenIn: (request) => request.query.get('tag') === 'engineering' },
});

/** Two pages of two: the second asked with `?cursor=page-2`. */
function pagedRoutes(): FakeRoutes {
  return {
    'GET /v1/content': (request: FakeRequest) =>
      request.query.get('cursor') === 'page-2'
        ? { body: contentPage(2, { offset: 2, tag: request.query.get('tag') ?? undefined }) }
        : { body: contentPage(2, { tag: request.query.get('tag') ?? undefined, nextCursor: 'page-2' }) },
  };
}

const titles = (mounted: Mounted<AdvShareFeed>) =>
  [...mounted.shadow.querySelectorAll<AdvShareCard>('li > adv-share-card')].map((card) => card.shadowRoot!.querySelector('h3')!.textContent);
/** The feed's own requests (in the reader's language), not the background look-up of other languages. */
const feedRequests = (mounted: { api: FakeApi }) => mounted.api.requestsTo('GET /v1/content').filter((request) => request.query.has('locale'));
const moreButton = (mounted: Mounted<AdvShareFeed>) => mounted.shadow.querySelector<HTMLButtonElement>('button[part~="more"]');

async function mountFeed(routes: FakeRoutes = pagedRoutes(), attributes = { tag: 'careers', limit: '2' }) {
  const api = new FakeApi(routes);
  const mounted = await mountWidget<AdvShareFeed>(api.client(), html`<adv-share-feed tag=${attributes.tag} limit=${attributes.limit}></adv-share-feed>`);
  await mounted.next('adv-load');
  await settled(mounted.widget);
  await Promise.all([...mounted.shadow.querySelectorAll<AdvShareCard>('adv-share-card')].map((card) => card.updateComplete));
  return { api, ...mounted };
}

describe('<adv-share-feed>', () => {
  afterEach(unmountAll);

  it('lists a share card per content in a list, asking for the tag and limit', async () => {
    const mounted = await mountFeed();
    expect(titles(mounted)).to.deep.equal(['Story 1 (careers)', 'Story 2 (careers)']);
    const list = mounted.shadow.querySelector('ul[part~="list"]')!;
    expect(list.getAttribute('aria-label')).to.equal('Content to share');
    expect(list.children).to.have.length(2);
    const [request] = mounted.api.requestsTo('GET /v1/content');
    expect(request!.query.get('tag')).to.equal('careers');
    expect(request!.query.get('limit')).to.equal('2');
    expect(request!.query.has('cursor')).to.equal(false);
    expect(moreButton(mounted)!.textContent!.trim()).to.equal('Load more');
    await expect(mounted.widget).to.be.accessible();
  });

  it('"Load more" appends the next page and moves keyboard focus to the first new card', async () => {
    const mounted = await mountFeed();
    moreButton(mounted)!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => titles(mounted).length === 4, 'the second page was not appended');
    expect(titles(mounted)).to.deep.equal(['Story 1 (careers)', 'Story 2 (careers)', 'Story 3 (careers)', 'Story 4 (careers)']);
    const second = feedRequests(mounted)[1]!;
    expect(second.query.get('cursor')).to.equal('page-2');
    expect(second.query.get('tag')).to.equal('careers');
    expect(second.query.get('limit')).to.equal('2');

    const third = mounted.shadow.querySelectorAll<AdvShareCard>('adv-share-card')[2]!;
    await waitUntil(() => mounted.shadow.activeElement === third, 'focus did not move to the first new card');
    const article = third.shadowRoot!.activeElement as HTMLElement;
    expect(article.localName).to.equal('article');
    expect(article.getAttribute('aria-labelledby')).to.equal('title');
    // The last page: no more button.
    await settled(mounted.widget);
    expect(moreButton(mounted)).to.equal(null);
    // Tab from the new card goes into it, not back to the top of the page.
    await sendKeys({ press: 'Tab' });
    expect(mounted.shadow.activeElement).to.equal(third);
    await expect(mounted.widget).to.be.accessible();
  });

  it('a double click on "Load more" asks for the next page once', async () => {
    const mounted = await mountFeed();
    moreButton(mounted)!.click();
    moreButton(mounted)!.click();
    await waitUntil(() => titles(mounted).length === 4);
    expect(feedRequests(mounted)).to.have.length(2);
  });

  it('when the next page fails: an alert with the API’s detail, adv-error, the cards already there stay, and trying again works', async () => {
    const mounted = await mountFeed();
    mounted.api.set({ 'GET /v1/content': problem(503, 'Unavailable', 'The content library is being reindexed.') });
    moreButton(mounted)!.click();
    await mounted.next('adv-error');
    await settled(mounted.widget);
    expect(mounted.shadow.querySelector('[role="alert"]')!.textContent).to.contain('More content could not be loaded.');
    expect(mounted.shadow.querySelector('[role="alert"]')!.textContent).to.contain('The content library is being reindexed.');
    expect(titles(mounted)).to.have.length(2);
    expect(moreButton(mounted)!.textContent!.trim()).to.equal('Try again');
    await expect(mounted.widget).to.be.accessible();

    mounted.api.set(pagedRoutes());
    moreButton(mounted)!.click();
    await waitUntil(() => titles(mounted).length === 4);
    await settled(mounted.widget);
    expect(mounted.shadow.querySelector('[role="alert"]')).to.equal(null);
  });

  it('a new tag fetches again from the first page', async () => {
    const mounted = await mountFeed();
    moreButton(mounted)!.click();
    await waitUntil(() => titles(mounted).length === 4);
    mounted.widget.setAttribute('tag', 'engineering');
    await waitUntil(() => mounted.api.requests.some((request) => request.query.get('tag') === 'engineering'));
    await mounted.next('adv-load');
    await settled(mounted.widget);
    await waitUntil(() => titles(mounted).every((title) => title?.endsWith('(engineering)')));
    expect(titles(mounted)).to.deep.equal(['Story 1 (engineering)', 'Story 2 (engineering)']);
    expect(feedRequests(mounted).at(-1)!.query.has('cursor')).to.equal(false);
    expect(moreButton(mounted)!.textContent!.trim()).to.equal('Load more');
  });

  it('a new limit fetches again', async () => {
    const mounted = await mountFeed();
    mounted.widget.limit = 5;
    await waitUntil(() => mounted.api.requests.some((request) => request.query.get('limit') === '5'));
  });

  it('says there is nothing to share', async () => {
    const mounted = await mountFeed({ 'GET /v1/content': { body: { items: [], nextCursor: null } } });
    expect(mounted.shadow.querySelector('slot[name="empty"]')!.textContent!.trim()).to.equal('No content to share right now. New stories will show up here.');
  });

  it('lets its cards’ adv-share through and keeps their adv-load inside', async () => {
    const realOpen = window.open;
    window.open = (() => null) as typeof window.open;
    try {
      const mounted = await mountFeed({ ...pagedRoutes(), 'POST /v1/shares': { status: 201, body: shareFixture('x') } });
      const card = mounted.shadow.querySelectorAll<AdvShareCard>('adv-share-card')[1]!;
      card.shadowRoot!.querySelector<HTMLInputElement>('input[value="x"]')!.click();
      await card.updateComplete;
      card.shadowRoot!.querySelector<HTMLButtonElement>('button[part~="share"]')!.click();
      const event = (await mounted.next('adv-share')) as AdvShareEvent;
      expect(event.detail.network).to.equal('x');
      expect((mounted.api.requestsTo('POST /v1/shares')[0]!.body as { contentId: string }).contentId).to.equal(card.content!.id);
      const loads = mounted.events.filter((candidate): candidate is AdvLoadEvent => candidate.type === 'adv-load');
      expect(loads).to.have.length(1);
      expect(loads[0]!.target).to.equal(mounted.widget);
    } finally {
      window.open = realOpen;
    }
  });

  it('passes its networks to every card and speaks French', async () => {
    const api = new FakeApi(pagedRoutes());
    const mounted = await mountWidget<AdvShareFeed>(api.client(), html`<adv-share-feed networks="bluesky x"></adv-share-feed>`, { lang: 'fr' });
    await mounted.next('adv-load');
    await settled(mounted.widget);
    const card = mounted.shadow.querySelector<AdvShareCard>('adv-share-card')!;
    await card.updateComplete;
    const networks = [...card.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="radio"]')].map((radio) => radio.value);
    expect(networks).to.deep.equal(['bluesky', 'x']);
    expect(card.shadowRoot!.querySelector('button[part~="share"]')!.textContent!.trim()).to.equal('Partager sur Bluesky');
    expect(moreButton(mounted)!.textContent!.trim()).to.equal('Afficher plus');
  });
});

/** Two English posts and one French one; `?locale=` filters as the API does (`fr` matches `fr-CA`). */
function bilingualRoutes(options: { english?: number } = {}): FakeRoutes {
  const items = [
    ...contentPage(options.english ?? 2).items,
    contentFixture({ id: fixtureId(90), title: 'Nous recrutons à Lyon', locale: 'fr-FR', suggestedTexts: { linkedin: { fr: 'Venez !' } } }),
  ];
  return {
    'GET /v1/content': (request: FakeRequest) => {
      const wanted = request.query.get('locale')?.toLowerCase();
      const body = { items: items.filter((item) => !wanted || item.locale.toLowerCase() === wanted || item.locale.toLowerCase().startsWith(`${wanted}-`)), nextCursor: null };
      return { body };
    },
  };
}

const othersButton = (mounted: Mounted<AdvShareFeed>) => mounted.shadow.querySelector<HTMLButtonElement>('button[part~="others"]');
const otherTitles = (mounted: Mounted<AdvShareFeed>) =>
  [...mounted.shadow.querySelectorAll<AdvShareCard>('[part~="others-list"] adv-share-card')].map((card) => card.shadowRoot!.querySelector('h3')!.textContent);

async function mountBilingual(template = html`<adv-share-feed></adv-share-feed>`, lang = 'en', routes = bilingualRoutes()) {
  const api = new FakeApi(routes);
  const mounted = await mountWidget<AdvShareFeed>(api.client(), template, { lang });
  await mounted.next('adv-load');
  return { api, ...mounted };
}

describe('<adv-share-feed> languages', () => {
  afterEach(unmountAll);

  it('on an English page lists English posts only, and French ones on request, with focus on the first and an announcement', async () => {
    const mounted = await mountBilingual();
    await waitUntil(() => othersButton(mounted) !== null, 'no button for the other languages');
    expect(feedRequests(mounted)[0]!.query.get('locale')).to.equal('en');
    expect(titles(mounted)).to.deep.equal(['Story 1', 'Story 2']);
    expect(othersButton(mounted)!.textContent!.trim()).to.equal('Show posts in other languages (1)');
    expect(otherTitles(mounted)).to.deep.equal([]);
    await expect(mounted.widget).to.be.accessible();

    othersButton(mounted)!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => otherTitles(mounted).length === 1, 'the French post was not shown');
    expect(otherTitles(mounted)).to.deep.equal(['Nous recrutons à Lyon']);
    expect(othersButton(mounted)).to.equal(null);
    const french = mounted.shadow.querySelector<AdvShareCard>('[part~="others-list"] adv-share-card')!;
    await waitUntil(() => mounted.shadow.activeElement === french, 'focus did not move to the first French post');
    expect(mounted.shadow.querySelector('[part~="others-list"]')!.getAttribute('aria-label')).to.equal('Content in other languages');
    expect(mounted.shadow.querySelector('p[role="status"]')!.textContent).to.equal('1 post in another language added below.');
    await expect(mounted.widget).to.be.accessible();
  });

  it('on a French page opens with French posts, its button in French', async () => {
    const mounted = await mountBilingual(html`<adv-share-feed></adv-share-feed>`, 'fr-CA');
    await waitUntil(() => othersButton(mounted) !== null);
    expect(feedRequests(mounted)[0]!.query.get('locale')).to.equal('fr');
    expect(titles(mounted)).to.deep.equal(['Nous recrutons à Lyon']);
    expect(othersButton(mounted)!.textContent!.trim()).to.equal('Afficher les publications dans d’autres langues (2)');
    othersButton(mounted)!.click();
    await waitUntil(() => otherTitles(mounted).length === 2);
    expect(mounted.shadow.querySelector('p[role="status"]')!.textContent).to.equal('2 publications dans d’autres langues ajoutées ci-dessous.');
    await expect(mounted.widget).to.be.accessible();
  });

  it('content-locale filters apart from the UI language; * lists every language together', async () => {
    const mounted = await mountBilingual(html`<adv-share-feed content-locale="fr"></adv-share-feed>`);
    await waitUntil(() => othersButton(mounted) !== null);
    expect(feedRequests(mounted)[0]!.query.get('locale')).to.equal('fr');
    expect(titles(mounted)).to.deep.equal(['Nous recrutons à Lyon']);
    expect(othersButton(mounted)!.textContent!.trim()).to.equal('Show posts in other languages (2)');

    mounted.widget.contentLocale = '*';
    await waitUntil(() => titles(mounted).length === 3, 'every language was not listed');
    expect(mounted.api.requestsTo('GET /v1/content').at(-1)!.query.has('locale')).to.equal(false);
    await settled(mounted.widget);
    expect(othersButton(mounted)).to.equal(null);
  });

  it('with nothing in the reader’s language, says so by name and offers the others', async () => {
    for (const [lang, message, button] of [
      ['en', 'Nothing to share in English right now.', 'Show posts in other languages (1)'],
      ['fr', 'Rien à partager en anglais pour le moment.', 'Afficher les publications dans d’autres langues (1)'],
    ] as const) {
      const mounted = await mountBilingual(html`<adv-share-feed content-locale="en"></adv-share-feed>`, lang, bilingualRoutes({ english: 0 }));
      await waitUntil(() => othersButton(mounted) !== null);
      expect(mounted.shadow.querySelector('slot[name="empty"]')!.textContent!.trim()).to.equal(message);
      expect(othersButton(mounted)!.textContent!.trim()).to.equal(button);
      await expect(mounted.widget).to.be.accessible();
      othersButton(mounted)!.click();
      await waitUntil(() => otherTitles(mounted).length === 1);
      await expect(mounted.widget).to.be.accessible();
      unmountAll();
    }
  });

  it('shows no button when every post is in the reader’s language', async () => {
    const mounted = await mountBilingual(html`<adv-share-feed></adv-share-feed>`, 'en', pagedRoutes());
    await waitUntil(() => mounted.api.requestsTo('GET /v1/content').some((request) => !request.query.has('locale')), 'no look-up of other languages');
    await new Promise((resolve) => setTimeout(resolve, 50));
    await settled(mounted.widget);
    expect(othersButton(mounted)).to.equal(null);
  });
});

describe('<adv-share-feed> nudge and skipping', () => {
  afterEach(unmountAll);

  it('nudges to make the post one’s own on the first card only', async () => {
    const mounted = await mountFeed();
    const cards = [...mounted.shadow.querySelectorAll<AdvShareCard>('adv-share-card')];
    expect(cards.map((card) => card.shadowRoot!.querySelector('.nudge') !== null)).to.deep.equal([true, false]);
    expect(cards[1]!.shadowRoot!.querySelector('textarea')!.getAttribute('aria-describedby')).not.to.contain('nudge');
  });

  for (const [lang, label] of [
    ['en', 'Skip the feed'],
    ['fr', 'Passer le fil de contenus'],
  ] as const) {
    it(`can be skipped with the keyboard: its first stop moves focus past it (${lang})`, async () => {
      const api = new FakeApi(pagedRoutes());
      const mounted = await mountWidget<AdvShareFeed>(api.client(), html`<adv-share-feed limit="2"></adv-share-feed>`, { lang });
      await mounted.next('adv-load');
      await settled(mounted.widget);
      const [before, after] = ['Before the feed', 'After the feed'].map((text) => Object.assign(document.createElement('button'), { textContent: text }));
      mounted.widget.parentElement!.before(before!);
      mounted.widget.parentElement!.after(after!);
      before!.focus();
      await sendKeys({ press: 'Tab' });
      const skip = mounted.shadow.querySelector<HTMLButtonElement>('button[part~="skip"]')!;
      expect(mounted.shadow.activeElement, 'the first stop in the feed').to.equal(skip);
      expect(skip.textContent!.trim()).to.equal(label);
      expect(skip.getBoundingClientRect().width, 'visible when focused').to.be.greaterThan(1);
      await expect(mounted.widget).to.be.accessible();
      await sendKeys({ press: 'Enter' });
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement === after, `focus on ${document.activeElement?.localName}, not past the feed`).to.equal(true);
      before!.remove();
      after!.remove();
    });
  }
});
