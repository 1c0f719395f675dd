import { defineElement } from '../base/adv-element.js';
import { AdvPeople } from '../people/adv-people.js';

defineElement('adv-people', AdvPeople);

declare global {
  interface HTMLElementTagNameMap {
    'adv-people': AdvPeople;
  }
}
