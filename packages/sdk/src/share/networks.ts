import type { Network } from '../contract/common.js';

/**
 * Networks whose share dialog ignores prefilled text: the card copies the
 * text to the clipboard first and says so, for the employee to paste.
 */
const TEXT_DROPPED: ReadonlySet<Network> = new Set<Network>(['linkedin', 'facebook']);

export function prefilledTextSurvives(network: Network): boolean {
  return !TEXT_DROPPED.has(network);
}

/** Where the tracked link goes in the post: a field of its own, or inside the text. */
export function urlTravelsInText(network: Network): boolean {
  return network === 'bluesky' || network === 'mastodon' || network === 'threads' || network === 'whatsapp';
}

/** The origin every intent URL of a network starts with (email uses `mailto:`; Mastodon the user's instance). */
export const NETWORK_ORIGINS: Readonly<Record<Exclude<Network, 'email' | 'mastodon'>, string>> = {
  linkedin: 'https://www.linkedin.com',
  x: 'https://x.com',
  facebook: 'https://www.facebook.com',
  whatsapp: 'https://wa.me',
  bluesky: 'https://bsky.app',
  threads: 'https://www.threads.net',
  telegram: 'https://t.me',
  teams: 'https://teams.microsoft.com',
};
