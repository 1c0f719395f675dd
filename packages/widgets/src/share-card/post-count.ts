import { html } from 'lit';
import type { Network, TextCheck } from '@advocacy/sdk';
import type { LocalizeController } from '../base/localize.js';

/** Remaining characters at or under which the count turns to a warning. */
const NEAR = 20;

/** How a network is named in the widgets' words (email is translated). */
const NAMES: Partial<Record<Network, string>> = {
  linkedin: 'LinkedIn',
  x: 'X',
  facebook: 'Facebook',
  whatsapp: 'WhatsApp',
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
  threads: 'Threads',
  telegram: 'Telegram',
  teams: 'Teams',
};

export function networkName(l: LocalizeController, network: Network): string {
  return NAMES[network] ?? l.t('shareCardEmail');
}

export type PostLevel = 'ok' | 'near' | 'over';

export const postLevel = (check: TextCheck): PostLevel => (check.over ? 'over' : check.remaining <= NEAR ? 'near' : 'ok');

/** "12 of 280 characters", or how many are left near the limit, or how many over it. */
export function postCountMessage(l: LocalizeController, check: TextCheck, network: Network): string {
  const params = { network: networkName(l, network) };
  const level = postLevel(check);
  if (level === 'over') return l.plural(-check.remaining, 'shareCardOver', params);
  if (level === 'near') return l.plural(check.remaining, 'shareCardLeft', params);
  return l.t('shareCardCount', { count: check.length, limit: check.limit });
}

/**
 * The live count under a post, as the share card and the content library
 * show it (`part="count"`, classes `count` and its level for the styles).
 */
export function renderPostCount(l: LocalizeController, check: TextCheck, network: Network, id = 'count'): unknown {
  return html`<p id=${id} part="count" class="count ${postLevel(check)}">${postCountMessage(l, check, network)}</p>`;
}
