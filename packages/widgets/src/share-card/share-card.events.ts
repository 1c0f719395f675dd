import type { Network, Share } from '@advocacy/sdk';

/** The employee created a share: their tracked link for a content and network (`detail.share`). */
export class AdvShareEvent extends Event {
  static readonly type = 'adv-share';
  readonly detail: { readonly contentId: string; readonly network: Network; readonly share: Share };
  constructor(detail: { contentId: string; network: Network; share: Share }) {
    super(AdvShareEvent.type, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'adv-share': AdvShareEvent;
  }
}
