import React from 'react';
import type { EventName } from '@lit/react';
import { AdvTestimonials as AdvTestimonialsElement, type AdvErrorEvent, type AdvLoadEvent } from '@advocacy/widgets';
import '@advocacy/widgets/define/adv-testimonials.js';
import { createAdvComponent } from './create-adv-component.js';

/** `<adv-testimonials>`: approved testimonials as a grid, a list or a carousel. */
export const AdvTestimonials = createAdvComponent({
  react: React,
  tagName: 'adv-testimonials',
  elementClass: AdvTestimonialsElement,
  displayName: 'AdvTestimonials',
  events: {
    onAdvLoad: 'adv-load' as EventName<AdvLoadEvent>,
    onAdvError: 'adv-error' as EventName<AdvErrorEvent>,
  },
});
