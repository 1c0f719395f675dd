import { defineElement } from '../base/adv-element.js';
import { AdvShareCard } from '../share-card/adv-share-card.js';

defineElement('adv-share-card', AdvShareCard);

declare global {
  interface HTMLElementTagNameMap {
    'adv-share-card': AdvShareCard;
  }
}
