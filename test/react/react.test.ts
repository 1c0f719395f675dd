// @advocacy/react in React 19 (react-dom/client createRoot) in real Chromium:
// importing a component registers its tag, props reach the element as
// properties (a token function never becomes an attribute), adv-* events
// reach the typed onAdv* handlers, new props and handlers replace old ones,
// and unmounting removes the element and its listeners.
import { expect, waitUntil } from '@open-wc/testing';
import React, { createElement as h, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { AdvConfigError, type TokenProvider } from '@advocacy/sdk';
import {
  AdvLeaderboard as AdvLeaderboardElement,
  AdvProvider as AdvProviderElement,
  AdvShareCard as AdvShareCardElement,
  AdvShareFeed as AdvShareFeedElement,
  AdvTestimonialForm as AdvTestimonialFormElement,
  AdvTestimonials as AdvTestimonialsElement,
  AdvMyImpact as AdvMyImpactElement,
  AdvProgramStats as AdvProgramStatsElement,
} from '@advocacy/widgets';
import {
  AdvLeaderboard,
  AdvMyImpact,
  AdvProgramStats,
  AdvProvider,
  AdvShareCard,
  AdvShareFeed,
  AdvTestimonialForm,
  AdvTestimonials,
  type AdvErrorEvent,
  type AdvLeaderboardProps,
  type AdvLoadEvent,
  type AdvOptInEvent,
  type AdvProviderProps,
  type AdvShareCardProps,
  type AdvShareEvent,
  type AdvShareFeedProps,
  type AdvSubmitEvent,
  type AdvTestimonialsProps,
} from '@advocacy/react';
import * as ReactKit from '@advocacy/react';
import { FakeApi, FAKE_API_URL, type FakeRoutes } from '../helpers/fake-api.js';
import { contentFixture, contentPage, shareFixture } from '../helpers/fixtures/content.js';
import { leaderboard, leaderboardNotOptedIn } from '../helpers/fixtures/leaderboard.js';
import { me } from '../helpers/fixtures/stats.js';

let container: HTMLElement;
let root: Root;
const realOpen = window.open;
let opened: unknown[][] = [];

function render(node: ReactNode): void {
  flushSync(() => root.render(node));
}

/** The one element of a tag in the container. */
function one<E extends Element>(tag: string): E {
  const found = container.querySelectorAll<E>(tag);
  expect(found, `<${tag}> elements`).to.have.length(1);
  return found[0]!;
}

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  opened = [];
  window.open = ((...args: unknown[]) => {
    opened.push(args);
    return null;
  }) as typeof window.open;
});

afterEach(() => {
  flushSync(() => root.unmount());
  container.remove();
  window.open = realOpen;
});

describe('@advocacy/react', () => {
  it('registers every tag with the element class from @advocacy/widgets', () => {
    const expected: [string, CustomElementConstructor][] = [
      ['adv-provider', AdvProviderElement],
      ['adv-share-card', AdvShareCardElement],
      ['adv-share-feed', AdvShareFeedElement],
      ['adv-leaderboard', AdvLeaderboardElement],
      ['adv-testimonials', AdvTestimonialsElement],
      ['adv-testimonial-form', AdvTestimonialFormElement],
      ['adv-my-impact', AdvMyImpactElement],
      ['adv-program-stats', AdvProgramStatsElement],
    ];
    for (const [tag, elementClass] of expected) expect(customElements.get(tag), tag).to.equal(elementClass);
    const components = [AdvProvider, AdvShareCard, AdvShareFeed, AdvLeaderboard, AdvTestimonials, AdvTestimonialForm, AdvMyImpact, AdvProgramStats];
    expect(components.map((component) => component.displayName)).to.deep.equal([
      'AdvProvider', 'AdvShareCard', 'AdvShareFeed', 'AdvLeaderboard', 'AdvTestimonials', 'AdvTestimonialForm', 'AdvMyImpact', 'AdvProgramStats',
    ]);
  });

  it('gives the provider getToken as a property: the client it builds calls it, and no attribute carries it', async () => {
    const getToken: TokenProvider = () => 'secret-employee-jwt';
    render(h(AdvProvider, { apiUrl: FAKE_API_URL, publishableKey: 'pk_test_fakeapi0123456789abcd', locale: 'fr', getToken }));
    const provider = one<AdvProviderElement>('adv-provider');
    await provider.updateComplete;
    expect(provider).to.be.instanceOf(AdvProviderElement);
    expect(provider.getToken).to.equal(getToken);
    expect(provider.currentClient?.options.getToken).to.equal(getToken);
    expect(String(provider.currentClient?.options.baseUrl)).to.equal(FAKE_API_URL);
    expect(provider.currentClient?.options.publishableKey).to.equal('pk_test_fakeapi0123456789abcd');
    expect(provider.getAttributeNames().sort()).to.deep.equal(['locale'], 'only locale reflects; getToken, apiUrl and the key are properties');
    expect(container.innerHTML).not.to.contain('secret-employee-jwt');
    expect(container.innerHTML).not.to.contain('getToken');
  });

  it('passes a ready-made client to the widgets inside, and object props such as content as they are', async () => {
    const api = new FakeApi({ 'POST /v1/shares': { status: 201, body: shareFixture('x') } });
    const client = api.client();
    const content = contentFixture();
    const loads: AdvLoadEvent[] = [];
    render(h(AdvProvider, { client }, h(AdvShareCard, { content, networks: 'x bluesky', onAdvLoad: (event) => loads.push(event) })));
    const card = one<AdvShareCardElement>('adv-share-card');
    expect(one<AdvProviderElement>('adv-provider').client).to.equal(client);
    expect(card.content).to.equal(content);
    expect(card.networks).to.equal('x bluesky');
    expect(card.hasAttribute('content')).to.equal(false);
    await waitUntil(() => loads.length === 1, 'no adv-load reached onAdvLoad');
    await card.updateComplete;
    expect(card.shadowRoot!.querySelector('h3')!.textContent).to.equal('We are hiring engineers in Lyon');
    expect(api.requestsTo('GET /v1/content/:id'), 'the content prop is used without fetching').to.have.length(0);
  });

  it('calls onAdvShare with the typed AdvShareEvent, and the latest handler after a re-render', async () => {
    const api = new FakeApi({ 'POST /v1/shares': { status: 201, body: shareFixture('x') } });
    const client = api.client();
    const content = contentFixture();
    const first: AdvShareEvent[] = [];
    const second: AdvShareEvent[] = [];
    const app = (onAdvShare: (event: AdvShareEvent) => void) => h(AdvProvider, { client }, h(AdvShareCard, { content, networks: 'x', onAdvShare }));
    render(app((event) => first.push(event)));
    render(app((event) => second.push(event)));
    const card = one<AdvShareCardElement>('adv-share-card');
    await waitUntil(() => card.shadowRoot?.querySelector('button[part~="share"]'), 'no share button');
    card.shadowRoot!.querySelector<HTMLButtonElement>('button[part~="share"]')!.click();
    await waitUntil(() => second.length === 1, 'no adv-share reached onAdvShare');
    const [event] = second;
    expect(event).to.be.instanceOf(Event);
    expect(event!.type).to.equal('adv-share');
    expect(event!.detail.network).to.equal('x');
    expect(event!.detail.contentId).to.equal(content.id);
    expect(event!.detail.share.intentUrl).to.equal(shareFixture('x').intentUrl);
    expect(first, 'the replaced handler is not called').to.have.length(0);
    expect(opened).to.deep.equal([[shareFixture('x').intentUrl, '_blank', 'noopener,noreferrer']]);
  });

  it('calls a handler once per event under StrictMode, which mounts every effect twice', async () => {
    const api = new FakeApi({ 'POST /v1/shares': { status: 201, body: shareFixture('x') } });
    const shares: AdvShareEvent[] = [];
    render(h(React.StrictMode, null, h(AdvProvider, { client: api.client() }, h(AdvShareCard, { content: contentFixture(), networks: 'x', onAdvShare: (event) => shares.push(event) }))));
    const card = one<AdvShareCardElement>('adv-share-card');
    await waitUntil(() => card.shadowRoot?.querySelector('button[part~="share"]'), 'no share button');
    card.shadowRoot!.querySelector<HTMLButtonElement>('button[part~="share"]')!.click();
    await waitUntil(() => shares.length === 1, 'no adv-share reached onAdvShare');
    await card.updateComplete;
    expect(shares).to.have.length(1);
    expect(api.requestsTo('POST /v1/shares')).to.have.length(1);
  });

  it('sets the feed props as properties and hears onAdvLoad and onAdvShare from the cards inside it', async () => {
    const api = new FakeApi({
      'GET /v1/content': (request) => ({ body: contentPage(2, { tag: request.query.get('tag') ?? undefined }) }),
      'POST /v1/shares': { status: 201, body: shareFixture('x') },
    });
    const loads: AdvLoadEvent[] = [];
    const shares: AdvShareEvent[] = [];
    render(
      h(
        AdvProvider,
        { client: api.client() },
        h(AdvShareFeed, { tag: 'careers', limit: 2, networks: 'x', onAdvLoad: (event) => loads.push(event), onAdvShare: (event) => shares.push(event) }),
      ),
    );
    const feed = one<AdvShareFeedElement>('adv-share-feed');
    expect(feed.tag).to.equal('careers');
    expect(feed.limit).to.equal(2);
    await waitUntil(() => loads.length === 1, 'no adv-load reached onAdvLoad');
    expect(loads[0]!.detail.empty).to.equal(false);
    const [request] = api.requestsTo('GET /v1/content');
    expect(request!.query.get('tag')).to.equal('careers');
    expect(request!.query.get('limit')).to.equal('2');
    await feed.updateComplete;
    const card = feed.shadowRoot!.querySelector<AdvShareCardElement>('adv-share-card')!;
    await card.updateComplete;
    card.shadowRoot!.querySelector<HTMLButtonElement>('button[part~="share"]')!.click();
    await waitUntil(() => shares.length === 1, 'the card\'s adv-share did not reach the feed\'s onAdvShare');
    expect(shares[0]!.detail.network).to.equal('x');
  });

  it('fetches again when a key prop changes (leaderboard period) and hears onAdvOptIn', async () => {
    const api: FakeApi = new FakeApi({
      'GET /v1/leaderboard': { body: leaderboardNotOptedIn() },
      'PATCH /v1/me': (request) => {
        api.set({ 'GET /v1/leaderboard': { body: leaderboard() } });
        return { body: me({ leaderboardOptIn: (request.body as { leaderboardOptIn: boolean }).leaderboardOptIn }) };
      },
    });
    const client = api.client();
    const optIns: AdvOptInEvent[] = [];
    const loads: AdvLoadEvent[] = [];
    const app = (period: AdvLeaderboardProps['period']) =>
      h(AdvProvider, { client }, h(AdvLeaderboard, { period, limit: 5, onAdvOptIn: (event) => optIns.push(event), onAdvLoad: (event) => loads.push(event) }));
    render(app('month'));
    const board = one<AdvLeaderboardElement>('adv-leaderboard');
    await waitUntil(() => loads.length === 1, 'no adv-load');
    render(app('week'));
    expect(board.period).to.equal('week');
    await waitUntil(() => api.requestsTo('GET /v1/leaderboard').some((request) => request.query.get('period') === 'week'), 'no request for the week');
    expect(api.requestsTo('GET /v1/leaderboard')[0]!.query.get('period')).to.equal('month');
    expect(api.requestsTo('GET /v1/leaderboard')[0]!.query.get('limit')).to.equal('5');
    await waitUntil(() => loads.length === 2, 'no adv-load for the week');
    await board.updateComplete;
    board.shadowRoot!.querySelector<HTMLButtonElement>('[part~="opt-in-button"]')!.click();
    await waitUntil(() => optIns.length === 1, 'no adv-opt-in reached onAdvOptIn');
    expect(optIns[0]!.detail.optedIn).to.equal(true);
  });

  it('calls onAdvError on the provider when its props do not make a client', async () => {
    const errors: AdvErrorEvent[] = [];
    render(h(AdvProvider, { apiUrl: 'not a url', onAdvError: (event) => errors.push(event) }));
    await waitUntil(() => errors.length === 1, 'no adv-error reached onAdvError');
    expect(errors[0]!.detail.error).to.be.instanceOf(AdvConfigError);
    expect(one<AdvProviderElement>('adv-provider').currentClient).to.equal(undefined);
  });

  it('removes the element on unmount, and no handler runs afterwards', async () => {
    const routes: FakeRoutes = { 'GET /v1/testimonials': { body: { items: [], nextCursor: null } } };
    const api = new FakeApi(routes);
    const loads: AdvLoadEvent[] = [];
    render(h(AdvProvider, { client: api.client() }, h(AdvTestimonials, { layout: 'list', team: 'Engineering', onAdvLoad: (event) => loads.push(event) })));
    const widget = one<AdvTestimonialsElement>('adv-testimonials');
    await waitUntil(() => loads.length === 1, 'no adv-load');
    expect(widget.layout).to.equal('list');
    expect(widget.team).to.equal('Engineering');
    flushSync(() => root.unmount());
    expect(container.childElementCount).to.equal(0);
    expect(widget.isConnected).to.equal(false);
    // An event the detached element sends later (say, a share that completes after the user left) calls nothing.
    widget.dispatchEvent(new CustomEvent('adv-load', { detail: { empty: true } }));
    expect(loads, 'no handler runs after unmount').to.have.length(1);
    root = createRoot(container); // for afterEach
  });

  it('has a component for every element in custom-elements.json, whose onAdv… props hear every event the element documents', async () => {
    interface Declaration { customElement?: boolean; tagName?: string; events?: { name: string }[] }
    const manifest = (await (await fetch('/packages/widgets/custom-elements.json')).json()) as { modules: { declarations?: Declaration[] }[] };
    const elements = manifest.modules.flatMap((module) => module.declarations ?? []).filter((declaration) => declaration.customElement && declaration.tagName);
    expect(elements.length).to.be.at.least(8);
    const pascal = (name: string): string => name.split('-').map((word) => word[0]!.toUpperCase() + word.slice(1)).join('');
    const components = ReactKit as unknown as Record<string, React.ComponentType<Record<string, unknown>>>;
    for (const element of elements) {
      const tag = element.tagName!;
      const Component = components[pascal(tag)];
      // (a forwardRef component is an object; a failed check prints names, never React's object graph)
      expect(Component !== undefined, `@advocacy/react exports ${pascal(tag)} for <${tag}>`).to.equal(true);
      // Only the probes below count: a widget outside a provider may send its own adv-error.
      const probe = { probe: tag };
      const heard: string[] = [];
      const props = Object.fromEntries((element.events ?? []).map(({ name }) => [`on${pascal(name)}`, (event: CustomEvent) => event.detail === probe && heard.push(event.type)]));
      render(h(Component!, props));
      const widget = one<HTMLElement>(tag);
      for (const { name } of element.events ?? []) widget.dispatchEvent(new CustomEvent(name, { detail: probe, bubbles: true, composed: true }));
      expect(heard, `<${tag}>'s events reach their props`).to.deep.equal((element.events ?? []).map(({ name }) => name));
      render(null);
    }
  });
});

/**
 * Type checks (never run): each wrong prop or handler type is a compile
 * error, so `npx tsc -p tsconfig.json` fails if a wrapper loses its types.
 */
export function typeChecks(): unknown[] {
  // @ts-expect-error getToken is a function returning the token, not the token.
  const stringToken: AdvProviderProps = { getToken: 'secret' };
  // @ts-expect-error limit is a number.
  const stringLimit: AdvLeaderboardProps = { limit: '10' };
  // @ts-expect-error period is week, month, quarter or all.
  const badPeriod: AdvLeaderboardProps = { period: 'year' };
  // @ts-expect-error layout is grid, list or carousel.
  const badLayout: AdvTestimonialsProps = { layout: 'masonry' };
  // @ts-expect-error content is a Content object, not its id.
  const idAsContent: AdvShareCardProps = { content: 'c-1' };
  // @ts-expect-error onAdvShare gets an AdvShareEvent, not an AdvSubmitEvent.
  const wrongEvent: AdvShareFeedProps = { onAdvShare: (event: AdvSubmitEvent) => event.detail.testimonial };
  // @ts-expect-error the leaderboard has no onAdvShare.
  const noSuchEvent: AdvLeaderboardProps = { onAdvShare: () => undefined };
  // Handlers get the typed event without an annotation.
  const typed: AdvShareFeedProps = { onAdvShare: (event) => event.detail.share.intentUrl?.toUpperCase() };
  const typedOptIn: AdvLeaderboardProps = { onAdvOptIn: (event) => event.detail.optedIn === true };
  const element = React.createElement(AdvShareFeed, { tag: 'careers', limit: 5, onAdvLoad: (event) => event.detail.empty });
  return [stringToken, stringLimit, badPeriod, badLayout, idAsContent, wrongEvent, noSuchEvent, typed, typedOptIn, element];
}
