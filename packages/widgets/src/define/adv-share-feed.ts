import { defineElement } from '../base/adv-element.js';
import { AdvShareFeed } from '../share-feed/adv-share-feed.js';
import './adv-share-card.js';

defineElement('adv-share-feed', AdvShareFeed);

declare global {
  interface HTMLElementTagNameMap {
    'adv-share-feed': AdvShareFeed;
  }
}
