import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { Network } from '@advocacy/sdk';
import '@advocacy/widgets/define/adv-share-card.js';
import { pending, problem, type FakeRoutes } from '../test/helpers/fake-api.js';
import { CONTENT_ID, contentFixture, longContentFixture, shareFixture } from '../test/helpers/fixtures/content.js';
import { storyFrame } from './support/story-frame.js';

/** Sharing answers with the fixture's tracked link; LinkedIn, X and the others open their real share dialogs. */
const sharing: FakeRoutes = {
  'POST /v1/shares': (request) => ({ status: 201, body: shareFixture((request.body as { network: Network }).network) }),
};
const ready: FakeRoutes = { 'GET /v1/content/:id': { body: contentFixture() }, ...sharing };

const card = (networks?: string) =>
  networks
    ? html`<adv-share-card content-id=${CONTENT_ID} networks=${networks} style="max-inline-size: 34rem"></adv-share-card>`
    : html`<adv-share-card content-id=${CONTENT_ID} style="max-inline-size: 34rem"></adv-share-card>`;

const meta: Meta = {
  title: 'Widgets/Share card',
  component: 'adv-share-card',
};
export default meta;

export const Ready: StoryObj = { render: () => storyFrame(ready, card()) };

export const Loading: StoryObj = { render: () => storyFrame({ 'GET /v1/content/:id': pending }, card()) };

/** The page has not handed the provider its getToken yet: nothing is asked of the API, a quiet status waits. */
export const SigningIn: StoryObj = { render: () => storyFrame({}, card(), { signedOut: true }) };

/** Archived (or expired) content cannot be shared any more. */
export const Empty: StoryObj = { render: () => storyFrame({ 'GET /v1/content/:id': { body: contentFixture({ status: 'archived' }) } }, card()) };

export const Error: StoryObj = { render: () => storyFrame({ 'GET /v1/content/:id': problem(500, 'Internal Server Error') }, card()) };

/** Sharing fails: the card says so and keeps the text. */
export const ShareFails: StoryObj = {
  render: () => storyFrame({ 'GET /v1/content/:id': { body: contentFixture() }, 'POST /v1/shares': problem(503, 'Unavailable') }, card()),
};

export const Dark: StoryObj = { render: () => storyFrame(ready, card(), { theme: 'dark' }) };

export const HighContrast: StoryObj = { render: () => storyFrame(ready, card(), { theme: 'high-contrast' }) };

export const French: StoryObj = { render: () => storyFrame(ready, card(), { lang: 'fr' }) };

/** Very long title, summary and suggestions; the X suggestion is over X's limit (the button is disabled and says why). */
export const LongText: StoryObj = {
  render: () => storyFrame({ 'GET /v1/content/:id': { body: longContentFixture() }, ...sharing }, card('x linkedin bluesky threads mastodon')),
};

/** Mastodon asks for the employee's server (remembered in this browser). */
export const Mastodon: StoryObj = { render: () => storyFrame(ready, card('mastodon bluesky threads')) };

export const RightToLeft: StoryObj = { render: () => storyFrame(ready, card(), { dir: 'rtl', lang: 'ar' }) };
