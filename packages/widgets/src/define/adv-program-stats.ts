import { defineElement } from '../base/adv-element.js';
import { AdvProgramStats } from '../program-stats/adv-program-stats.js';

defineElement('adv-program-stats', AdvProgramStats);

declare global {
  interface HTMLElementTagNameMap {
    'adv-program-stats': AdvProgramStats;
  }
}
