import type { Network } from '../contract/common.js';
import { urlTravelsInText } from './networks.js';

export interface ShareText {
  /** What the employee wrote or kept of the suggestion. */
  text: string;
  /** The organisation's disclosure: always appended, never removable. */
  disclosure: string;
  /** The tracked link. */
  url: string;
}

/**
 * The post as it will appear: the employee's text, the disclosure on its own
 * line, and the link where that network puts it in the text. This is what
 * the length rules count.
 */
export function composePost(network: Network, { text, disclosure, url }: ShareText): string {
  const parts = [text.trim(), disclosure.trim()].filter((part) => part !== '');
  if (urlTravelsInText(network) || network === 'x' || network === 'telegram' || network === 'email') parts.push(url);
  return parts.join('\n\n');
}

/** The post text without the link, for networks that take the link in a field of its own. */
export function composeTextOnly({ text, disclosure }: Omit<ShareText, 'url'>): string {
  return [text.trim(), disclosure.trim()].filter((part) => part !== '').join('\n\n');
}
