import { defineElement } from '../base/adv-element.js';
import { AdvTestimonials } from '../testimonials/adv-testimonials.js';

defineElement('adv-testimonials', AdvTestimonials);

declare global {
  interface HTMLElementTagNameMap {
    'adv-testimonials': AdvTestimonials;
  }
}
