import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@advocacy/widgets/define/adv-leaderboard.js';
import type { MeUpdate } from '@advocacy/sdk';
import { pending, problem, type FakeRequest, type FakeRoutes } from '../test/helpers/fake-api.js';
import { emptyLeaderboard, entry, leaderboard, leaderboardMeOutside, leaderboardNotOptedIn, leaderboardNotRanked, longTextLeaderboard, weekLeaderboard } from '../test/helpers/fixtures/leaderboard.js';
import { me } from '../test/helpers/fixtures/stats.js';
import { storyFrame } from './support/story-frame.js';

const byPeriod = (request: FakeRequest) => ({ body: request.query.get('period') === 'week' ? weekLeaderboard() : leaderboard() });
const widget = html`<adv-leaderboard></adv-leaderboard>`;

/** A fake API that remembers the caller joining or leaving, so the buttons can be tried. */
function optInRoutes(joined: boolean): FakeRoutes {
  let optedIn = joined;
  return {
    'GET /v1/leaderboard': (request) => {
      if (request.query.get('period') === 'week') return { body: weekLeaderboard({ me: { rank: optedIn ? 3 : null, points: 40, shares: 2, clicks: 9, optedIn } }) };
      return { body: optedIn ? leaderboard() : leaderboardNotOptedIn() };
    },
    'PATCH /v1/me': (request) => {
      optedIn = (request.body as MeUpdate).leaderboardOptIn ?? optedIn;
      return { body: me({ leaderboardOptIn: optedIn }) };
    },
  };
}

const meta: Meta = { title: 'Widgets/Leaderboard', component: 'adv-leaderboard' };
export default meta;

export const Ready: StoryObj = {
  render: () => storyFrame(optInRoutes(true), widget),
};

/** The caller ranks 42nd: their row sits under the top. */
export const YouOutsideTheTop: StoryObj = {
  render: () => storyFrame({ 'GET /v1/leaderboard': { body: leaderboardMeOutside() } }, widget),
};

/** Opted in with no points this month: the caller's own row says they are not ranked yet, and how to get on the board. */
export const NotRankedYet: StoryObj = {
  render: () => storyFrame({ 'GET /v1/leaderboard': { body: leaderboardNotRanked() } }, widget),
};

export const NotRankedYetFrench: StoryObj = {
  render: () => storyFrame({ 'GET /v1/leaderboard': { body: leaderboardNotRanked('quarter') } }, html`<adv-leaderboard period="quarter"></adv-leaderboard>`, { lang: 'fr' }),
};

/** A 480 px column in French: names stop at two lines, teams at one; no period label breaks. */
export const NarrowFrench: StoryObj = {
  render: () =>
    storyFrame(
      {
        'GET /v1/leaderboard': {
          body: leaderboard({
            period: 'all',
            items: [
              entry(1, 'Maximilian Alexander von Hohenberg-Schönfeld', { team: 'Communication interne et marque employeur' }),
              entry(2, 'Lucas Martin', { avatarUrl: null, team: 'Ventes' }),
            ],
          }),
        },
      },
      html`<adv-leaderboard period="all" style="display: block; width: 480px"></adv-leaderboard>`,
      { lang: 'fr' },
    ),
};

/** The caller has not joined: the invitation card (joining is one click). */
export const Invitation: StoryObj = {
  render: () => storyFrame(optInRoutes(false), widget),
};

export const Loading: StoryObj = { render: () => storyFrame({ 'GET /v1/leaderboard': pending }, widget) };

/** The page has not handed the provider its getToken yet: nothing is asked of the API, a quiet status waits. */
export const SigningIn: StoryObj = { render: () => storyFrame({}, widget, { signedOut: true }) };

export const Empty: StoryObj = { render: () => storyFrame({ 'GET /v1/leaderboard': { body: emptyLeaderboard() } }, widget) };

export const Error: StoryObj = { render: () => storyFrame({ 'GET /v1/leaderboard': problem(500) }, widget) };

/** The API refuses this page's origin: the error says so, with the API's own detail (how an admin allows it). */
export const OriginNotAllowed: StoryObj = {
  render: () =>
    storyFrame(
      {
        'GET /v1/leaderboard': {
          status: 403,
          body: {
            type: 'https://advocacy.example/problems/origin-not-allowed',
            title: 'Forbidden',
            status: 403,
            detail: 'This page (https://intranet.acme.com) is not allowed to use this key. An admin can allow it with `advocacy-admin origins add https://intranet.acme.com`.',
          },
        },
      },
      widget,
    ),
};

export const Dark: StoryObj = { render: () => storyFrame({ 'GET /v1/leaderboard': byPeriod }, widget, { theme: 'dark' }) };

export const French: StoryObj = { render: () => storyFrame({ 'GET /v1/leaderboard': { body: leaderboardMeOutside() } }, widget, { lang: 'fr' }) };

export const LongText: StoryObj = {
  render: () => storyFrame({ 'GET /v1/leaderboard': { body: longTextLeaderboard() } }, html`<adv-leaderboard team="Global Strategic Partnerships"></adv-leaderboard>`),
};

export const RightToLeft: StoryObj = {
  render: () => storyFrame({ 'GET /v1/leaderboard': byPeriod }, widget, { lang: 'ar', dir: 'rtl' }),
};
