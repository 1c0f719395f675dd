import { defineElement } from '../base/adv-element.js';
import { AdvProgramDashboard } from '../program-dashboard/adv-program-dashboard.js';

defineElement('adv-program-dashboard', AdvProgramDashboard);

declare global {
  interface HTMLElementTagNameMap {
    'adv-program-dashboard': AdvProgramDashboard;
  }
}
