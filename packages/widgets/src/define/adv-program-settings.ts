import { defineElement } from '../base/adv-element.js';
import { AdvProgramSettings } from '../program-settings/adv-program-settings.js';

defineElement('adv-program-settings', AdvProgramSettings);

declare global {
  interface HTMLElementTagNameMap {
    'adv-program-settings': AdvProgramSettings;
  }
}
