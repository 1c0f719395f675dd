import { defineElement } from '../base/adv-element.js';
import { AdvLeaderboard } from '../leaderboard/adv-leaderboard.js';

defineElement('adv-leaderboard', AdvLeaderboard);

declare global {
  interface HTMLElementTagNameMap {
    'adv-leaderboard': AdvLeaderboard;
  }
}
