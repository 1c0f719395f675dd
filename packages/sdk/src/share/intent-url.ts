import type { Network } from '../contract/common.js';
import { composePost, composeTextOnly, type ShareText } from './compose.js';
import { isInstanceHost } from './instance-host.js';
import { NETWORK_ORIGINS } from './networks.js';

export interface IntentOptions extends ShareText {
  /** Mastodon only: the employee's instance, e.g. `mastodon.social`. */
  mastodonInstance?: string;
  /** Email subject (the content's title). */
  subject?: string;
  /** X hashtags without `#`. */
  hashtags?: readonly string[];
}

function build(origin: string, path: string, params: Record<string, string | undefined>): string {
  const url = new URL(path, origin);
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') url.searchParams.set(key, value);
  }
  return url.href;
}

/**
 * The URL that opens `network`'s share dialog with the post prefilled, or
 * undefined when it cannot be built (Mastodon without a valid instance).
 * Every URL starts with the network's own https origin.
 */
export function intentUrl(network: Network, options: IntentOptions): string | undefined {
  const { url } = options;
  switch (network) {
    case 'linkedin':
      return build(NETWORK_ORIGINS.linkedin, '/sharing/share-offsite/', { url });
    case 'facebook':
      return build(NETWORK_ORIGINS.facebook, '/sharer/sharer.php', { u: url });
    case 'x':
      return build(NETWORK_ORIGINS.x, '/intent/post', {
        text: composeTextOnly(options),
        url,
        hashtags: options.hashtags?.map((tag) => tag.replace(/^#/, '')).join(','),
      });
    case 'whatsapp':
      return build(NETWORK_ORIGINS.whatsapp, '/', { text: composePost(network, options) });
    case 'bluesky':
      return build(NETWORK_ORIGINS.bluesky, '/intent/compose', { text: composePost(network, options) });
    case 'threads':
      return build(NETWORK_ORIGINS.threads, '/intent/post', { text: composePost(network, options) });
    case 'telegram':
      return build(NETWORK_ORIGINS.telegram, '/share/url', { url, text: composeTextOnly(options) });
    case 'teams':
      return build(NETWORK_ORIGINS.teams, '/share', { href: url, msgText: composeTextOnly(options) });
    case 'mastodon': {
      const instance = options.mastodonInstance?.trim().toLowerCase();
      if (!instance || !isInstanceHost(instance)) return undefined;
      return build(`https://${instance}`, '/share', { text: composePost(network, options) });
    }
    case 'email': {
      const query = new URLSearchParams();
      if (options.subject) query.set('subject', options.subject);
      query.set('body', composePost(network, options));
      // mailto: wants %20 for a space (RFC 6068). URLSearchParams writes a space as + and a literal + as %2B, so each + left is a space.
      return `mailto:?${query.toString().replaceAll('+', '%20')}`;
    }
  }
}
