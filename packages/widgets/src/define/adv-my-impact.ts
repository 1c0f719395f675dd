import { defineElement } from '../base/adv-element.js';
import { AdvMyImpact } from '../my-impact/adv-my-impact.js';

defineElement('adv-my-impact', AdvMyImpact);

declare global {
  interface HTMLElementTagNameMap {
    'adv-my-impact': AdvMyImpact;
  }
}
