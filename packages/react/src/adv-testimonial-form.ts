import React from 'react';
import type { EventName } from '@lit/react';
import {
  AdvTestimonialForm as AdvTestimonialFormElement,
  type AdvErrorEvent,
  type AdvLoadEvent,
  type AdvSubmitEvent,
  type AdvWithdrawEvent,
} from '@advocacy/widgets';
import '@advocacy/widgets/define/adv-testimonial-form.js';
import { createAdvComponent } from './create-adv-component.js';

/** `<adv-testimonial-form>`: submit a testimonial with consent, withdraw your own. */
export const AdvTestimonialForm = createAdvComponent({
  react: React,
  tagName: 'adv-testimonial-form',
  elementClass: AdvTestimonialFormElement,
  displayName: 'AdvTestimonialForm',
  events: {
    onAdvLoad: 'adv-load' as EventName<AdvLoadEvent>,
    onAdvError: 'adv-error' as EventName<AdvErrorEvent>,
    onAdvSubmit: 'adv-submit' as EventName<AdvSubmitEvent>,
    onAdvWithdraw: 'adv-withdraw' as EventName<AdvWithdrawEvent>,
  },
});
