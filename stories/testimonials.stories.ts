import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@advocacy/widgets/define/adv-testimonials.js';
import { pending, problem } from '../test/helpers/fake-api.js';
import { arabicTestimonialsPage, frenchTestimonialsPage, longTextTestimonialsPage, testimonialsPage } from '../test/helpers/fixtures/testimonials.js';
import { storyFrame } from './support/story-frame.js';

const ready = { 'GET /v1/testimonials': { body: testimonialsPage(4) } };
const widget = html`<adv-testimonials></adv-testimonials>`;

const meta: Meta = { title: 'Widgets/Testimonials', component: 'adv-testimonials' };
export default meta;

export const Ready: StoryObj = { render: () => storyFrame(ready, widget) };

export const Grid: StoryObj = { render: () => storyFrame(ready, html`<adv-testimonials layout="grid"></adv-testimonials>`) };

export const List: StoryObj = { render: () => storyFrame(ready, html`<adv-testimonials layout="list"></adv-testimonials>`) };

/** One at a time, moved with the buttons (or ArrowLeft / ArrowRight on them); never rotates by itself. */
export const Carousel: StoryObj = { render: () => storyFrame(ready, html`<adv-testimonials layout="carousel"></adv-testimonials>`) };

/** Rotates every 7 s with a pause button first; pauses on hover and focus; still under reduced motion. */
export const Autoplay: StoryObj = { render: () => storyFrame(ready, html`<adv-testimonials layout="carousel" autoplay></adv-testimonials>`) };

export const Loading: StoryObj = { render: () => storyFrame({ 'GET /v1/testimonials': pending }, widget) };

export const Empty: StoryObj = { render: () => storyFrame({ 'GET /v1/testimonials': { body: testimonialsPage(0) } }, widget) };

export const Error: StoryObj = { render: () => storyFrame({ 'GET /v1/testimonials': problem(500) }, widget) };

export const Dark: StoryObj = { render: () => storyFrame(ready, widget, { theme: 'dark' }) };

/** `locale="fr"`: French strings and only French testimonials. */
export const French: StoryObj = {
  render: () =>
    storyFrame({ 'GET /v1/testimonials': { body: frenchTestimonialsPage() } }, html`<adv-testimonials layout="carousel" locale="fr"></adv-testimonials>`),
};

export const LongText: StoryObj = { render: () => storyFrame({ 'GET /v1/testimonials': { body: longTextTestimonialsPage() } }, widget) };

/** Arabic testimonials in a carousel: the arrows and ArrowLeft / ArrowRight follow the reading direction. */
export const RTL: StoryObj = {
  render: () =>
    storyFrame({ 'GET /v1/testimonials': { body: arabicTestimonialsPage() } }, html`<adv-testimonials layout="carousel"></adv-testimonials>`, {
      lang: 'ar',
      dir: 'rtl',
    }),
};
