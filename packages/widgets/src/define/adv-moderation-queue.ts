import { defineElement } from '../base/adv-element.js';
import { AdvModerationQueue } from '../moderation-queue/adv-moderation-queue.js';

defineElement('adv-moderation-queue', AdvModerationQueue);

declare global {
  interface HTMLElementTagNameMap {
    'adv-moderation-queue': AdvModerationQueue;
  }
}
