import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@advocacy/widgets/define/adv-my-impact.js';
import { pending, problem, type FakeRoutes } from '../test/helpers/fake-api.js';
import { justStartedLeaderboard, leaderboard } from '../test/helpers/fixtures/leaderboard.js';
import { me, share, sharePage } from '../test/helpers/fixtures/stats.js';
import { storyFrame } from './support/story-frame.js';

function routes(mine: { rank: number | null; points: number; shares: number; clicks: number }, audience = me().audience): FakeRoutes {
  return {
    'GET /v1/leaderboard': { body: leaderboard({ items: [], me: { ...mine, optedIn: true } }) },
    'GET /v1/me': { body: me({ audience }) },
    'GET /v1/shares': { body: sharePage([share('linkedin', '2026-11-20T10:00:00Z'), share('x', '2026-11-03T08:00:00Z')]) },
  };
}

const ready = routes({ rank: 4, points: 610, shares: 12, clicks: 340 });
const widget = html`<adv-my-impact></adv-my-impact>`;

const meta: Meta = { title: 'Widgets/My impact', component: 'adv-my-impact' };
export default meta;

export const Ready: StoryObj = { render: () => storyFrame(ready, widget) };

/** With `method-href`: the "How we estimate" disclosure links to the method in full. */
export const HowWeEstimate: StoryObj = {
  render: () => storyFrame(ready, html`<adv-my-impact method-href="https://docs.example.com/advocacy/estimated-reach"></adv-my-impact>`, { lang: 'fr' }),
};

export const Loading: StoryObj = { render: () => storyFrame({ ...ready, 'GET /v1/leaderboard': pending }, widget) };

/** The page has not handed the provider its getToken yet: nothing is asked of the API, a quiet status waits. */
export const SigningIn: StoryObj = { render: () => storyFrame(ready, widget, { signedOut: true }) };

export const Empty: StoryObj = { render: () => storyFrame(routes({ rank: null, points: 0, shares: 0, clicks: 0 }), widget) };

/** 1 November: nothing yet this month, last month beside it. */
export const JustStarted: StoryObj = { render: () => storyFrame({ ...ready, 'GET /v1/leaderboard': { body: justStartedLeaderboard() } }, widget) };

export const JustStartedFrench: StoryObj = {
  render: () => storyFrame({ ...ready, 'GET /v1/leaderboard': { body: justStartedLeaderboard() } }, widget, { lang: 'fr' }),
};

/** No share this month yet, but readers of last month's shares. */
export const ReadersWithoutShares: StoryObj = { render: () => storyFrame(routes({ rank: 12, points: 40, shares: 0, clicks: 20 }), widget) };

export const Error: StoryObj = { render: () => storyFrame({ ...ready, 'GET /v1/leaderboard': problem(500) }, widget) };

export const Dark: StoryObj = { render: () => storyFrame(ready, widget, { theme: 'dark' }) };

export const French: StoryObj = { render: () => storyFrame(ready, widget, { lang: 'fr' }) };

/** Big numbers, no audience declared yet. */
export const LongText: StoryObj = {
  render: () => storyFrame(routes({ rank: 123_456, points: 98_765_432, shares: 1_234_567, clicks: 2_345_678_901 }, { linkedin: 100_000_000, x: 99_999_999 }), widget, { lang: 'fr' }),
};

export const NoAudienceDeclared: StoryObj = { render: () => storyFrame(routes({ rank: 18, points: 40, shares: 1, clicks: 0 }, {}), widget) };
