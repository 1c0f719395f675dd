import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { TestimonialStatus } from '@advocacy/sdk';
import '@advocacy/widgets/define/adv-moderation-queue.js';
import { pending, problem, type FakeRoutes } from '../test/helpers/fake-api.js';
import { auditTrail, moderationPage } from '../test/helpers/fixtures/moderation.js';
import { me } from '../test/helpers/fixtures/stats.js';
import { storyFrame } from './support/story-frame.js';

/** An admin signed in; three testimonials in each status. */
const routes: FakeRoutes = {
  'GET /v1/me': { body: me({ isAdmin: true }) },
  'GET /v1/admin/testimonials': (request) => ({ body: moderationPage(3, (request.query.get('status') ?? 'pending') as TestimonialStatus) }),
  'GET /v1/admin/testimonials/:id/audit': { body: auditTrail() },
};
const widget = html`<adv-moderation-queue></adv-moderation-queue>`;

const meta: Meta = { title: 'Admin/Moderation queue', component: 'adv-moderation-queue' };
export default meta;

export const Ready: StoryObj = { render: () => storyFrame(routes, widget) };

/** Withdrawn by their authors: shown as withdrawn, with no approve action. */
export const Withdrawn: StoryObj = { render: () => storyFrame(routes, html`<adv-moderation-queue status="withdrawn"></adv-moderation-queue>`) };

export const Loading: StoryObj = { render: () => storyFrame({ ...routes, 'GET /v1/admin/testimonials': pending }, widget) };

export const Empty: StoryObj = { render: () => storyFrame({ ...routes, 'GET /v1/admin/testimonials': { body: { items: [], nextCursor: null } } }, widget) };

export const Error: StoryObj = { render: () => storyFrame({ ...routes, 'GET /v1/admin/testimonials': problem(500, 'Internal Server Error') }, widget) };

/** A signed-in employee without the programme admin role: one clear state, no admin request. */
export const NotAdmin: StoryObj = { render: () => storyFrame({ ...routes, 'GET /v1/me': { body: me({ isAdmin: false }) } }, widget) };

export const Themed: StoryObj = { render: () => storyFrame(routes, widget, { theme: 'dark' }) };

export const French: StoryObj = { render: () => storyFrame(routes, widget, { lang: 'fr' }) };
