import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@advocacy/widgets/define/adv-program-dashboard.js';
import { pending, problem, type FakeRoutes } from '../test/helpers/fake-api.js';
import { adminStatsFromQuery, kpis, quietKpis } from '../test/helpers/fixtures/admin-stats.js';
import { me } from '../test/helpers/fixtures/stats.js';
import { storyFrame } from './support/story-frame.js';

/** A fixed day, so the presets show the same days whenever the story is looked at. */
const now = () => new Date('2027-01-01T09:00:00Z');

const earnedMedia = { value: 1200, currency: 'EUR', cpc: 0.8, cpm: 5, formula: 'creditedReaders × cpc + estimatedReach / 1000 × cpm', estimate: true as const };

/** An admin signed in; figures for any range and breakdown, with the organisation's costs set (earned media). */
const routes: FakeRoutes = {
  'GET /v1/me': { body: me({ isAdmin: true }) },
  'GET /v1/admin/stats': (request) => ({ body: adminStatsFromQuery(request.query, { kpis: kpis({ earnedMedia }) }) }),
};
const widget = html`<adv-program-dashboard .now=${now}></adv-program-dashboard>`;

const meta: Meta = { title: 'Admin/Program dashboard', component: 'adv-program-dashboard' };
export default meta;

export const Ready: StoryObj = { render: () => storyFrame(routes, widget) };

/** By team: teams under 5 people are together under "Other teams", and the note says why. */
export const ByTeam: StoryObj = { render: () => storyFrame(routes, html`<adv-program-dashboard group-by="team" .now=${now}></adv-program-dashboard>`) };

export const Loading: StoryObj = { render: () => storyFrame({ ...routes, 'GET /v1/admin/stats': pending }, widget) };

/** Nothing this month yet: it says so, with last month's figures. */
export const Empty: StoryObj = {
  render: () =>
    storyFrame(
      { ...routes, 'GET /v1/admin/stats': (request) => ({ body: adminStatsFromQuery(request.query, { kpis: quietKpis(), rows: [] }) }) },
      html`<adv-program-dashboard preset="this-month" .now=${now}></adv-program-dashboard>`,
    ),
};

export const Error: StoryObj = { render: () => storyFrame({ ...routes, 'GET /v1/admin/stats': problem(500, 'Internal Server Error') }, widget) };

/** A signed-in employee without the programme admin role: one clear state, no admin request. */
export const NotAdmin: StoryObj = { render: () => storyFrame({ ...routes, 'GET /v1/me': { body: me({ isAdmin: false }) } }, widget) };

export const Themed: StoryObj = { render: () => storyFrame(routes, widget, { theme: 'dark' }) };

export const French: StoryObj = { render: () => storyFrame(routes, widget, { lang: 'fr' }) };
