import type { Network } from '../contract/common.js';
import { composePost, type ShareText } from './compose.js';
import { checkTextLength, type TextCheck } from './text-length.js';

/**
 * Whether a post fits on `network` as it will really be posted: the
 * employee's text, the disclosure (always there, never removable) and the
 * link where that network counts it.
 */
export function checkPost(network: Network, post: ShareText): TextCheck {
  return checkTextLength(network, composePost(network, post));
}
