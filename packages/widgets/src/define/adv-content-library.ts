import { defineElement } from '../base/adv-element.js';
import { AdvContentLibrary } from '../content-library/adv-content-library.js';
import './adv-share-card.js';

defineElement('adv-content-library', AdvContentLibrary);

declare global {
  interface HTMLElementTagNameMap {
    'adv-content-library': AdvContentLibrary;
  }
}
