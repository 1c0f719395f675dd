import { defineElement } from '../base/adv-element.js';
import { AdvTestimonialForm } from '../testimonial-form/adv-testimonial-form.js';

defineElement('adv-testimonial-form', AdvTestimonialForm);

declare global {
  interface HTMLElementTagNameMap {
    'adv-testimonial-form': AdvTestimonialForm;
  }
}
