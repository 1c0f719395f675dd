import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@advocacy/widgets/define/adv-program-stats.js';
import { pending, problem } from '../test/helpers/fake-api.js';
import { bigStats, emptyStats, justStartedStats, publicStats, readersOnlyStats, stats } from '../test/helpers/fixtures/stats.js';
import { storyFrame } from './support/story-frame.js';

const ready = { 'GET /v1/stats': { body: stats() } };
const widget = html`<adv-program-stats></adv-program-stats>`;

const meta: Meta = { title: 'Widgets/Program stats', component: 'adv-program-stats' };
export default meta;

export const Ready: StoryObj = { render: () => storyFrame(ready, widget) };

/** A career site with a publishable key: the headline and totals, no per-network detail. */
export const Public: StoryObj = {
  render: () => storyFrame({ 'GET /v1/stats/public': { body: publicStats() } }, html`<adv-program-stats public></adv-program-stats>`),
};

/** With `method-href`: the "How we estimate" disclosure links to the method in full. */
export const HowWeEstimate: StoryObj = {
  render: () => storyFrame(ready, html`<adv-program-stats method-href="https://docs.example.com/advocacy/estimated-reach"></adv-program-stats>`),
};

export const Loading: StoryObj = { render: () => storyFrame({ 'GET /v1/stats': pending }, widget) };

/** The page has not handed the provider its getToken yet: nothing is asked of the API, a quiet status waits. */
export const SigningIn: StoryObj = { render: () => storyFrame({}, widget, { signedOut: true }) };

export const Empty: StoryObj = { render: () => storyFrame({ 'GET /v1/stats': { body: emptyStats() } }, widget) };

/** 1 November: nothing yet this month, last month's reach beside it. */
export const JustStarted: StoryObj = { render: () => storyFrame({ 'GET /v1/stats': { body: justStartedStats() } }, widget) };

export const JustStartedFrench: StoryObj = { render: () => storyFrame({ 'GET /v1/stats': { body: justStartedStats() } }, widget, { lang: 'fr' }) };

/** No share this month yet, but readers of last month's shares: a readers headline, no "0 people". */
export const ReadersWithoutShares: StoryObj = { render: () => storyFrame({ 'GET /v1/stats': { body: readersOnlyStats() } }, widget) };

export const Error: StoryObj = { render: () => storyFrame({ 'GET /v1/stats': problem(500) }, widget) };

export const Dark: StoryObj = { render: () => storyFrame(ready, widget, { theme: 'dark' }) };

export const French: StoryObj = { render: () => storyFrame(ready, widget, { lang: 'fr' }) };

export const LongText: StoryObj = { render: () => storyFrame({ 'GET /v1/stats': { body: bigStats() } }, widget, { lang: 'fr' }) };

export const RightToLeft: StoryObj = { render: () => storyFrame(ready, widget, { lang: 'ar', dir: 'rtl' }) };
