import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { Content, Network } from '@advocacy/sdk';
import '@advocacy/widgets/define/adv-share-feed.js';
import { pending, problem, type FakeRequest, type FakeRoutes } from '../test/helpers/fake-api.js';
import { contentPage, fixtureId, longContentFixture, shareFixture } from '../test/helpers/fixtures/content.js';
import { storyFrame } from './support/story-frame.js';

const sharing: FakeRoutes = {
  'POST /v1/shares': (request) => ({ status: 201, body: shareFixture((request.body as { network: Network }).network) }),
};

/** Three pages of four: "Load more" appends the next. */
const paged: FakeRoutes = {
  'GET /v1/content': (request: FakeRequest) => {
    const page = Number(request.query.get('cursor')?.replace('page-', '') ?? 1);
    return { body: contentPage(4, { offset: (page - 1) * 4, nextCursor: page < 3 ? `page-${page + 1}` : null }) };
  },
  ...sharing,
};

const long: Content[] = [1, 2, 3].map((n) => ({ ...longContentFixture(), id: fixtureId(500 + n) }));

const feed = html`<adv-share-feed limit="4"></adv-share-feed>`;

const meta: Meta = {
  title: 'Widgets/Share feed',
  component: 'adv-share-feed',
};
export default meta;

export const Ready: StoryObj = { render: () => storyFrame(paged, feed) };

export const Loading: StoryObj = { render: () => storyFrame({ 'GET /v1/content': pending }, feed) };

/** The page has not handed the provider its getToken yet: nothing is asked of the API, a quiet status waits. */
export const SigningIn: StoryObj = { render: () => storyFrame({}, feed, { signedOut: true }) };

export const Empty: StoryObj = { render: () => storyFrame({ 'GET /v1/content': { body: { items: [], nextCursor: null } } }, feed) };

export const Error: StoryObj = { render: () => storyFrame({ 'GET /v1/content': problem(500, 'Internal Server Error') }, feed) };

export const Dark: StoryObj = { render: () => storyFrame(paged, feed, { theme: 'dark' }) };

export const French: StoryObj = { render: () => storyFrame(paged, feed, { lang: 'fr' }) };

/** Long titles, summaries and suggestions; X over its limit in every card. */
export const LongText: StoryObj = {
  render: () =>
    storyFrame({ 'GET /v1/content': { body: { items: long, nextCursor: null } }, ...sharing }, html`<adv-share-feed networks="x linkedin bluesky"></adv-share-feed>`),
};
