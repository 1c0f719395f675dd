import type { Testimonial } from '@advocacy/sdk';

const EVENT_INIT: EventInit = { bubbles: true, composed: true };

/** The author sent a testimonial; it waits for moderation (`detail.testimonial.status` is `pending`). */
export class AdvSubmitEvent extends Event {
  static readonly type = 'adv-submit';
  readonly detail: { readonly testimonial: Testimonial };
  constructor(detail: { testimonial: Testimonial }) {
    super(AdvSubmitEvent.type, EVENT_INIT);
    this.detail = detail;
  }
}

/** The author withdrew one of their testimonials; it is gone from every public listing. */
export class AdvWithdrawEvent extends Event {
  static readonly type = 'adv-withdraw';
  readonly detail: { readonly testimonial: Testimonial };
  constructor(detail: { testimonial: Testimonial }) {
    super(AdvWithdrawEvent.type, EVENT_INIT);
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'adv-submit': AdvSubmitEvent;
    'adv-withdraw': AdvWithdrawEvent;
  }
}
