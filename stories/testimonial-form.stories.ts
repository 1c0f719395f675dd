import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@advocacy/widgets/define/adv-testimonial-form.js';
import { pending, problem, type FakeRequest, type FakeRoutes } from '../test/helpers/fake-api.js';
import { consent, FRENCH_CONSENT, LONG_QUOTE, myTestimonial, myTestimonials, testimonialId } from '../test/helpers/fixtures/testimonials.js';
import { storyFrame } from './support/story-frame.js';

const routes: FakeRoutes = {
  'GET /v1/testimonials/consent': (request: FakeRequest) => ({ body: request.query.get('locale')?.startsWith('fr') ? FRENCH_CONSENT : consent() }),
  'GET /v1/testimonials/mine': { body: myTestimonials() },
  'POST /v1/testimonials': { status: 201, body: myTestimonial(9, { id: testimonialId(99) }) },
  'POST /v1/testimonials/:id/withdraw': (request: FakeRequest) => ({
    body: myTestimonial(0, { id: request.path.split('/')[3]!, status: 'withdrawn', withdrawnAt: '2026-11-25T10:00:00.000Z' }),
  }),
};
const widget = html`<adv-testimonial-form></adv-testimonial-form>`;

const meta: Meta = { title: 'Widgets/Testimonial form', component: 'adv-testimonial-form' };
export default meta;

export const Ready: StoryObj = { render: () => storyFrame(routes, widget) };

export const Loading: StoryObj = { render: () => storyFrame({ ...routes, 'GET /v1/testimonials/consent': pending }, widget) };

/** The page has not handed the provider its getToken yet: nothing is asked of the API, a quiet status waits. */
export const SigningIn: StoryObj = { render: () => storyFrame(routes, widget, { signedOut: true }) };

export const SigningInFrench: StoryObj = { render: () => storyFrame(routes, widget, { signedOut: true, lang: 'fr' }) };

/** No consent text set up yet: nothing can be submitted (the author's own list still shows). */
export const Empty: StoryObj = {
  render: () => storyFrame({ ...routes, 'GET /v1/testimonials/consent': { body: consent({ text: '' }) } }, widget),
};

export const Error: StoryObj = { render: () => storyFrame({ ...routes, 'GET /v1/testimonials/consent': problem(500) }, widget) };

export const Dark: StoryObj = { render: () => storyFrame(routes, widget, { theme: 'dark' }) };

export const French: StoryObj = { render: () => storyFrame(routes, widget, { lang: 'fr' }) };

/** A long consent text and long quotes in the author's list. */
export const LongText: StoryObj = {
  render: () =>
    storyFrame(
      {
        ...routes,
        'GET /v1/testimonials/consent': { body: consent({ text: `${consent().text}\n\n${LONG_QUOTE}\n\n${LONG_QUOTE}` }) },
        'GET /v1/testimonials/mine': { body: { items: myTestimonials().items.map((item) => ({ ...item, quote: LONG_QUOTE })) } },
      },
      widget,
    ),
};

/** Every submission answers 409: the consent text changed, and the form asks again. */
export const ConsentChanged: StoryObj = {
  render: () => storyFrame({ ...routes, 'POST /v1/testimonials': problem(409, 'Consent changed') }, widget),
};
