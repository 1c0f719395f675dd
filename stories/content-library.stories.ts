import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { ContentState } from '@advocacy/sdk';
import type { AdvContentLibrary } from '@advocacy/widgets/admin';
import '@advocacy/widgets/define/adv-content-library.js';
import { pending, problem, type FakeRoutes } from '../test/helpers/fake-api.js';
import { libraryPage, libraryRoutes } from '../test/helpers/fixtures/content-library.js';
import { storyFrame } from './support/story-frame.js';

/** An admin signed in; each state lists a few items, the live one a second page. */
const routes: FakeRoutes = libraryRoutes({
  page: (state) => libraryPage(state === 'live' ? 4 : 2, state as ContentState, { nextCursor: state === 'live' ? 'next' : null }),
});
const widget = html`<adv-content-library></adv-content-library>`;

const meta: Meta = { title: 'Admin/Content library', component: 'adv-content-library' };
export default meta;

export const Ready: StoryObj = { render: () => storyFrame(routes, widget) };

export const Loading: StoryObj = { render: () => storyFrame({ ...routes, 'GET /v1/content': pending }, widget) };

/** Nothing in this state yet: "New content" is the way in. */
export const Empty: StoryObj = { render: () => storyFrame({ ...routes, 'GET /v1/content': { body: { items: [], nextCursor: null } } }, widget) };

export const Error: StoryObj = { render: () => storyFrame({ ...routes, 'GET /v1/content': problem(500, 'Internal Server Error') }, widget) };

/** The create form, opened as the "New content" button does, with its share card preview below. */
export const Form: StoryObj = {
  render: () =>
    storyFrame(
      routes,
      html`<adv-content-library ${ref((element) => (element as AdvContentLibrary | undefined)?.create())}></adv-content-library>`,
    ),
};

/** Every save is refused: the destination is not on the organisation's allowed domains. */
export const DestinationRefused: StoryObj = {
  render: () =>
    storyFrame(
      {
        ...routes,
        'POST /v1/content': {
          status: 422,
          headers: { 'content-type': 'application/problem+json' },
          body: {
            type: 'https://advocacy.example/problems/destination-not-allowed',
            title: 'Unprocessable Content',
            status: 422,
            detail: 'The destination is refused: evil.example is not one of the organisation’s allowed domains (acme.example, acme.jobs).',
            errors: [{ field: 'body.url', message: 'not allowed' }],
          },
        },
      },
      html`<adv-content-library ${ref((element) => (element as AdvContentLibrary | undefined)?.create())}></adv-content-library>`,
    ),
};

/** Signed in without the programme admin role: one clear state, no admin request. */
export const NotAdmin: StoryObj = { render: () => storyFrame(libraryRoutes({ isAdmin: false }), widget) };

export const Themed: StoryObj = { render: () => storyFrame(routes, widget, { theme: 'dark' }) };

export const HighContrast: StoryObj = { render: () => storyFrame(routes, widget, { theme: 'high-contrast' }) };

export const French: StoryObj = { render: () => storyFrame(routes, widget, { lang: 'fr' }) };
