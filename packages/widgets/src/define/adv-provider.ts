import { defineElement } from '../base/adv-element.js';
import { AdvProvider } from '../provider/adv-provider.js';

defineElement('adv-provider', AdvProvider);

declare global {
  interface HTMLElementTagNameMap {
    'adv-provider': AdvProvider;
  }
}
