import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@advocacy/widgets/define/adv-leaderboard.js';
import { pending, problem, type FakeRequest } from '../test/helpers/fake-api.js';
import { emptyLeaderboard, leaderboard, leaderboardMeOutside, leaderboardNotOptedIn, longTextLeaderboard, weekLeaderboard } from '../test/helpers/fixtures/leaderboard.js';
import { me } from '../test/helpers/fixtures/stats.js';
import { storyFrame } from './support/story-frame.js';

const byPeriod = (request: FakeRequest) => ({ body: request.query.get('period') === 'week' ? weekLeaderboard() : leaderboard() });
const widget = html`<adv-leaderboard></adv-leaderboard>`;

const meta: Meta = { title: 'Widgets/Leaderboard', component: 'adv-leaderboard' };
export default meta;

export const Ready: StoryObj = {
  render: () => storyFrame({ 'GET /v1/leaderboard': byPeriod, 'PATCH /v1/me': { body: me() } }, widget),
};

/** The caller ranks 42nd: their row sits under the top. */
export const YouOutsideTheTop: StoryObj = {
  render: () => storyFrame({ 'GET /v1/leaderboard': { body: leaderboardMeOutside() } }, widget),
};

/** The caller has not joined: the invitation card (joining is one click). */
export const Invitation: StoryObj = {
  render: () => storyFrame({ 'GET /v1/leaderboard': { body: leaderboardNotOptedIn() }, 'PATCH /v1/me': { body: me() } }, widget),
};

export const Loading: StoryObj = { render: () => storyFrame({ 'GET /v1/leaderboard': pending }, widget) };

export const Empty: StoryObj = { render: () => storyFrame({ 'GET /v1/leaderboard': { body: emptyLeaderboard() } }, widget) };

export const Error: StoryObj = { render: () => storyFrame({ 'GET /v1/leaderboard': problem(500) }, widget) };

export const Dark: StoryObj = { render: () => storyFrame({ 'GET /v1/leaderboard': byPeriod }, widget, { theme: 'dark' }) };

export const French: StoryObj = { render: () => storyFrame({ 'GET /v1/leaderboard': { body: leaderboardMeOutside() } }, widget, { lang: 'fr' }) };

export const LongText: StoryObj = {
  render: () => storyFrame({ 'GET /v1/leaderboard': { body: longTextLeaderboard() } }, html`<adv-leaderboard team="Global Strategic Partnerships"></adv-leaderboard>`),
};

export const RightToLeft: StoryObj = {
  render: () => storyFrame({ 'GET /v1/leaderboard': byPeriod }, widget, { lang: 'ar', dir: 'rtl' }),
};
