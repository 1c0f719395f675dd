import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@advocacy/widgets/define/adv-program-settings.js';
import { pending, problem } from '../test/helpers/fake-api.js';
import { PROGRAMME_SETTINGS, settingsRoutes } from '../test/helpers/fixtures/settings.js';
import { me } from '../test/helpers/fixtures/stats.js';
import { storyFrame } from './support/story-frame.js';

const routes = settingsRoutes();
const widget = html`<adv-program-settings></adv-program-settings>`;

const meta: Meta = { title: 'Admin/Program settings', component: 'adv-program-settings' };
export default meta;

export const Ready: StoryObj = { render: () => storyFrame(routes, widget) };

export const Loading: StoryObj = { render: () => storyFrame({ ...routes, 'GET /v1/admin/settings': pending }, widget) };

/** A new organisation: no earned-media costs, no origin, no key, no identity provider yet. */
export const Empty: StoryObj = {
  render: () =>
    storyFrame(
      {
        ...routes,
        'GET /v1/admin/settings': { body: { ...PROGRAMME_SETTINGS, disclosure: {}, allowedDomains: [], earnedMedia: null } },
        'GET /v1/admin/origins': { body: { origins: [] } },
        'GET /v1/admin/keys': { body: { items: [] } },
        'GET /v1/admin/identity': { body: { issuer: null, audience: null, jwksUrl: null, adminRole: 'advocacy-admin' } },
      },
      widget,
    ),
};

export const Error: StoryObj = { render: () => storyFrame({ ...routes, 'GET /v1/admin/settings': problem(500, 'Internal Server Error') }, widget) };

/** A signed-in employee without the programme admin role: one clear state, no admin request. */
export const NotAdmin: StoryObj = { render: () => storyFrame({ ...routes, 'GET /v1/me': { body: me({ isAdmin: false }) } }, widget) };

/** Every save refused with a field error, shown next to its field. */
export const FieldErrors: StoryObj = {
  render: () =>
    storyFrame(
      {
        ...routes,
        'PATCH /v1/admin/settings': {
          status: 400,
          headers: { 'content-type': 'application/problem+json' },
          body: { type: 'about:blank', title: 'Bad Request', status: 400, errors: [{ field: 'body.allowedDomains.0', message: 'a domain name such as "acme.example"' }] },
        },
      },
      widget,
    ),
};

export const Themed: StoryObj = { render: () => storyFrame(routes, widget, { theme: 'dark' }) };

export const French: StoryObj = { render: () => storyFrame(routes, widget, { lang: 'fr' }) };
