import type { Network, Share, Testimonial } from '@advocacy/sdk';

/** Every `adv-*` event bubbles and crosses shadow roots, so a page can listen on `document`. */
const EVENT_INIT: EventInit = { bubbles: true, composed: true };

/** A widget's data arrived and it rendered its ready (or empty) state. */
export class AdvLoadEvent extends Event {
  static readonly type = 'adv-load';
  readonly detail: { readonly empty: boolean };
  constructor(detail: { empty: boolean }) {
    super(AdvLoadEvent.type, EVENT_INIT);
    this.detail = detail;
  }
}

/** A widget could not load or act; `detail.error` is the SDK's typed error. */
export class AdvErrorEvent extends Event {
  static readonly type = 'adv-error';
  readonly detail: { readonly error: Error };
  constructor(detail: { error: Error }) {
    super(AdvErrorEvent.type, EVENT_INIT);
    this.detail = detail;
  }
}

/** The employee created a share: their tracked link for a content and network (`detail.share`). */
export class AdvShareEvent extends Event {
  static readonly type = 'adv-share';
  readonly detail: { readonly contentId: string; readonly network: Network; readonly share: Share };
  constructor(detail: { contentId: string; network: Network; share: Share }) {
    super(AdvShareEvent.type, EVENT_INIT);
    this.detail = detail;
  }
}

/** The caller joined or left the leaderboard (their choice is saved). */
export class AdvOptInEvent extends Event {
  static readonly type = 'adv-opt-in';
  readonly detail: { readonly optedIn: boolean };
  constructor(detail: { optedIn: boolean }) {
    super(AdvOptInEvent.type, EVENT_INIT);
    this.detail = detail;
  }
}

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
    'adv-load': AdvLoadEvent;
    'adv-error': AdvErrorEvent;
    'adv-share': AdvShareEvent;
    'adv-opt-in': AdvOptInEvent;
    'adv-submit': AdvSubmitEvent;
    'adv-withdraw': AdvWithdrawEvent;
  }
}
